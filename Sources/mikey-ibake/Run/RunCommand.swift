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

    func run() throws {
        if list {
            for name in ScenarioName.allCases {
                print(name.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0) + name.summary)
            }
            return
        }
        try reportingFailures {
            let timeline = try selection.build()
            let summary = try selection.params.load().summary
            switch format {
            case .text: TimelineText(timeline: timeline, parameterSummary: summary).allLines.forEach { print($0) }
            case .markdown: TimelineMarkdown(timeline: timeline, parameterSummary: summary).lines.forEach { print($0) }
            case .json: print(try TimelineJSON(timeline).text())
            }
        }
    }
}
