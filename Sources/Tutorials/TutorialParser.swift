import Foundation
import Scenarios

/// Reads a tutorial file. Every malformed directive is reported with its line; the
/// parse fails if there is any.
public enum TutorialParser {
    public static func parse(_ text: String, file: String) throws(TutorialParseFailure) -> TutorialDocument {
        var issues = [TutorialIssue]()
        var title: String?
        var header: [String: String] = [:]
        var sections = [TutorialSection]()
        var current: SectionDraft?

        func issue(_ line: Int, _ message: String) { issues.append(TutorialIssue(file: file, line: line, message: message)) }
        func close() {
            if let draft = current { sections.append(draft.section) }
            current = nil
        }

        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if let directive = Directive(trimmed) {
                if directive.name == "tutorial" {
                    header = KeyValues.parse(directive.argument)
                    continue
                }
                guard current != nil else {
                    issue(line, "directive `\(directive.name)` before the first `## section`")
                    continue
                }
                current?.apply(directive, line: line, report: issue)
            } else if trimmed.hasPrefix("## ") {
                close()
                current = SectionDraft(title: String(trimmed.dropFirst(3)), line: line)
            } else if trimmed.hasPrefix("# "), title == nil {
                title = String(trimmed.dropFirst(2))
            } else if trimmed.hasPrefix("<!--") {
                issue(line, "unreadable directive: `<!-- name: arguments -->` on one line expected")
            } else {
                current?.body.append((line, String(raw)))
            }
        }
        close()
        guard let title else { throw TutorialParseFailure(issues: issues + [TutorialIssue(file: file, line: 1, message: "no `# title` line")]) }
        guard let minutes = header["minutes"].flatMap(Int.init), let id = header["id"], let summary = header["summary"] else {
            throw TutorialParseFailure(issues: issues + [TutorialIssue(file: file, line: 1,
                message: "missing `<!-- tutorial: id=NAME minutes=N summary=\"...\" -->`")])
        }
        if sections.isEmpty { issue(1, "no `## section`") }
        guard issues.isEmpty else { throw TutorialParseFailure(issues: issues) }
        return TutorialDocument(id: id, file: file, title: title, minutes: minutes, summary: summary, sections: sections)
    }
}

/// All problems of one file.
public struct TutorialParseFailure: Error, Sendable {
    public let issues: [TutorialIssue]
}

/// `<!-- name: argument -->`
struct Directive {
    let name: String
    let argument: String

    init?(_ line: String) {
        guard line.hasPrefix("<!--"), line.hasSuffix("-->") else { return nil }
        let inner = line.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard let colon = inner.firstIndex(of: ":") else { return nil }
        name = inner[..<colon].trimmingCharacters(in: .whitespaces)
        argument = inner[inner.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
    }
}

/// `key=value key="quoted value"` pairs.
enum KeyValues {
    static func parse(_ text: String) -> [String: String] {
        var result = [String: String]()
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: equals)...]
            let value: Substring
            if rest.first == "\"" {
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                value = body[..<end]
                rest = end < body.endIndex ? body[body.index(after: end)...] : ""
            } else {
                let end = rest.firstIndex(of: " ") ?? rest.endIndex
                value = rest[..<end]
                rest = rest[end...]
            }
            result[key] = String(value)
        }
        return result
    }
}
