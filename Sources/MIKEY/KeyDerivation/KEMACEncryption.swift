import Primitives

/// KEMAC encryption (RFC 3830 §4.2.3): AES in counter mode under encr_key, with the
/// initial counter `(salt_key XOR (0x0000 || CSB ID || T64)) || 0x0000`. REQUEST_KEY_RESP
/// delivers K_PR this way (PROFILE D11).
public enum KEMACEncryption {
    /// The 16-octet initial counter block of RFC 3830 §4.2.3: the 112-bit salt XOR
    /// `0x0000 || CSB ID || T64`, then `0x0000`; T64 is ``Timestamp/value64`` of the
    /// Initiator's timestamp (COUNTER and NTP-UTC-32 padded to 64 bits).
    ///
    /// - Throws: ``MIKEYEncodingError`` if `salt` is not 14 octets.
    public static func initialCounter(salt: [UInt8], csbID: UInt32, timestamp: Timestamp) throws(MIKEYEncodingError) -> [UInt8] {
        guard salt.count == 14 else {
            throw MIKEYEncodingError("KEMAC", "salt_key of \(salt.count) octets; the AES-CM IV needs 14 (112 bits, RFC 3830 §4.2.3)")
        }
        let mask = [0, 0] + csbID.bigEndianOctets + timestamp.value64.bigEndianOctets
        return zip(salt, mask).map { $0 ^ $1 } + [0, 0]
    }

    /// Encrypts or decrypts (the same operation) KEMAC data with `algorithm`: AES-CM-128
    /// or AES-CM-256 with the counter above, or NULL (the data unchanged).
    ///
    /// - Throws: ``MIKEYEncodingError`` for AES-KW-128 (not implemented), a key of the
    ///   wrong length for the algorithm, or a salt that is not 14 octets.
    public static func apply(_ algorithm: EncryptionAlgorithm, key: [UInt8], salt: [UInt8], csbID: UInt32,
                             timestamp: Timestamp, to data: [UInt8]) throws(MIKEYEncodingError) -> [UInt8] {
        switch algorithm {
        case .null:
            return data
        case .aesKW128:
            throw MIKEYEncodingError("KEMAC", "AES-KW-128 is not implemented; AES-CM-128 (1) or AES-CM-256 (3) expected")
        case .aesCM128, .aesCM256:
            guard key.count == algorithm.keyLength else {
                throw MIKEYEncodingError("KEMAC", "encr_key of \(key.count) octets; \(algorithm.name) needs \(algorithm.keyLength)")
            }
            let counter = try initialCounter(salt: salt, csbID: csbID, timestamp: timestamp)
            do throws(PrimitivesError) {
                return try AESCounterMode.apply(key: key, initialCounter: counter, to: data)
            } catch {
                throw MIKEYEncodingError("KEMAC", "AES-CM failed: \(error.description)")
            }
        }
    }
}
