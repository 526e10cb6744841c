/// Someone in a scenario: the initiator, the responder, the KMS, an adversary, or a
/// scenario's extras (devices, a retarget target, a mailbox, a conference server).
public struct Party: Sendable, Hashable, Codable {
    /// The stable id used in JSON and tests: `initiator`, `responder`, `kms`, `eve`,
    /// `device-1`..., `target-c`, `mailbox`, `server`, `member-1`...
    public let id: String
    /// How screens name it, e.g. "Initiator".
    public let name: String
    /// Its identity (URI), if it has one.
    public let identity: String?
    /// What kind of party it is; decides which impossibility reasons apply to it.
    public let kind: Kind
    /// The letter or short tag used in message notation and compact layouts: I, R, KMS, Eve, D1, C, M, S, M1.
    public let tag: String

    public enum Kind: String, Sendable, Codable {
        case initiator, responder, kms, eavesdropper, curiousKMS, attacker, device, bystander, mailbox, server, member
    }

    public init(id: String, name: String, identity: String?, kind: Kind, tag: String) {
        self.id = id
        self.name = name
        self.identity = identity
        self.kind = kind
        self.tag = tag
    }

    public static let initiator = Party(id: "initiator", name: "Initiator", identity: "sip:alice@ims.example", kind: .initiator, tag: "I")
    public static let responder = Party(id: "responder", name: "Responder", identity: "sip:bob@ims.example", kind: .responder, tag: "R")
    /// Its identity is an absolute URI, as ID type URI requires (PROFILE D19).
    public static let kms = Party(id: "kms", name: "KMS", identity: "https://kms.ims.example", kind: .kms, tag: "KMS")
    public static let eve = Party(id: "eve", name: "Eve", identity: nil, kind: .eavesdropper, tag: "Eve")
}
