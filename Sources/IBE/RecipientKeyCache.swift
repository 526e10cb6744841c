import Synchronization

/// Public keys of identities (Q_id and e'(P_pub, Q_id)), computed once and shared by
/// everyone who encrypts to or checks keys of those identities under one KMS. They are
/// public values, so sharing them leaks nothing; an endpoint would keep them for the
/// key period. Thread-safe.
public final class RecipientKeyCache: Sendable {
    private let keys = Mutex<[[UInt8]: BFRecipientKey]>([:])

    public init() {}

    /// The recipient key of `identity` (identity-with-period octets) under `parameters`.
    public func key(for identity: [UInt8], parameters: BFPublicParameters) -> BFRecipientKey {
        if let known = keys.withLock({ $0[identity] }) { return known }
        let key = parameters.recipientKey(for: identity)
        keys.withLock { $0[identity] = key }
        return key
    }
}
