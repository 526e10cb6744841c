import IBAKE
import IBE
import Primitives

/// Eve acting on a branch (issue 12): she holds the planned attacks and acts where the
/// stage lets a message cross the wire (between the sender's `wire` and the receiver's
/// checks) or once a step is over. What follows is the real roles' doing.
final class Adversary {
    private var pending: [PlannedAttack]
    /// Steps the adversary added to the run, so a step number of the plain run can be
    /// found on the branch.
    private(set) var inserted = 0
    /// Set while the adversary's own messages are delivered, so she does not act on them again.
    var acting = false
    /// Keys that leaked to Eve, for the messages still to be opened with them.
    var leaked: [LeakedKey] = []
    /// The message steps Eve has opened with a leaked key.
    var opened: Set<Int> = []

    /// How long a party waits for an answer before it gives up. RFC 3830 and RFC 6267 set
    /// no timer; the lab picks one so a dropped message ends in a stall (PROFILE D21).
    static let timeout: UInt64 = 30

    init(_ plan: [PlannedAttack]) {
        pending = plan
    }

    /// Whether an attack is left (the branch may not have reached its step).
    var isDone: Bool { pending.isEmpty }

    /// Runs `body`, counting the steps it adds as the adversary's.
    func inserting(_ stage: Stage, _ body: () throws(ExchangeStopped) -> Void) throws(ExchangeStopped) {
        let before = stage.builder.nextIndex
        stage.builder.branchFrom = stage.builder.branchFrom ?? before
        defer { inserted += stage.builder.nextIndex - before }
        try body()
    }

    /// Acts with every attack that acts after a step (replay, leak) whose step is over,
    /// or every one left when `all` (the run has ended).
    func actAfterSteps(on stage: Stage, all: Bool = false) {
        guard !acting else { return }
        let done = stage.builder.nextIndex - 1 - inserted
        while let index = pending.firstIndex(where: { !$0.attack.action.actsInTransit && (all || $0.step <= done) }) {
            let attack = pending.remove(at: index).attack
            try? inserting(stage) { () throws(ExchangeStopped) in act(attack.action, on: stage) }
        }
    }

    /// What reaches the receiver of the message the step `sent` put on the wire: the
    /// message itself, or Eve's version of it; throws ``ExchangeStopped`` when she keeps it.
    func intercept(_ message: StepRecord, sentAt sent: Int?, from sender: Party, to receiver: Party,
                   on stage: Stage) throws(ExchangeStopped) -> StepRecord {
        guard !acting, let sent, let index = pending.firstIndex(where: { $0.messageStep == sent - inserted }) else {
            return message
        }
        let action = pending.remove(at: index).attack.action
        var delivered = message
        try inserting(stage) { () throws(ExchangeStopped) in
            delivered = try transit(action, message, sent: sent, from: sender, to: receiver, on: stage)
        }
        return delivered
    }

    private func transit(_ action: AttackAction, _ message: StepRecord, sent: Int, from sender: Party, to receiver: Party,
                         on stage: Stage) throws(ExchangeStopped) -> StepRecord {
        let kind = message.kind
        switch action {
        case .flip(let path, let bit):
            let surface = AttackSurface(message.message, parameterSet: stage.profile.parameterSet)
            guard let field = surface.field(path), let flip = try? surface.flip(message.message, field, bit: bit) else { return message }
            let place = "\(field.path), octet +\(Hex.offset(flip.offset)), bit \(Hex.byte(flip.mask))"
            stage.builder.step(.eve, .tamper, "Eve alters \(kind): \(field.path)",
                               interfering: [(.altered(field: field.path, offset: flip.offset, mask: flip.mask), sent)],
                               narration: "In transit, Eve flips one bit of \(kind): \(place). Nothing else changes; \(receiver.tag) runs its usual checks on what arrives.",
                               references: [.rfc(6267, "4.2.2"), .rfc(3830, "5.2")])
            return StepRecord(kind: kind, message: flip.octets, learned: message.learned, layers: message.layers)
        case .delay(let seconds):
            stage.builder.step(.eve, .tamper, "Eve holds \(kind) for \(seconds) s",
                               interfering: [(.delayed(seconds: seconds), sent)],
                               narration: "Eve keeps \(kind) for \(seconds) seconds, then lets it through unchanged. \(receiver.tag) checks it against its own clock, which has moved on.",
                               references: [.rfc(3830, "5.4"), .profile("D10")])
            stage.env.clock.advance(seconds: seconds)
            return message
        case .drop:
            stage.builder.step(.eve, .tamper, "Eve drops \(kind)", interfering: [(.dropped, sent)],
                               narration: "Eve keeps \(kind) from \(receiver.tag): it never arrives.",
                               references: [.rfc(6267, "4.2.2")])
            throw stall(kind, from: sender, to: receiver, on: stage)
        case .redirect(let target):
            return try redirect(message, sent: sent, from: sender, to: receiver, toward: target, on: stage)
        case .substituteShare:
            return substituteShare(message, sent: sent, to: receiver, on: stage)
        case .rogueKMS:
            try takeOver(message, sent: sent, from: sender, on: stage)
        case .replay, .leak, .impersonate:
            return message
        }
    }

    /// The party left waiting for `kind` (the sender of a request, the receiver of the last
    /// answer) gives up after the timeout; returns the stop to throw.
    func stall(_ kind: MessageKind, from sender: Party, to receiver: Party, on stage: Stage) -> ExchangeStopped {
        let waiting = kind == .rMessage2 ? receiver : sender
        stage.env.clock.advance(seconds: Self.timeout)
        stage.builder.step(waiting.id, .check, "\(waiting.tag) hears nothing and gives up",
                           narration: "\(waiting.tag) waits \(Self.timeout) s for \(kind == .rMessage2 ? kind.name : "the answer to \(kind)") and gives up: the exchange stalls. Nothing tells it why; neither RFC 3830 nor RFC 6267 sets a timer, the lab's roles give up after \(Self.timeout) s.",
                           references: [.rfc(3830, "4.2.1"), .rfc(6267, "4.2.2"), .profile("D21")])
        return ExchangeStopped(refused: kind, by: waiting.id)
    }

    /// An action after a step: a replay of a recorded message, or a key that leaks.
    private func act(_ action: AttackAction, on stage: Stage) {
        switch action {
        case .replay(let kind, let seconds):
            replay(kind, after: seconds, on: stage)
        case .leak(let key):
            leak(key, on: stage)
        case .impersonate(let party):
            impersonate(party, on: stage)
        case .flip, .drop, .delay, .redirect, .substituteShare, .rogueKMS:
            break
        }
    }

    private func replay(_ kind: MessageKind, after seconds: UInt64, on stage: Stage) {
        guard let octets = stage.builder.lastMessage(kind),
              let original = stage.builder.steps.last(where: { $0.message?.kind == kind && $0.action == .send }),
              let target = original.message?.to, let exchange = stage.exchange,
              let receiver = stage.parties.first(where: { $0.id == target }) else { return }
        stage.env.clock.advance(seconds: seconds)
        let when = seconds == 0 ? "" : " \(seconds) s later"
        stage.builder.step(.eve, .tamper, "Eve replays \(kind)\(when)",
                           message: WireMessage(kind, octets: octets, from: .eve, to: target, notation: "replay of \(kind)"),
                           interfering: [(.replayed(original: original.index), stage.builder.nextIndex)],
                           narration: "Eve sends \(receiver.tag) her recording of \(kind) (step \(original.index))\(when), unchanged. \(receiver.tag) cannot tell who sent it; only its checks decide.",
                           references: [.rfc(3830, "5.4"), .profile("D10")])
        acting = true
        defer { acting = false }
        _ = try? exchange.receive(kind, StepRecord(kind: kind, message: octets), on: stage, from: .eve)
    }
}
