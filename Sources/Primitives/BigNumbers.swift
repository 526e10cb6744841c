import COpenSSL

/// Moving integers between big-endian octet strings and OpenSSL `BIGNUM`s, for the RSA and
/// finite-field Diffie-Hellman code. Every `BIGNUM` made here is freed by its caller with
/// `BN_clear_free`, so that secret values do not linger in freed memory.
enum BigNumbers {
    /// A new `BIGNUM` holding the big-endian `octets` (empty means 0). A `secret` one is
    /// allocated with `BN_secure_new` (OpenSSL wipes it, and copies of it in an
    /// `OSSL_PARAM_BLD`, when freed) and flagged for constant-time use.
    static func make(_ octets: [UInt8], secret: Bool = false, subject: String) throws(PrimitivesError) -> OpaquePointer {
        let number = try make(secret: secret, subject: subject)
        let length = Int32(octets.count)
        guard octets.withUnsafeBufferPointer({ BN_bin2bn($0.baseAddress, length, number) }) != nil else {
            BN_clear_free(number)
            throw OpenSSLErrors.failure(subject, "BN_bin2bn")
        }
        return number
    }

    /// A new `BIGNUM` holding 0 (see ``make(_:secret:subject:)`` for `secret`).
    static func make(secret: Bool = false, subject: String) throws(PrimitivesError) -> OpaquePointer {
        guard let number = secret ? BN_secure_new() : BN_new() else { throw OpenSSLErrors.failure(subject, "BN_new") }
        if secret { BN_set_flags(number, BN_FLG_CONSTTIME) }
        return number
    }

    /// `number` as exactly `length` big-endian octets, or an error if it does not fit.
    static func octets(_ number: OpaquePointer, length: Int, subject: String) throws(PrimitivesError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        guard BN_bn2binpad(number, &out, Int32(length)) == Int32(length) else {
            throw OpenSSLErrors.failure(subject, "BN_bn2binpad")
        }
        return out
    }

    /// A new `BN_CTX`, freed by the caller with `BN_CTX_free`.
    static func context(subject: String) throws(PrimitivesError) -> OpaquePointer {
        guard let context = BN_CTX_new() else { throw OpenSSLErrors.failure(subject, "BN_CTX_new") }
        return context
    }
}
