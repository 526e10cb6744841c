import ArgumentParser
import Demonstrator
import IBAKE
import IBE
import Primitives
import Scenarios
import TUI

// The choices of the command line as argument types: `--help` lists their values, shell
// completion offers them, and a value outside them is a usage error naming the option,
// the value and the choices (exit status 64).

extension ScenarioName: ExpressibleByArgument {}

extension Initiator.Policy: ExpressibleByArgument {}

/// Hash names as RFC 5091 and the parameter files write them; any case is accepted.
extension HashFunction: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}

/// One of the shipped parameter sets (Assets/params), by name.
struct ParameterSetName: ExpressibleByArgument, Hashable, Sendable {
    let name: String

    static let `default` = ParameterSetName(checked: ParameterSet.defaultName)
    /// Every shipped set.
    static var all: [ParameterSetName] { allValueStrings.map(ParameterSetName.init(checked:)) }

    private init(checked name: String) {
        self.name = name
    }

    init?(argument: String) {
        guard ParameterSet.availableNames.contains(argument) else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { ParameterSet.availableNames }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { name }

    /// The set itself; a shipped file that does not load is a failure of the lab, not of the
    /// command line.
    func load() throws -> ParameterSet {
        do {
            return try ParameterSet.named(name)
        } catch {
            throw CommandFailure.failed("parameter set \(name): \(error)")
        }
    }
}

/// `generate-params --ecdh`: the group a parameter file pairs with (a NIST curve or the
/// toy group), as ParameterSet reads it.
struct ECDHGroupName: ExpressibleByArgument, Sendable {
    let name: String

    static let p256 = ECDHGroupName(checked: NISTCurve.p256.rawValue)

    private init(checked name: String) {
        self.name = name
    }

    init?(argument: String) {
        guard Self.allValueStrings.contains(argument) else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { NISTCurve.allCases.map(\.rawValue) + ["toy"] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { name }
}

extension FrameView: ExpressibleByArgument {}

extension FrameFormat: ExpressibleByArgument {}
