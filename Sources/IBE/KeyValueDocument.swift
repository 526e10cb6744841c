/// The `name = value` text format of the parameter sets (Assets/params): one pair per
/// line, `#` starts a comment line. Names never contain spaces.
public struct KeyValueDocument: Sendable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let value: String
        public let line: Int
    }

    public let entries: [Entry]

    /// Parses `text`; `source` names it in error messages (a file name).
    public init(text: String, source: String) throws(IBEError) {
        var entries = [Entry]()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw .malformedFile("\(source):\(offset + 1): expected `name = value`, got \"\(line)\"")
            }
            let name = line[..<equals].trimmingWhitespace()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            guard !name.isEmpty, !name.contains(" "), !value.isEmpty else {
                throw .malformedFile("\(source):\(offset + 1): expected `name = value` with a one-word name and a value")
            }
            entries.append(Entry(name: String(name), value: String(value), line: offset + 1))
        }
        self.entries = entries
    }

    /// The value of the first entry called `name`.
    public func value(_ name: String) -> String? {
        entries.first { $0.name == name }?.value
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[first...last]
    }
}
