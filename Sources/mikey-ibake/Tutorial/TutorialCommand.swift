import ArgumentParser
import Demonstrator
import IBE
import TerminalBackend
import TUI
import Tutorials

struct TutorialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutorial",
        abstract: "List, play or check the guided tutorials.",
        discussion: """
            Without a name: the tutorials, one line each with the time they take. With a name: \
            play it in the demonstrator, the text beside the demo (\(Keymap.summary(.tutorial))); \
            --plain, or a terminal that cannot host the full screen (as for the demonstrator \
            itself), prints it as text. Each section's scenario, step, parameter set and seed \
            come from the tutorial file. --check validates every tutorial file: directives, \
            scenario and step names, and every claim against the scenario's ledger; problems \
            are printed as file:line and the exit status is 1.
            """
    )

    @Argument(help: "The tutorial to play (its id or number).") var name: TutorialName?
    @Flag(help: "Validate every tutorial file.") var check = false
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let (documents, parseIssues) = TutorialLibrary.load()
        if check {
            let cache = TimelineCache()
            let issues = parseIssues + documents.flatMap { TutorialChecker.check($0, cache: cache) }
            issues.forEach { print($0) }
            print("\(documents.count) tutorials, \(documents.map(\.sections.count).reduce(0, +)) sections, "
                  + "\(documents.flatMap(\.sections).map(\.claims.count).reduce(0, +)) claims: "
                  + (issues.isEmpty ? "all hold" : "\(issues.count) problem\(issues.count == 1 ? "" : "s")"))
            if !issues.isEmpty { throw ExitCode(1) }
            return
        }
        guard let name else {
            for (index, document) in documents.enumerated() {
                print("\(index + 1 < 10 ? " " : "")\(index + 1). \(document.id.padding(toLength: 22, withPad: " ", startingAt: 0))"
                      + "\(TextFit.right(String(document.minutes), width: 3)) min  \(document.summary)")
            }
            return
        }
        try reportingFailures {
            guard let document = name.document(in: documents) else {
                throw CommandFailure.failed("tutorial \(name.id) does not load; `mikey-ibake tutorial --check` says why")
            }
            let printText = {
                let cache = TimelineCache()
                let resolved: [ResolvedSection]
                do { resolved = try document.resolve(with: cache) } catch { throw CommandFailure.failed("\(error)") }
                TutorialText.lines(document, resolved: resolved, cache: cache).forEach { print($0) }
            }
            // The same decision as the demonstrator's: --plain, output or input not a
            // terminal, TERM dumb or unknown all give text.
            let environment = display.environment
            if environment.isPlain {
                try printText()
                return
            }
            let play: TutorialPlay
            do {
                play = try TutorialPlay(document: document, parameterSet: ParameterSet.named)
            } catch {
                throw CommandFailure.failed("\(error)")
            }
            let presenter = display.presenter
            try FullScreenSession.runAndExit(
                FullScreenSession(start: { AppState(tutorial: play, size: $0, presenter: presenter) }, environment: environment,
                                  presenterColors: presenter, mouse: !display.noMouse, exitAfterFirstFrame: false, check: nil),
                fallback: printText)
        }
    }
}

/// A tutorial by id (`exchange`) or number (`3`): the choices `--help` and completion offer.
struct TutorialName: ExpressibleByArgument {
    let id: String

    init?(argument: String) {
        let ids = Self.allValueStrings
        if ids.contains(argument) {
            id = argument
        } else if let number = Int(argument), ids.indices.contains(number - 1) {
            id = ids[number - 1]
        } else {
            return nil
        }
    }

    /// The ids of the tutorials, in their order.
    static var allValueStrings: [String] { TutorialLibrary.load().documents.map(\.id) }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }

    func document(in documents: [TutorialDocument]) -> TutorialDocument? {
        documents.first { $0.id == id }
    }
}
