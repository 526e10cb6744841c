import MIKEY

/// What an initiator deposits for a responder who may be absent (PROFILE D12): a
/// 16-octet content key SK, sent in an ESK payload IBE-encrypted to the intended
/// responder's identity, whoever answers the call.
public struct SecretKeyDeposit: Sendable, Equatable {
    public let intendedURI: String
    public let secretKey: [UInt8]

    public init(intendedURI: String, secretKey: [UInt8]) {
        self.intendedURI = intendedURI
        self.secretKey = secretKey
    }

    /// ESK plaintext: ID || SK (RFC 6267 §6.1.2, §6.1.5).
    var chain: [SubPayload] {
        [.id(IDPayload(uri: intendedURI)), .sk(SecretKeySubPayload(key: secretKey))]
    }

    /// Reads an opened ESK plaintext.
    init(chain: [SubPayload]) throws(IBAKEFailure) {
        guard chain.count == 2, case .id(let identity) = chain[0], case .sk(let secret) = chain[1],
              let uri = identity.text else {
            throw IBAKEFailure(.parse, "ESK plaintext: ID || SK expected")
        }
        self.init(intendedURI: uri, secretKey: secret.key)
    }
}
