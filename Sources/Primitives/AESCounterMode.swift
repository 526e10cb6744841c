import COpenSSL

/// AES in counter mode as NIST SP 800-38A §6.5 defines it, computed by OpenSSL.
///
/// The counter block is the whole 16-octet initial counter, incremented as one 128-bit
/// big-endian integer (the standard incrementing function of SP 800-38A Appendix B.1).
/// SRTP's AES-CM (RFC 3711 §4.1.1) is this mode with a counter block the caller builds
/// from the salt, SSRC and packet index.
public enum AESCounterMode {
    /// AES-128 or AES-256 (key 16 or 32 octets) in counter mode (NIST SP 800-38A; the
    /// counter block is the 16-octet IV, incremented as a 128-bit big-endian integer).
    /// Encrypt and decrypt are the same operation.
    ///
    /// - Throws: ``PrimitivesError`` of kind `.wrongLength` for a key that is not 16 or 32
    ///   octets, or an initial counter that is not 16 octets.
    public static func apply(key: [UInt8], initialCounter: [UInt8],
                             to data: [UInt8]) throws(PrimitivesError) -> [UInt8] {
        let cipher: FetchedAlgorithm
        switch key.count {
        case 16: cipher = aes128
        case 32: cipher = aes256
        default:
            throw PrimitivesError(.wrongLength, "AES-CM key", "16 or 32 octets expected (AES-128 or AES-256), got \(key.count)")
        }
        guard initialCounter.count == 16 else {
            throw PrimitivesError(.wrongLength, "AES-CM initial counter", "16 octets expected, got \(initialCounter.count)")
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSLErrors.failure("AES-CM", "EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }  // also wipes the expanded key schedule

        let initialized = key.withUnsafeBufferPointer { keyBytes in
            initialCounter.withUnsafeBufferPointer { counter in
                EVP_EncryptInit_ex2(context, cipher.pointer, keyBytes.baseAddress, counter.baseAddress, nil)
            }
        }
        guard initialized == 1 else { throw OpenSSLErrors.failure("AES-CM", "cipher set-up") }

        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: data.count) { output, written in
            data.withUnsafeBufferPointer { input in
                // EVP_EncryptUpdate takes an int length; CTR keeps its place across calls,
                // so long inputs go through in chunks.
                var offset = 0
                while offset < input.count && !failed {
                    let chunk = min(input.count - offset, 1 << 30)
                    var produced: Int32 = 0
                    failed = EVP_EncryptUpdate(context, output.baseAddress.map { $0 + offset }, &produced,
                                               input.baseAddress.map { $0 + offset }, Int32(chunk)) != 1
                        || Int(produced) != chunk
                    offset += chunk
                }
            }
            written = failed ? 0 : data.count
        }
        guard !failed else { throw OpenSSLErrors.failure("AES-CM", "encryption") }
        return output
    }

    private static let aes128 = FetchedAlgorithm("AES-128-CTR") { EVP_CIPHER_fetch(nil, $0, nil) }
    private static let aes256 = FetchedAlgorithm("AES-256-CTR") { EVP_CIPHER_fetch(nil, $0, nil) }
}
