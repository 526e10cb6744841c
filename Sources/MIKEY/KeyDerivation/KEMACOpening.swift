import Primitives

/// A KEMAC payload opened for a reader (RFC 3830 §6.2): its sub-payloads in the clear when
/// the encryption is NULL, as RTSP servers and cameras send them, or decrypted with the
/// pre-shared key of MIKEY-PSK (RFC 3830 §3.1) once the MAC checks out. `decode` prints it.
public struct KEMACOpening: Sendable {
    /// How the KEMAC's integrity stands.
    public enum Integrity: Sendable, Equatable {
        /// MAC alg NULL: nothing protects the key data.
        case noMAC
        /// The MAC verifies under auth_key from the pre-shared key.
        case verified
        /// A MAC is there, but no pre-shared key was given to check it.
        case unchecked
    }

    public let encryption: EncryptionAlgorithm
    public let macAlgorithm: MACAlgorithm
    public let integrity: Integrity
    /// The sub-payload chain: Encr data itself under NULL, else the decrypted octets.
    public let plaintext: [UInt8]
    /// The chain as far as it decodes (offsets into `plaintext`).
    public let trace: DecodeTrace<SubPayload>

    /// Opens the KEMAC of `bytes`, a whole MIKEY message; nil when it has no KEMAC.
    ///
    /// - Throws: ``KEMACOpeningError`` when the message does not decode, when the KEMAC is
    ///   encrypted and no `psk` is given, or when the MAC does not verify under it.
    public static func open(_ bytes: [UInt8], psk: [UInt8]? = nil) throws(KEMACOpeningError) -> KEMACOpening? {
        let message: MIKEYMessage
        do {
            message = try MIKEYMessage(decoding: bytes)
        } catch {
            throw KEMACOpeningError("the message does not decode, so its KEMAC cannot be opened: \(error)")
        }
        guard let kemac = message.kemac else { return nil }
        guard let psk else {
            guard kemac.encryption == .null else {
                throw KEMACOpeningError("the KEMAC is encrypted with \(kemac.encryption.name): give the pre-shared key (--psk HEX) to open it")
            }
            return KEMACOpening(kemac, plaintext: kemac.encryptedData, integrity: kemac.macAlgorithm == .null ? .noMAC : .unchecked)
        }
        // RFC 3830 §4.1.4: encr_key, salt_key and auth_key from the PSK, the CSB ID and RAND.
        guard let rand = message.rand, let timestamp = message.timestamp else {
            throw KEMACOpeningError("keys from a pre-shared key need the message's RAND and T payloads (RFC 3830 §4.1.4, §4.2.3)")
        }
        let keys = KeyDerivation.messageProtectionKeys(from: psk, csbID: message.header.csbID, rand: rand, prf: message.header.prf,
                                                       mac: kemac.macAlgorithm, encryption: kemac.encryption)
        let integrity = try verifyMAC(bytes, kemac, authKey: keys.authenticationKey)
        do {
            let plaintext = try KEMACEncryption.apply(kemac.encryption, key: keys.encryptionKey, salt: keys.saltKey,
                                                      csbID: message.header.csbID, timestamp: timestamp, to: kemac.encryptedData)
            return KEMACOpening(kemac, plaintext: plaintext, integrity: integrity)
        } catch {
            throw KEMACOpeningError("the KEMAC does not decrypt: \(error)")
        }
    }

    private init(_ kemac: KEMACPayload, plaintext: [UInt8], integrity: Integrity) {
        encryption = kemac.encryption
        macAlgorithm = kemac.macAlgorithm
        self.integrity = integrity
        self.plaintext = plaintext
        // Nothing in the KEMAC names its first sub-payload: Key data alone in RFC 3830's
        // modes, ID or IDR first where an identity goes with the key (RFC 6043, RFC 6267).
        let traces = [PayloadType.keyData, .id, .idr].map { SubPayloadChain.trace(plaintext, first: $0) }
        trace = traces.first(where: \.isComplete) ?? traces[0]
    }

    /// RFC 3830 §5.2: the MAC covers the whole message but the MAC field, the last octets
    /// of the KEMAC.
    private static func verifyMAC(_ bytes: [UInt8], _ kemac: KEMACPayload, authKey: [UInt8]) throws(KEMACOpeningError) -> Integrity {
        guard let hash = kemac.macAlgorithm.hash else { return .noMAC }
        guard let range = MIKEYMessage.trace(bytes).descriptions.first(where: { $0.type == .kemac })?.range else {
            throw KEMACOpeningError("the KEMAC's place in the message is not known")
        }
        let mac = range.upperBound - kemac.macAlgorithm.macLength ..< range.upperBound
        let input = Array(bytes[..<mac.lowerBound] + bytes[mac.upperBound...])
        guard HMAC.authenticationCode(for: input, key: authKey, hash: hash) == kemac.mac else {
            throw KEMACOpeningError("the KEMAC's \(kemac.macAlgorithm.name) MAC does not verify under the auth_key from this pre-shared key: a wrong key, or an altered message")
        }
        return .verified
    }
}

/// Why a KEMAC could not be opened, in words.
public struct KEMACOpeningError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
