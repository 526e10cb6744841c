import ArgumentParser
import Foundation
import Scenarios

/// `mikey-ibake compare`: every MIKEY mode run for real, side by side (issue 13).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run every MIKEY key-management mode and compare them, cell by cell from the runs.",
        discussion: """
            Each mode's scenario runs (MIKEY-IBAKE's basic, forward-secrecy and curious-kms runs); \
            messages, octets, times, authentication, who contributes to the key, forward secrecy \
            (does a leak of the long-term keys after the call open it?) and escrow (who else \
            computed the TGK?) are read from the runs' messages, checks and ledgers.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Option(help: "The IBE parameter set (MIKEY-IBAKE; the classic modes take their MAC and PRF from it, MIKEY-SAKKE fixes its own).")
    var params: ParameterSetName = .default
    @Option(help: "Seed the runs' randomness (the times still vary).") var seed: UInt64?
    @Option(help: "The output's form.") var format: Format = .text

    func run() throws {
        try reportingFailures {
            let options = ScenarioOptions(parameterSet: try params.load(), seed: seed)
            let rows = try MIKEYMode.allCases.map { try ModeComparison.measure($0, options: options) }
            switch format {
            case .text: ComparisonTable(rows: rows, params: params.name).text.forEach { print($0) }
            case .markdown: ComparisonTable(rows: rows, params: params.name).markdown.forEach { print($0) }
            case .json:
                struct Document: Encodable { let modes: [ModeComparison] }
                print(String(decoding: try Document(modes: rows).prettyJSON(), as: UTF8.self))
            }
        }
    }
}
