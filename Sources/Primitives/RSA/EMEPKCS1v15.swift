/// EME-PKCS1-v1_5, the encryption padding of RSAES-PKCS1-v1_5 (RFC 8017 §7.2), done here
/// rather than in OpenSSL so that the padding octets come from a ``RandomSource`` and a
/// seeded run repeats its ciphertexts.
enum EMEPKCS1v15 {
    /// RFC 8017 §7.2.1 step 2: EM = 0x00 || 0x02 || PS || 0x00 || M, where PS is
    /// k - mLen - 3 ≥ 8 nonzero random octets. Zero octets drawn are replaced by fresh draws.
    static func encode(_ message: [UInt8], modulusOctets k: Int, using random: RandomSource) throws(PrimitivesError) -> [UInt8] {
        // Step 1: mLen ≤ k - 11.
        guard message.count <= k - 11 else {
            throw PrimitivesError(.wrongLength, "RSAES-PKCS1-v1_5 encryption",
                                  "at most \(k - 11) octets fit a \(k)-octet modulus, got \(message.count)")
        }
        var padding: [UInt8] = []
        let needed = k - message.count - 3
        padding.reserveCapacity(needed)
        while padding.count < needed {
            padding.append(contentsOf: random.bytes(needed - padding.count).filter { $0 != 0 }.prefix(needed - padding.count))
        }
        return [0x00, 0x02] + padding + [0x00] + message
    }

    /// RFC 8017 §7.2.2 step 3: the message M inside EM, or `nil` when EM is not a valid
    /// encoding. Every defect gives the same `nil`, as step 4 asks ("decryption error"); the
    /// scan does not stop early at the separator.
    static func decode(_ encoded: [UInt8]) -> [UInt8]? {
        guard encoded.count >= 11 else { return nil }
        var separator = 0
        var found = false
        for index in 2..<encoded.count {
            let isZero = encoded[index] == 0
            if isZero && !found { separator = index }
            found = found || isZero
        }
        let valid = (encoded[0] == 0x00) && (encoded[1] == 0x02) && found && separator >= 10
        return valid ? Array(encoded[(separator + 1)...]) : nil
    }
}
