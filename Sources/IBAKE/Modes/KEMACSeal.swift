import MIKEY
import Primitives

/// The KEMAC of MIKEY's key-transport modes (RFC 3830 §3.1 PSK, §3.2 PK, RFC 4738 RSA-R)
/// and of DHHMAC (RFC 4650 §3, no key data): sub-payloads encrypted with AES-CM under
/// encr_key and salt_key, and a MAC under auth_key, the three derived from a pre-shared
/// or envelope key with the message's CSB ID and RAND (RFC 3830 §4.1.4). The MAC covers
/// the octets of the message before the MAC field (PROFILE D22): where the KEMAC is the
/// last payload, that is the whole message but the MAC.
struct KEMACSeal {
    let keys: MessageProtectionKeys
    let encryption: EncryptionAlgorithm
    let mac: MACAlgorithm

    /// The keys of a KEMAC under `key` (a PSK or an envelope key).
    init(key: [UInt8], session: ModeSession, rand: [UInt8], encryption: EncryptionAlgorithm = .aesCM128) {
        keys = KeyDerivation.messageProtectionKeys(from: key, csbID: session.csbID, rand: rand, prf: session.prf,
                                                   mac: session.mac, encryption: encryption)
        self.encryption = encryption
        mac = session.mac
    }

    /// A KEMAC carrying `chain` encrypted, its MAC zero until ``sealed(_:)`` computes it;
    /// with the plaintext, for the ledger's record of what the layer holds. An empty
    /// `chain` gives a KEMAC with no encrypted data: DHHMAC's, a MAC only (RFC 4650 §3).
    func payload(carrying chain: [SubPayload], csbID: UInt32, timestamp: Timestamp) throws(IBAKEFailure) -> (KEMACPayload, plaintext: [UInt8]) {
        do {
            let plaintext = chain.isEmpty ? [] : try SubPayloadChain.encode(chain)
            let data = try KEMACEncryption.apply(encryption, key: keys.encryptionKey, salt: keys.saltKey, csbID: csbID,
                                                 timestamp: timestamp, to: plaintext)
            return (KEMACPayload(encryption: encryption, encryptedData: data, macAlgorithm: mac,
                                 mac: Array(repeating: 0, count: mac.macLength)), plaintext)
        } catch {
            throw IBAKEFailure(.parse, "cannot build the KEMAC: \(error)")
        }
    }

    /// `message` encoded, with its KEMAC's MAC computed.
    func sealed(_ message: MIKEYMessage) throws(IBAKEFailure) -> [UInt8] {
        var bytes = try Wire.encode(message)
        let field = try macField(in: bytes)
        bytes.replaceSubrange(field, with: tag(Array(bytes[..<field.lowerBound])))
        return bytes
    }

    /// Verifies the KEMAC's MAC in received `bytes` and decrypts its data: the
    /// sub-payloads, first of type `first` (Key data in the RFC 3830 modes).
    func open(_ bytes: [UInt8], _ message: MIKEYMessage, first: PayloadType = .keyData) throws(IBAKEFailure) -> [SubPayload] {
        let name = message.header.dataType.name
        guard let kemac = message.kemac, kemac.macAlgorithm == mac, kemac.encryption == encryption else {
            throw IBAKEFailure(.parse, "\(name) has no KEMAC with \(encryption.name) and \(mac.name)")
        }
        let field = try macField(in: bytes)
        guard Wire.macMatches(tag(Array(bytes[..<field.lowerBound])), kemac.mac) else {
            throw IBAKEFailure(.kemacMAC, "\(name)'s KEMAC MAC does not verify under auth_key: another key, or an altered message")
        }
        guard !kemac.encryptedData.isEmpty else { return [] }
        do {
            guard let timestamp = message.timestamp else { throw IBAKEFailure(.parse, "\(name) has no T payload") }
            let plaintext = try KEMACEncryption.apply(encryption, key: keys.encryptionKey, salt: keys.saltKey,
                                                      csbID: message.header.csbID, timestamp: timestamp, to: kemac.encryptedData)
            return try SubPayloadChain.decode(plaintext, first: first)
        } catch let failure as IBAKEFailure {
            throw failure
        } catch {
            throw IBAKEFailure(.kemacMAC, "\(name)'s KEMAC does not decrypt to key data: \(error)")
        }
    }

    /// The TGK in `chain`: its Key data sub-payload of type TGK.
    static func tgk(in chain: [SubPayload], of message: String) throws(IBAKEFailure) -> [UInt8] {
        for case .keyData(let data) in chain where data.type == .tgk { return data.key }
        throw IBAKEFailure(.parse, "\(message)'s KEMAC carries no TGK")
    }

    /// Where the MAC field of the KEMAC sits in `bytes`: the KEMAC's last octets.
    private func macField(in bytes: [UInt8]) throws(IBAKEFailure) -> Range<Int> {
        guard let kemac = MIKEYMessage.trace(bytes).descriptions.first(where: { $0.type == .kemac })?.range else {
            throw IBAKEFailure(.parse, "the message has no KEMAC")
        }
        return kemac.upperBound - mac.macLength ..< kemac.upperBound
    }

    private func tag(_ input: [UInt8]) -> [UInt8] { Wire.tag(keys.authenticationKey, input, mac) }
}
