import IBAKE

/// An attack the user applies at a step of a scenario (issue 12): the scenario is run
/// again with the same options, identical up to the step, and from there Eve acts and the
/// real roles and checks decide what follows (a branch timeline with its own ledger).
/// The command line, the tutorials and the demonstrator's menu all write it `AT:ACTION`.
public struct Attack: Sendable, Hashable, CustomStringConvertible {
    /// The step of the plain run at which Eve acts: for an action on a message in
    /// transit, the message sent (or received) there, or else the next one sent.
    public let at: StepReference
    /// What Eve does there.
    public let action: AttackAction

    /// An attack at the step `at` names in the plain run.
    public init(at: StepReference, action: AttackAction) {
        self.at = at
        self.action = action
    }

    /// An attack at step `step` (1-based, numbered as in the plain run).
    public init(step: Int, action: AttackAction) {
        self.init(at: .number(step), action: action)
    }

    /// `send:I_MESSAGE_1:flip:IBAKE.U`, as `init(parsing:)` reads it.
    public var description: String { "\(at):\(action)" }
}

/// What Eve does. Actions on a message in transit act between the sender's `wire` and
/// the receiver's checks; the others act once the step they are applied at is over.
public enum AttackAction: Sendable, Hashable, CustomStringConvertible {
    /// Flip one bit of a field of the message on the wire (a field path as ``AttackSurface``
    /// names it); `bit` counts from 0 at the field's most significant bit, the last bit
    /// when nil.
    case flip(field: String, bit: Int?)
    /// Send again a message Eve recorded earlier in this run, `afterSeconds` later.
    case replay(MessageKind, afterSeconds: UInt64)
    /// Keep the message from its receiver.
    case drop
    /// Hold the message for `seconds` before delivering it.
    case delay(seconds: UInt64)
    /// A long-term secret leaks to Eve.
    case leak(LeakedKey)
    /// Eve keeps the message from its receiver and hands it to another party.
    case redirect(PartyID)
    /// Eve starts an exchange of her own claiming to be this party (the initiator or the
    /// responder), calling the other: anyone can encrypt to an identity (RFC 6267 §4.2.2).
    case impersonate(PartyID)
    /// Eve replaces the IBAKE payload with one she sealed herself to the same recipient,
    /// her own Diffie-Hellman share inside (anyone can encrypt to an identity).
    case substituteShare
    /// From this message on the KMS is an active man in the middle (RFC 6539 §4): it holds
    /// every private key, so it answers each side as the other.
    case rogueKMS

    /// Whether it acts on a message in transit (and so needs one at or after its step).
    public var actsInTransit: Bool {
        switch self {
        case .flip, .drop, .delay, .redirect, .substituteShare, .rogueKMS: true
        case .replay, .leak, .impersonate: false
        }
    }

    /// The action in words, for a status line or a menu ("flip IBAKE.U", "delay 10 minutes",
    /// "Eve as initiator").
    public var phrase: String {
        switch self {
        case .flip(let field, let bit): "flip \(field)" + (bit.map { " bit \($0)" } ?? "")
        case .replay(let kind, let seconds): "replay \(kind.name)" + (seconds == 0 ? "" : " \(Self.duration(seconds)) later")
        case .drop: "drop"
        case .delay(let seconds): "delay \(Self.duration(seconds))"
        case .leak(let key): "leak \(key.rawValue)"
        case .redirect(let party): "redirect to \(party.rawValue)"
        case .impersonate(let party): "Eve as \(party.rawValue)"
        case .substituteShare: "substitute-share"
        case .rogueKMS: "rogue-kms"
        }
    }

    private static func duration(_ seconds: UInt64) -> String {
        seconds % 60 == 0 ? "\(seconds / 60) minute" + (seconds == 60 ? "" : "s") : "\(seconds) s"
    }

    /// The action as `AttackAction(parsing:)` reads it.
    public var description: String {
        switch self {
        case .flip(let field, let bit): "flip:\(field)" + (bit.map { ":\($0)" } ?? "")
        case .replay(let kind, let seconds): "replay:\(kind.name)" + (seconds == 0 ? "" : ":\(seconds)")
        case .drop: "drop"
        case .delay(let seconds): "delay:\(seconds)"
        case .leak(let key): "leak:\(key.rawValue)"
        case .redirect(let party): "redirect:\(party.rawValue)"
        case .impersonate(let party): "impersonate:\(party.rawValue)"
        case .substituteShare: "substitute-share"
        case .rogueKMS: "rogue-kms"
        }
    }
}

/// The long-term secrets that can leak (RFC 6539 §3.3 asks what each one's loss costs).
public enum LeakedKey: String, Sendable, CaseIterable {
    /// The KMS master secret: every private key follows from it (RFC 5091 §5.3).
    case masterSecret = "s"
    case initiatorPrivateKey = "I_PrK"
    case responderPrivateKey = "R_PrK"
    /// The initiator's provisioning secret shared with the KMS (PROFILE D11).
    case initiatorPSK = "I_PSK"
    /// The responder's provisioning secret shared with the KMS (PROFILE D11).
    case responderPSK = "R_PSK"
}
