/// Someone in a scenario: the initiator, the responder, the KMS, an adversary, or a
/// scenario's extras (devices, a retarget target, a mailbox, a conference server).
public struct Party: Sendable, Hashable {
    /// The stable id used in JSON, tests and tutorials.
    public let id: PartyID
    /// How screens name it, e.g. "Initiator".
    public let name: String
    /// Its identity (URI), if it has one.
    public let identity: String?
    /// The role it plays; decides which impossibility reasons apply to it and which view shows it.
    public let kind: Kind
    /// The letter or short tag used in message notation and compact layouts: I, R, KMS, Eve, D1, C, M, S, M1.
    public let tag: String

    /// The role a party plays.
    public enum Kind: Sendable, Hashable, CaseIterable {
        case initiator, responder, kms, eavesdropper, curiousKMS, maliciousKMS, attacker, device, bystander, mailbox, server, member

        /// The `kind` of the timeline JSON (a malicious KMS is an `attacker` there, as it always was).
        public var jsonName: String {
            switch self {
            case .initiator: "initiator"
            case .responder: "responder"
            case .kms: "kms"
            case .eavesdropper: "eavesdropper"
            case .curiousKMS: "curiousKMS"
            case .maliciousKMS, .attacker: "attacker"
            case .device: "device"
            case .bystander: "bystander"
            case .mailbox: "mailbox"
            case .server: "server"
            case .member: "member"
            }
        }

        /// The key management service, honest, curious or malicious.
        public var isKMS: Bool {
            switch self {
            case .kms, .curiousKMS, .maliciousKMS: true
            default: false
            }
        }

        /// An outsider on the path, passive or active: the one the eavesdropper view shows.
        public var isOutsider: Bool {
            switch self {
            case .eavesdropper, .attacker: true
            default: false
            }
        }
    }

    public init(id: PartyID, name: String, identity: String?, kind: Kind, tag: String) {
        self.id = id
        self.name = name
        self.identity = identity
        self.kind = kind
        self.tag = tag
    }

    /// The same party (same id) as a scenario casts it: another name, role, tag or identity.
    public func cast(as name: String, kind: Kind? = nil, tag: String? = nil, identity: String? = nil) -> Party {
        Party(id: id, name: name, identity: identity ?? self.identity, kind: kind ?? self.kind, tag: tag ?? self.tag)
    }

    public static let initiator = Party(id: .initiator, name: "Initiator", identity: "sip:alice@ims.example", kind: .initiator, tag: "I")
    public static let responder = Party(id: .responder, name: "Responder", identity: "sip:bob@ims.example", kind: .responder, tag: "R")
    /// Its identity is an absolute URI, as ID type URI requires (PROFILE D19).
    public static let kms = Party(id: .kms, name: "KMS", identity: "https://kms.ims.example", kind: .kms, tag: "KMS")
    /// Eve, who records what crosses the wire.
    public static let eve = Party(id: .eve, name: "Eve", identity: nil, kind: .eavesdropper, tag: "Eve")
    /// Eve turned active: she flips bits and replays messages (tamper, replay).
    public static let activeEve = eve.cast(as: "Eve (active)", kind: .attacker)
}
