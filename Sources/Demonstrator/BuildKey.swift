import Scenarios

/// A timeline to build: a scenario under a configuration. An ordinary session builds
/// every scenario under one configuration; a tutorial's sections may each name their
/// own (a policy, a seed, a parameter set), so builds are kept by both.
public struct BuildKey: Sendable, Hashable {
    public let scenario: ScenarioName
    public let config: AppConfig

    public init(_ scenario: ScenarioName, _ config: AppConfig) {
        self.scenario = scenario
        self.config = config
    }
}

extension ScenarioModel {
    /// Builds the timeline `key` names (see `build(_:config:)`).
    public static func build(_ key: BuildKey) -> ScenarioLoad { build(key.scenario, config: key.config) }
}
