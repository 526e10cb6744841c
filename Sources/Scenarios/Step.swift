import IBAKE
import MIKEY

/// What a step's actor does.
public enum StepAction: String, Sendable, Codable {
    case compute, send, receive, check, refuse, leak, tamper
    /// Something a network party noticed that is no message and no value (it listens, a
    /// message went again, the call was taken elsewhere): told in words alone.
    case note
}

/// A message on the wire, as the demonstrator shows it.
public struct WireMessage: Sendable {
    /// I_MESSAGE_1, R_MESSAGE_1, ..., REQUEST_KEY_PSK, SRTP, ...
    public let kind: MessageKind
    public let octets: [UInt8]
    public let from: PartyID
    public let to: PartyID
    /// What it carries in the seed's notation, e.g. "IBE_R(IDRi, aP, IDRr)".
    public let notation: String
    /// The IBE layers its sender sealed (IBAKE, ESK, KEMAC), plaintext included: what
    /// the sender put inside, for checks on the run; screens show only what a party
    /// could open.
    public let sealedLayers: [IBELayerRecord]

    /// What it is on the wire (MIKEY, RTP, a record of the lab's own), which decides
    /// its UDP ports in an exported capture.
    public var transport: DatagramKind { kind.transport }

    public init(_ kind: MessageKind, octets: [UInt8], from: PartyID, to: PartyID, notation: String,
                sealedLayers: [IBELayerRecord] = []) {
        self.kind = kind
        self.octets = octets
        self.from = from
        self.to = to
        self.notation = notation
        self.sealedLayers = sealedLayers
    }
}

/// The outcome of a check at a step (a receive step runs several; a refuse step names the one that failed).
public struct CheckOutcome: Sendable, Equatable {
    public let check: IBAKECheck
    public let passed: Bool
    public let detail: String
}

/// A value revealed to a party at a step.
public struct Revelation: Sendable, Equatable {
    public let party: PartyID
    public let value: LearnedValue
}

/// One step of a timeline.
public struct Step: Sendable {
    /// 1-based position in the timeline.
    public let index: Int
    /// The party that acts.
    public let actor: PartyID
    public let action: StepAction
    /// A short headline, e.g. "I sends I_MESSAGE_1".
    public let title: String
    public let message: WireMessage?
    /// Values that became known at this step, to whom.
    public let revealed: [Revelation]
    /// Checks run at this step.
    public let checks: [CheckOutcome]
    /// What happens and why, citing the RFC section it shows.
    public let narration: String
    /// What the acting role observed, in its own words (e.g. "no aP echo: ...").
    public let notes: [String]
    /// The sections cited, e.g. [.rfc(6267, "4.2.2.1")].
    public let references: [SpecReference]
    /// Knowledge after this step.
    public let ledger: Ledger
    /// For a refusal: the step that put the refused message on the wire (the message as
    /// sent, which an attacker may have altered on the way), so the wire can mark it.
    public let refusedMessage: Int?
    /// The statements this step's narration and notes make that parties hold the same
    /// value, each checked on the ledger when the step was recorded.
    public let comparisons: [SameValue]
    /// The part of the run this step belongs to.
    public let phase: Phase
    /// Whether the step is on an attack's branch (issue 12): at or after the first step
    /// where Eve acted, so it may differ from the plain run.
    public let branch: Bool
    /// The time from the end of the previous step to this one: the actor's computation
    /// (the role's checks, encryptions, signatures), measured in this run. What `compare`
    /// reports (issue 13); not reproducible, so no transcript prints it.
    public let elapsed: Duration

    /// The references as every output prints them: `RFC 6267 §4.2.2.1, PROFILE D10`.
    public var citation: String { references.map(\.description).joined(separator: ", ") }

    /// The same step with another ledger: the builder states impossibilities once the
    /// whole run is known.
    func with(ledger: Ledger) -> Step {
        Step(index: index, actor: actor, action: action, title: title, message: message, revealed: revealed, checks: checks,
             narration: narration, notes: notes, references: references, ledger: ledger, refusedMessage: refusedMessage,
             comparisons: comparisons, phase: phase, branch: branch, elapsed: elapsed)
    }
}
