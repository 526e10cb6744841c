import ArgumentParser
import Tutorials

struct TutorialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutorial",
        abstract: "List, play or check the guided tutorials.",
        discussion: """
            Without a name: the tutorials, one line each with the time they take. With a name: \
            play it (--plain prints it as text). --check validates every tutorial file: directives, \
            scenario and step names, and every claim against the scenario's ledger; problems are \
            printed as file:line and the exit status is 1.
            """
    )

    @Argument(help: "The tutorial to play (its id or number).") var name: String?
    @Flag(help: "Print the tutorial as text instead of playing it in the demonstrator.") var plain = false
    @Flag(help: "Validate every tutorial file.") var check = false

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
                      + "\(String(document.minutes).leftPadded(3)) min  \(document.summary)")
            }
            return
        }
        try reportingInputErrors {
            guard let document = documents.first(where: { $0.id == name })
                    ?? Int(name).flatMap({ $0 >= 1 && $0 <= documents.count ? documents[$0 - 1] : nil }) else {
                throw InputError("no tutorial \"\(name)\"; available: \(documents.map(\.id).joined(separator: ", "))")
            }
            let resolved: [ResolvedSection]
            do { resolved = try document.resolve(with: TimelineCache()) } catch { throw InputError("\(error)") }
            TutorialText.lines(document, resolved: resolved).forEach { print($0) }
            _ = plain
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
