import MIKEY

/// What an initiator deposits for a responder who may be absent (PROFILE D12): a
/// 16-octet content key SK, sent in an ESK payload IBE-encrypted to the intended
/// responder's identity, whoever answers the call. The ESK plaintext names the
/// initiator, the sender of the deposit (RFC 6267 §4.2.2.5): ID(IDRi) || SK.
public struct SecretKeyDeposit: Sendable, Equatable {
    /// The identity the ESK is encrypted to: the user the content is for.
    public let intendedURI: String
    public let secretKey: [UInt8]

    public init(intendedURI: String, secretKey: [UInt8]) {
        self.intendedURI = intendedURI
        self.secretKey = secretKey
    }

    /// ESK plaintext: ID || SK, ID the initiator's identity (RFC 6267 §4.2.2.5, §6.1.5).
    func chain(initiatorURI: String) -> [SubPayload] {
        [.id(IDPayload(uri: initiatorURI)), .sk(SecretKeySubPayload(key: secretKey))]
    }

    /// An opened ESK plaintext, ID || SK: the SK, once the ID is checked to name the
    /// initiator of the exchange (`initiatorURI`, the clear IDRi).
    public static func secretKey(fromOpened chain: [SubPayload], initiatorURI: String) throws(IBAKEFailure) -> [UInt8] {
        guard chain.count == 2, case .id(let identity) = chain[0], case .sk(let secret) = chain[1] else {
            throw IBAKEFailure(.parse, "ESK plaintext: ID || SK expected")
        }
        guard identity.type == .uri, identity.text == initiatorURI else {
            throw IBAKEFailure(.innerIdentity, "the ESK names \"\(identity.text ?? "?")\", not the initiator \(initiatorURI) (RFC 6267 §4.2.2.5)")
        }
        return secret.key
    }
}
