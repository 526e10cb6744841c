// A section's text is read by people: the checker refuses directive syntax left in it
// (a step reference such as `action:refuse#4`, a directive's key=value, a comment
// marker), which the demonstrator would show as it is.
extension TutorialChecker {
    static func checkProse(_ section: TutorialSection, issue: (Int, String) -> Void) {
        for (line, text) in ProseCheck.split(section).prose {
            if let leak = ProseCheck.leak(in: text) {
                issue(line, "directive syntax in the text: \"\(leak)\"; say it in words (or put a reference the reader types in `code`)")
            }
        }
    }
}

/// What in a line of prose is directive syntax, code spans aside.
enum ProseCheck {
    /// The keys of the `at` and `inspect` directives, which prose never writes as `key=`.
    static let keys = ["scenario", "step", "params", "seed", "policy", "message", "field", "as", "mode"]

    /// The first piece of directive syntax in a stretch of prose, if any.
    static func leak(in prose: String) -> String? {
        for marker in ["<!--", "-->"] where prose.contains(marker) { return marker }
        for word in prose.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," || $0 == ";" }) {
            let token = word.trimmingTrailingPunctuation
            if let colon = token.firstIndex(of: ":"), ["send", "receive", "action"].contains(token[..<colon]),
               token.index(after: colon) < token.endIndex {
                return String(token)
            }
            if let equals = token.firstIndex(of: "="), keys.contains(String(token[..<equals])) { return String(token) }
        }
        return nil
    }

    /// A section's text cut into prose and code spans (`` `like this` ``, which may run
    /// over a line break), each with the file line it starts on.
    static func split(_ section: TutorialSection) -> (prose: [(line: Int, text: String)], code: [(line: Int, text: String)]) {
        var prose = [(line: Int, text: String)](), code = [(line: Int, text: String)]()
        var inCode = false, current = "", start = section.bodyLines.first ?? 0
        for (line, text) in zip(section.bodyLines, section.body) {
            if !inCode, !current.isEmpty { prose.append((start, current)) }
            if !inCode { (current, start) = ("", line) } else { current += " " }
            for character in text {
                guard character == "`" else {
                    current.append(character)
                    continue
                }
                if inCode { code.append((start, current)) } else if !current.isEmpty { prose.append((start, current)) }
                (current, start, inCode) = ("", line, !inCode)
            }
        }
        if !current.isEmpty {
            if inCode { code.append((start, current)) } else { prose.append((start, current)) }
        }
        return (prose, code)
    }
}

private extension Substring {
    /// Without the full stop or colon that ends a sentence or a clause.
    var trimmingTrailingPunctuation: Substring {
        var token = self
        while let last = token.last, last == "." || last == ":" { token = token.dropLast() }
        return token
    }
}
