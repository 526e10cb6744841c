import Foundation

/// A role brought to a fuzzed state once and reused while inputs are refused. A refused
/// message leaves the role as it was (Responder.receiveIMessage2 and
/// Initiator.receiveRMessage2 run every check before they change anything, and refusing
/// draws no randomness), so only an accepted input, after which the role has moved on,
/// costs a new preparation: two IBE operations saved on nearly every input. The replayed
/// clock is wound back before each input, so every input sees the same time, as a fresh
/// role would, and libFuzzer's runs stay reproducible.
final class PreparedRole<Role: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()          // the regression tests call the targets in parallel
    private let make: @Sendable () -> (Role, ReplayedClock)
    private var ready: (role: Role, clock: ReplayedClock, mark: ReplayedClock.Mark)?

    init(_ make: @escaping @Sendable () -> (Role, ReplayedClock)) {
        self.make = make
    }

    /// Runs `body` on the prepared role; forgets the role if `body` accepted the input.
    func run(_ body: (Role) -> FuzzOutcome) -> FuzzOutcome {
        lock.lock()
        defer { lock.unlock() }
        let prepared = ready ?? {
            let (role, clock) = make()
            return (role, clock, clock.mark)
        }()
        prepared.clock.restore(prepared.mark)
        let result = body(prepared.role)
        ready = result.isAccepted ? nil : prepared
        return result
    }
}
