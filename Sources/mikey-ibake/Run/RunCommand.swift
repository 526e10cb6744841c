import ArgumentParser
import Foundation
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

    @OptionGroup var selection: ScenarioSelection
    @Option(help: "The output's form.") var format: Format = .text
    @Flag(help: "List the scenarios, one line each.") var list = false
    @Option(parsing: .singleValue,
            help: ArgumentHelp("Eve attacks at a step and the run branches from there (repeatable; `mikey-ibake attacks` lists what each step offers).",
                               valueName: "AT:ACTION[:ARG...]"),
            transform: Attack.transform)
    var attack: [Attack] = []

    func run() throws {
        if list {
            for name in ScenarioName.allCases {
                print(name.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0) + name.summary)
            }
            return
        }
        try reportingFailures {
            let timeline = try selection.build(attacks: attack)
            let summary = try selection.params.load().summary
            let attacks = attack.map(\.description)
            switch format {
            case .text: TimelineText(timeline: timeline, parameterSummary: summary, attacks: attacks).allLines.forEach { print($0) }
            case .markdown: TimelineMarkdown(timeline: timeline, parameterSummary: summary, attacks: attacks).lines.forEach { print($0) }
            case .json: print(try TimelineJSON(timeline, attacks: attack).text())
            }
        }
    }
}

extension Attack {
    /// For `@Option(transform:)`: a spec that does not parse is a usage error naming the forms.
    static func transform(_ text: String) throws -> Attack {
        do {
            return try Attack(parsing: text)
        } catch {
            throw ValidationError("--attack \(error.description)")
        }
    }
}
