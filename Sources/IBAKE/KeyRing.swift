import IBE

/// The private keys one device holds for one key period, by identity URI: its own
/// identity, and for forking also the common identity of its user (PROFILE D13).
public struct KeyRing: Sendable {
    /// The identity this device answers with (IDRr in R_MESSAGE_1, IDRi when it calls).
    public let ownURI: String
    private var keys: [String: Entry] = [:]

    public struct Entry: Sendable {
        public let identity: IdentityWithPeriod
        public let key: BFPrivateKey

        public init(identity: IdentityWithPeriod, key: BFPrivateKey) {
            self.identity = identity
            self.key = key
        }
    }

    public init(ownURI: String) {
        self.ownURI = ownURI
    }

    /// Adds K_PR for `identity` (from provisioning, PROFILE D11).
    public mutating func add(_ key: BFPrivateKey, for identity: IdentityWithPeriod) {
        keys[identity.uri] = Entry(identity: identity, key: key)
    }

    /// The key for `uri`, if this device holds one.
    public func entry(for uri: String) -> Entry? { keys[uri] }

    /// Every identity this device holds a key for, own identity first.
    public var uris: [String] {
        keys.keys.sorted { ($0 == ownURI ? 0 : 1, $0) < ($1 == ownURI ? 0 : 1, $1) }
    }
}
