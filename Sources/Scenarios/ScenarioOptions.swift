import IBAKE
import IBE
import Primitives

/// How a scenario runs: parameter set, seed, and the initiator's policy for answers
/// from another identity (PROFILE D13).
public struct ScenarioOptions: Sendable {
    public var parameterSet: ParameterSet
    public var seed: UInt64?
    public var policy: Initiator.Policy

    public init(parameterSet: ParameterSet, seed: UInt64?, policy: Initiator.Policy = .continue) {
        self.parameterSet = parameterSet
        self.seed = seed
        self.policy = policy
    }
}

/// The randomness and clock one run uses: seeded and pinned when a seed is given (PROFILE D10, D15).
struct RunEnvironment {
    let random: RandomSource
    let clock: ProtocolClock
    let pinned: PinnedClock?

    init(seed: UInt64?) {
        random = seed.map { HMACDRBG(seed: $0) } ?? SystemRandom()
        let pinned = seed == nil ? nil : PinnedClock(unixSeconds: BasicExchange.seededStart)
        self.pinned = pinned
        clock = pinned ?? SystemClock()
    }
}
