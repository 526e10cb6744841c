import IBAKE
import IBE
import MIKEY
import Primitives

/// How a scenario runs: parameter set, seed, and the initiator's policy for answers
/// from another identity (PROFILE D13).
public struct ScenarioOptions: Sendable {
    public var parameterSet: ParameterSet
    public var seed: UInt64?
    public var policy: Initiator.Policy
    /// Eve's attacks, placed on the plain run (``Scenario/build(_:options:attacks:)``); none on a plain run.
    var plan: [PlannedAttack] = []
    /// IBE work shared with other runs (issue 12): a plain run and its branches, or a
    /// demonstrator's main line and a branch of it, draw the same master secret from the
    /// same seed, so the KMS set-up, the private keys and the recipient keys are found here
    /// instead of computed again. nil gives the run a memo of its own.
    public var memo: IBEMemo?

    public init(parameterSet: ParameterSet, seed: UInt64?, policy: Initiator.Policy = .continue) {
        self.parameterSet = parameterSet
        self.seed = seed
        self.policy = policy
    }
}

/// The randomness and clock one run uses (PROFILE D10, D15). The clock is always a
/// pinned one, so a scenario can let minutes pass (a stale replay); it starts at a fixed
/// instant in a seeded run and at the real time otherwise.
final class RunEnvironment {
    /// The run's own stream: the KMS's master secret, the pre-shared keys, the scenario's
    /// choices.
    let random: RandomSource
    let clock: PinnedClock
    private let seed: UInt64?
    private var streams: [String: RandomSource] = [:]

    init(seed: UInt64?) {
        self.seed = seed
        random = seed.map { HMACDRBG(seed: $0) } ?? SystemRandom()
        let start = seed == nil ? UInt64(SystemClock().now() >> 32) - Timestamp.ntpEpochOffset : BasicExchange.seededStart
        clock = PinnedClock(unixSeconds: start)
    }

    /// What `party`'s roles draw from: in a seeded run, a stream of its own, personalized
    /// with its identity, so its ephemeral secrets, RANDs and CSB IDs are those the same
    /// party draws as a process of its own (`net phone|call --seed`, PROFILE D15).
    func random(for party: Party) -> RandomSource {
        let name = party.identity ?? party.id.rawValue
        if let stream = streams[name] { return stream }
        let stream: RandomSource = seed.map { HMACDRBG(seed: $0, party: name) } ?? SystemRandom()
        streams[name] = stream
        return stream
    }
}
