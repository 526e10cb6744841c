import IBAKE
import IBE

/// Builds the timeline of a scenario by running it.
public enum Scenario {
    public static func build(_ name: ScenarioName, options: ScenarioOptions) throws -> Timeline {
        switch name {
        case .basic: try BasicScenario.build(options)
        case .group: try GroupScenario.build(options)
        default: throw ScenarioError.notAvailable(name)
        }
    }
}

/// Why a scenario could not be built.
public enum ScenarioError: Error, CustomStringConvertible, Equatable {
    case notAvailable(ScenarioName)
    case unknown(String)

    public var description: String {
        switch self {
        case .notAvailable(let name): "scenario \(name.rawValue) is not available yet"
        case .unknown(let text):
            "unknown scenario \"\(text)\"; available: \(ScenarioName.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

extension ScenarioName {
    /// Parses a CLI name, with an error that lists the valid ones.
    public init(parsing text: String) throws {
        guard let name = ScenarioName(rawValue: text) else { throw ScenarioError.unknown(text) }
        self = name
    }
}
