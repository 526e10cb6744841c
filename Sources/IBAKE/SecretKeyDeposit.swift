import IBE
import MIKEY
import Primitives

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

    /// Content deposited for the intended user, or read by it: AES-128-CM under SK, the
    /// counter from zero, since each SK protects one deposit (PROFILE D12). The same
    /// operation seals and opens.
    public static func applyContentCipher(secretKey: [UInt8], to content: [UInt8]) throws(PrimitivesError) -> [UInt8] {
        try AESCounterMode.apply(key: secretKey, initialCounter: [UInt8](repeating: 0, count: 16), to: content)
    }

    /// SK from an ESK its user picks up from a mailbox, later (RFC 6267 §3.3, §7.5):
    /// decrypted with the user's key `entry`, and only if it names the caller the mailbox
    /// saw, `initiatorURI` (RFC 6267 §4.2.2.5).
    public static func openHeld(_ esk: [UInt8], with entry: KeyRing.Entry, parameters: BFPublicParameters,
                                initiatorURI: String) throws(IBAKEFailure) -> [UInt8] {
        // Opening draws nothing: the randomness is for sealing only.
        let layers = IBELayers(parameters: parameters, random: SystemRandom(), memo: IBEMemo())
        return try secretKey(fromOpened: try layers.open(esk, with: entry, first: .id, payload: "ESK").chain, initiatorURI: initiatorURI)
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
