import Scenarios

/// What every scenario of one session is built with: the parameter set, the seed and
/// the initiator's policy. Fixed for the session, so a timeline built once stays valid.
public struct AppConfig: Sendable, Equatable {
    public var parameterSet: ParameterSet
    /// nil: fresh randomness for every build (PROFILE D15).
    public var seed: UInt64?
    public var policy: InitiatorPolicy

    /// The group of aP, bP and abP as the status line names it: `P-256`, or the toy
    /// set's own tiny group, marked INSECURE (PROFILE D4).
    public let curveName: String

    public init(parameterSet: ParameterSet, seed: UInt64?, policy: InitiatorPolicy = .standard) {
        self.parameterSet = parameterSet
        self.seed = seed
        self.policy = policy
        curveName = parameterSet.exchangeGroupName
    }

    /// `P-256`, or `toy group` (for a narrow status line).
    public var shortCurveName: String { parameterSet.ecdhCurve?.displayName ?? "toy group" }
}

extension AppConfig: Hashable {
    /// Parameter sets are told apart by name: two configurations that are equal have
    /// the same set, and so the same name.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(parameterSet.name)
        hasher.combine(seed)
        hasher.combine(policy)
    }
}
