import COpenSSL

extension RSAPrivateKey {
    /// A copy of the key pair as DER (`i2d_PrivateKey`: RSAPrivateKey of RFC 8017 A.1.2), for
    /// the lab's ledger, whose screens show a teaching run's secrets. The copy is the
    /// caller's; OpenSSL still clears its own when the key is released.
    public func exportedDER() throws(PrimitivesError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        let length = i2d_PrivateKey(key.pointer, &out)
        guard length > 0, let out else { throw OpenSSLErrors.failure("RSA private key", "i2d_PrivateKey") }
        defer {
            OPENSSL_cleanse(out, Int(length))
            CRYPTO_free(out, nil, 0)
        }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }
}
