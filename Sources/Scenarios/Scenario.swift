import IBAKE
import IBE

/// Builds the timeline of a scenario by running it.
public enum Scenario {
    public static func build(_ name: ScenarioName, options: ScenarioOptions) throws -> Timeline {
        switch name {
        case .basic: try BasicScenario.build(options)
        case .forking: try ForkingScenario.build(options)
        case .retargeting: try RetargetingScenario.build(options)
        case .deferred: try DeferredScenario.build(options)
        case .eavesdropper: try EavesdropperScenario.build(options)
        case .curiousKMS: try CuriousKMSScenario.build(options)
        case .maliciousKMS: try MaliciousKMSScenario.build(options)
        case .tamper: try TamperScenario.build(options)
        case .replay: try ReplayScenario.build(options)
        case .forwardSecrecy: try ForwardSecrecyScenario.build(options)
        case .group: try GroupScenario.build(options)
        case .modePSK: try PSKScenario.build(options)
        case .modeSAKKE: try SAKKEScenario.build(options)
        case .modeDHSign: try SignedDHScenario.build(options)
        case .modeDHHMAC: try DHHMACScenario.build(options)
        case .modePK: try PKScenario.build(options)
        case .modeRSAR: try RSARScenario.build(options)
        }
    }
}

/// Why a scenario could not be built.
public enum ScenarioError: Error, CustomStringConvertible, Equatable {
    case unknown(String)

    public var description: String {
        switch self {
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
