import ArgumentParser
import Foundation
import IBAKE
import IBE
import Scenarios

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario and print its whole timeline for a reader.",
        discussion: "Every value is computed by the real protocol. `--list` shows the scenarios."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Option(help: "The scenario (see --list).") var scenario = ScenarioName.basic.rawValue
    @Option(help: "Seed for a reproducible run (PROFILE D15).") var seed: UInt64?
    @Option(help: "Parameter set.") var params = ParameterSet.defaultName
    @Option(help: "text, markdown or json.") var format: Format = .text
    @Option(help: "Initiator's policy when another identity answers: continue or refuse (PROFILE D13).")
    var policy: String = Initiator.Policy.continue.rawValue
    @Flag(help: "List the scenarios, one line each.") var list = false

    func run() throws {
        if list {
            for name in ScenarioName.allCases {
                print(name.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0) + name.summary)
            }
            return
        }
        try reportingInputErrors {
            let timeline = try ScenarioRequest(scenario: scenario, params: params, seed: seed, policy: policy).build()
            let set = try ParameterSet.named(params)
            switch format {
            case .text: TimelineText(timeline: timeline, parameterSummary: set.summary).allLines.forEach { print($0) }
            case .markdown: TimelineMarkdown(timeline: timeline, parameterSummary: set.summary).lines.forEach { print($0) }
            case .json: print(try TimelineJSON(timeline).text())
            }
        }
    }
}

/// A scenario named on the command line, checked and built.
struct ScenarioRequest {
    let scenario: String
    let params: String
    let seed: UInt64?
    let policy: String

    /// The scenario's name and options, each checked; an unusable one is an `InputError`
    /// naming its option.
    func parsed() throws -> (name: ScenarioName, options: ScenarioOptions) {
        let name: ScenarioName
        do { name = try ScenarioName(parsing: scenario) } catch { throw InputError("--scenario: \(error)") }
        let set: ParameterSet
        do { set = try ParameterSet.named(params) } catch { throw InputError("--params: \(error)") }
        guard let policy = Initiator.Policy(rawValue: policy) else {
            throw InputError("--policy: \"\(policy)\" is not continue or refuse")
        }
        return (name, ScenarioOptions(parameterSet: set, seed: seed, policy: policy))
    }

    func build() throws -> Timeline {
        let (name, options) = try parsed()
        do {
            return try Scenario.build(name, options: options)
        } catch {
            throw InputError("scenario \(name.rawValue) failed: \(error)")
        }
    }
}
