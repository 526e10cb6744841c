import COpenSSL

/// One OpenSSL `EVP_PKEY` (an RSA public key or key pair), freed with the last reference.
/// `EVP_PKEY_free` clears the private `BIGNUM`s of a key pair (OpenSSL frees them with
/// `BN_clear_free`).
///
/// `@unchecked Sendable` is sound: the key is never modified after it is made, and OpenSSL
/// lets several threads use one `EVP_PKEY` at the same time, each with its own `EVP_PKEY_CTX`.
final class OwnedPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { EVP_PKEY_free(pointer) }

    /// The key's size in octets (the modulus length k of RFC 8017).
    var modulusOctets: Int { Int(EVP_PKEY_get_size(pointer)) }

    /// The raw RSA operation on one `modulusOctets`-octet block (RSA_NO_PADDING): RSAEP
    /// (RFC 8017 §5.1.1, `isPrivate == false`) or RSADP (§5.1.2, `isPrivate == true`, with
    /// OpenSSL's blinding and CRT). OpenSSL refuses a representative not below n.
    func raw(_ block: [UInt8], usingPrivateKey isPrivate: Bool, subject: String) throws(PrimitivesError) -> [UInt8] {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pointer, nil) else {
            throw OpenSSLErrors.failure(subject, "EVP_PKEY_CTX_new_from_pkey")
        }
        defer { EVP_PKEY_CTX_free(context) }
        let initialised = isPrivate ? EVP_PKEY_decrypt_init(context) : EVP_PKEY_encrypt_init(context)
        guard initialised == 1, EVP_PKEY_CTX_set_rsa_padding(context, RSA_NO_PADDING) == 1 else {
            throw OpenSSLErrors.failure(subject, isPrivate ? "EVP_PKEY_decrypt_init" : "EVP_PKEY_encrypt_init")
        }
        var output = [UInt8](repeating: 0, count: modulusOctets)
        var length = output.count
        let ok = isPrivate
            ? EVP_PKEY_decrypt(context, &output, &length, block, block.count)
            : EVP_PKEY_encrypt(context, &output, &length, block, block.count)
        guard ok == 1, length == output.count else {
            throw OpenSSLErrors.failure(subject, isPrivate ? "RSADP" : "RSAEP")
        }
        return output
    }
}
