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

    @Argument(help: "The tutorial to play (its id or number).") var name: String?
    @Flag(help: "Print the tutorial as text instead of playing it in the demonstrator.") var plain = false
    @Flag(help: "Validate every tutorial file.") var check = false
    @Flag(help: "Start in presenter mode (z toggles it), in bold, projector-friendly colours.") var presenter = false
    @Flag(help: "No colour (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "ASCII only (also when the locale is not UTF-8).") var ascii = false
    @Flag(help: "Ignore the mouse.") var noMouse = false

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
        try reportingInputErrors {
            guard let document = documents.first(where: { $0.id == name })
                    ?? Int(name).flatMap({ $0 >= 1 && $0 <= documents.count ? documents[$0 - 1] : nil }) else {
                throw InputError("no tutorial \"\(name)\"; available: \(documents.map(\.id).joined(separator: ", "))")
            }
            let printText = {
                let resolved: [ResolvedSection]
                do { resolved = try document.resolve(with: TimelineCache()) } catch { throw InputError("\(error)") }
                TutorialText.lines(document, resolved: resolved).forEach { print($0) }
            }
            // The same decision as the demonstrator's: --plain, output or input not a
            // terminal, TERM dumb or unknown all give text.
            let environment = TerminalEnvironment.detect(options: TerminalOptions(noColor: noColor, ascii: ascii, plain: plain))
            if environment.isPlain {
                try printText()
                return
            }
            let play: TutorialPlay
            do { play = try TutorialPlay(document: document, parameterSet: ParameterSet.named) } catch { throw InputError("\(error)") }
            let presenter = presenter
            try FullScreenSession.runAndExit(
                FullScreenSession(start: { AppState(tutorial: play, size: $0, presenter: presenter) }, environment: environment,
                                  presenterColors: presenter, mouse: !noMouse, exitAfterFirstFrame: false),
                fallback: printText)
        }
    }
}
