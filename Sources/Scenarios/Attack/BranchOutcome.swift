import IBAKE

/// What came of a branch (issue 12), read from its steps: the first check that refused
/// a message after Eve acted, a stall, or a run that went through.
public enum BranchOutcome: Sendable, Equatable, CustomStringConvertible {
    /// `party` refused `message` with `check`; `attacked` when it is the message Eve acted
    /// on, false when that one passed and a later check caught what it changed.
    case refused(check: IBAKECheck, by: PartyID, message: MessageKind, attacked: Bool)
    /// A party waited for a message that never came and gave up.
    case stalled(by: PartyID)
    /// Nothing refused anything: the run went to its end, with the initiator and the
    /// responder holding the same MPK or not.
    case completed(keysAgree: Bool)

    /// The outcome of `timeline`, a branch; `attackedStep` is the step whose message Eve
    /// acted on (branch numbering), if any.
    public init(_ timeline: Timeline, attackedStep: Int? = nil) {
        let branch = timeline.steps.filter(\.branch)
        if let refusal = branch.first(where: { $0.action == .refuse }), let failed = refusal.checks.first(where: { !$0.passed }) {
            let refused = refusal.refusedMessage.flatMap { index in timeline.steps.first { $0.index == index } }
            let kind = refused?.message?.kind ?? .error
            // The message Eve altered is the one sent at the step her tamper step names.
            let attacked = attackedStep.map { $0 == refusal.refusedMessage } ?? (refused?.branch == false)
            self = .refused(check: failed.check, by: refusal.actor, message: kind, attacked: attacked)
        } else if let last = branch.last,
                  last.ledger[.eve]?.interference.contains(where: { $0.act == .dropped }) == true {
            // A dropped message ends the run with the step of the party that gave up waiting.
            self = .stalled(by: last.actor)
        } else {
            let mpk = { (party: PartyID) in timeline.finalLedger?[party]?.value(.mpk)?.octets }
            self = .completed(keysAgree: mpk(.initiator) != nil && mpk(.initiator) == mpk(.responder))
        }
    }

    /// One line for the sweep's table: who refused with which check, or why nothing did.
    public var description: String {
        switch self {
        case .refused(let check, let party, let message, true):
            "refused by \(party.rawValue): \(check.title) (\(message.name))"
        case .refused(let check, let party, let message, false):
            "passed its receiver; refused later by \(party.rawValue): \(check.title) (\(message.name))"
        case .stalled(let party):
            "stalls: \(party.rawValue) gives up waiting"
        case .completed(true):
            "not caught: the run completes, both ends with the same keys"
        case .completed(false):
            "not caught: the run completes, the ends with different keys"
        }
    }
}
