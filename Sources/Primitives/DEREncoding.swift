import COpenSSL

/// The DER an OpenSSL `i2d_*` function writes into a buffer it allocates, copied out and
/// the buffer freed.
enum DEREncoding {
    /// `encode` is the `i2d_*` call, given the output pointer to fill; `function` names it
    /// in the error when it writes nothing.
    static func encoded(subject: String, function: String,
                        _ encode: (inout UnsafeMutablePointer<UInt8>?) -> Int32) throws(PrimitivesError) -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>? = nil
        let length = encode(&out)
        guard length > 0, let out else { throw OpenSSLErrors.failure(subject, function) }
        defer { CRYPTO_free(out, nil, 0) }
        return Array(UnsafeBufferPointer(start: out, count: Int(length)))
    }
}
