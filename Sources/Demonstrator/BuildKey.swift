import Scenarios

/// A timeline to build: a scenario under a configuration, and the attacks of a "what if"
/// branch (issue 12; none for the main line). An ordinary session builds every scenario
/// under one configuration; a tutorial's sections may each name their own (a policy, a
/// seed, a parameter set), and a branch is built like any timeline, so builds are kept by
/// all three.
public struct BuildKey: Sendable, Hashable {
    public let scenario: ScenarioName
    public let config: AppConfig
    /// The attacks the branch is run under; empty for the main line.
    public let attacks: [Attack]

    public init(_ scenario: ScenarioName, _ config: AppConfig, attacks: [Attack] = []) {
        self.scenario = scenario
        self.config = config
        self.attacks = attacks
    }
}

extension ScenarioModel {
    /// Builds the timeline `key` names (see `build(_:config:attacks:memos:)`).
    public static func build(_ key: BuildKey, memos: BuildMemos? = nil) -> ScenarioLoad {
        build(key.scenario, config: key.config, attacks: key.attacks, memos: memos)
    }
}
