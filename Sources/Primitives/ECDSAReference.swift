import COpenSSL

/// OpenSSL's ECDSA with SHA-256 (`EVP_DigestSign`, `EVP_DigestVerify`) on a key pair made
/// for the occasion: the yardstick `mikey-ibake bench` measures ECCSI against (issue 13).
/// No protocol of the lab signs with it.
///
/// `@unchecked Sendable` is sound: the key is not modified after `init`, and OpenSSL lets
/// several threads sign and verify with one `EVP_PKEY` at the same time.
public final class ECDSAReference: @unchecked Sendable {
    public let curve: NISTCurve
    private let key: OpaquePointer

    /// A fresh key pair on `curve`, from OpenSSL's own generator.
    public init(curve: NISTCurve) throws(PrimitivesError) {
        let subject = "ECDSA \(curve.displayName) key generation"
        guard let context = EVP_PKEY_CTX_new_from_name(nil, "EC", nil) else {
            throw OpenSSLErrors.failure(subject, "EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
              EVP_PKEY_CTX_set_group_name(context, curve.displayName) == 1,
              EVP_PKEY_generate(context, &key) == 1, let key
        else { throw OpenSSLErrors.failure(subject, "EVP_PKEY_generate") }
        self.curve = curve
        self.key = key
    }

    deinit { EVP_PKEY_free(key) }

    /// The DER-encoded ECDSA signature of SHA-256(message).
    public func sign(_ message: [UInt8]) throws(PrimitivesError) -> [UInt8] {
        let subject = "ECDSA \(curve.displayName) signing"
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrors.failure(subject, "EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            throw OpenSSLErrors.failure(subject, "EVP_DigestSignInit")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            throw OpenSSLErrors.failure(subject, "EVP_DigestSign")
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
            throw OpenSSLErrors.failure(subject, "EVP_DigestSign")
        }
        return Array(signature.prefix(length))
    }

    /// Whether `signature` is a valid DER ECDSA signature of SHA-256(message) under this key.
    public func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            ERR_clear_error()
            return false
        }
        let valid = EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
        ERR_clear_error()
        return valid
    }
}
