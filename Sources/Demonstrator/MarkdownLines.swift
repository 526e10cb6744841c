/// A tutorial's Markdown as lines for a narrow panel, read simply: paragraphs
/// rewrapped, `**bold**` and `` `code` `` as styled spans without their markers,
/// `[text](link)` as its text, lists with bullets and hanging indents, headings in
/// bold, fenced code as it is, and tables as aligned columns when they fit, else one
/// bulleted line per row ("PSK - authenticated by: secret per pair; ...").
enum MarkdownLines {
    enum Kind: Sendable, Equatable {
        case plain, strong, code
        /// A bullet, a hanging indent, or a label a caller put in front.
        case marker
    }

    struct Span: Sendable, Equatable {
        var text: String
        var kind: Kind
    }

    typealias Line = [Span]

    /// `body` as lines of at most `width` columns, one blank line between blocks.
    static func lines(_ body: [String], width: Int, bullet: String = "•") -> [Line] {
        guard width > 0 else { return [] }
        var output = [Line]()
        for block in blocks(body) {
            if !output.isEmpty { output.append([]) }
            output += render(block, width: width, bullet: bullet)
        }
        return output
    }

    // MARK: Blocks

    enum Block: Equatable {
        case paragraph(String)
        case heading(String)
        case list([String])
        case table([[String]])
        case code([String])
    }

    static func blocks(_ body: [String]) -> [Block] {
        var blocks = [Block]()
        var paragraph = [String](), items = [String](), rows = [[String]]()
        var code: [String]?
        func flush() {
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !items.isEmpty { blocks.append(.list(items)) }
            if !rows.isEmpty { blocks.append(.table(rows)) }
            (paragraph, items, rows) = ([], [], [])
        }
        for raw in body {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                if let lines = code {
                    blocks.append(.code(lines))
                    code = nil
                } else {
                    flush()
                    code = []
                }
                continue
            }
            if code != nil {
                code?.append(raw)
                continue
            }
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("#") {
                flush()
                blocks.append(.heading(String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("|") {
                if !paragraph.isEmpty || !items.isEmpty { flush() }
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                let trimmed = cells.last == "" ? Array(cells.dropLast()) : Array(cells)
                // The |---|---| rule under the header carries no text.
                if !trimmed.allSatisfy({ $0.allSatisfy { "-:".contains($0) } }) { rows.append(trimmed) }
            } else if let item = listItem(line) {
                if !paragraph.isEmpty || !rows.isEmpty { flush() }
                items.append(item)
            } else if !items.isEmpty {
                // A continuation line of the last item.
                items[items.count - 1] += " " + line
            } else {
                if !rows.isEmpty { flush() }
                paragraph.append(line.hasPrefix(">") ? String(line.dropFirst()).trimmingCharacters(in: .whitespaces) : line)
            }
        }
        if let lines = code { blocks.append(.code(lines)) }
        flush()
        return blocks
    }

    /// The text of a list item (`- `, `* `, `+ `, `1. `), or nil.
    static func listItem(_ line: String) -> String? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(2)) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return String(line.dropFirst(digits.count + 2)) }
        return nil
    }

    static func render(_ block: Block, width: Int, bullet: String) -> [Line] {
        switch block {
        case .paragraph(let text):
            return wrap(inline(text), width: width)
        case .heading(let text):
            return wrap(inline(text).map { Span(text: $0.text, kind: .strong) }, width: width)
        case .list(let items):
            return items.flatMap { wrap(inline($0), width: width, first: bullet + " ", rest: "  ") }
        case .code(let lines):
            return lines.map { [Span(text: String($0.prefix(width)), kind: .code)] }
        case .table(let rows):
            return table(rows, width: width, bullet: bullet)
        }
    }

    /// Aligned columns with the header in bold when they fit; else each row as a
    /// bulleted line: its first cell, then "header: value" for the others.
    static func table(_ rows: [[String]], width: Int, bullet: String) -> [Line] {
        guard let header = rows.first else { return [] }
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? plainText($0[column]).count : 0 }.max() ?? 0 }
        if widths.reduce(0, +) + 2 * (columns - 1) <= width {
            return rows.enumerated().map { index, row in
                let text = (0..<columns).map { column -> String in
                    let cell = column < row.count ? plainText(row[column]) : ""
                    return column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }.joined(separator: "  ")
                return [Span(text: text, kind: index == 0 ? .strong : .plain)]
            }
        }
        return rows.dropFirst().flatMap { row -> [Line] in
            var spans = [Span(text: row.first.map(plainText) ?? "", kind: .strong)]
            let pairs = zip(header.dropFirst(), row.dropFirst()).map { "\(plainText($0)): \(plainText($1))" }
            if !pairs.isEmpty { spans.append(Span(text: " - " + pairs.joined(separator: "; "), kind: .plain)) }
            return wrap(spans, width: width, first: bullet + " ", rest: "  ")
        }
    }

    // MARK: Inline

    /// Spans of one paragraph: `` `code` ``, `**strong**`, links reduced to their text.
    static func inline(_ text: String) -> [Span] {
        var spans = [Span]()
        var current = "", kind = Kind.plain
        var rest = Substring(text)
        func emit() {
            if !current.isEmpty { spans.append(Span(text: current, kind: kind)) }
            current = ""
        }
        while let character = rest.first {
            if character == "`", kind != .strong {
                emit()
                kind = kind == .code ? .plain : .code
                rest = rest.dropFirst()
            } else if kind != .code, rest.hasPrefix("**") {
                emit()
                kind = kind == .strong ? .plain : .strong
                rest = rest.dropFirst(2)
            } else if kind != .code, character == "[", let close = rest.firstIndex(of: "]"),
                      rest[rest.index(after: close)...].hasPrefix("("),
                      let end = rest[close...].firstIndex(of: ")") {
                current += rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: end)...]
            } else {
                current.append(character)
                rest = rest.dropFirst()
            }
        }
        emit()
        return spans
    }

    /// The text of a cell without its markers.
    static func plainText(_ text: String) -> String { inline(text).map(\.text).joined() }

    // MARK: Wrapping

    /// Greedy word wrap that keeps each word's spans; `first` and `rest` prefix the
    /// first and the following lines (a bullet and its hanging indent).
    static func wrap(_ spans: [Span], width: Int, first: String = "", rest: String = "") -> [Line] {
        // Prefixes need room beside them; in a very narrow column they are left out.
        let (first, rest) = width > max(first.count, rest.count) + 4 ? (first, rest) : ("", "")
        // Words: runs without spaces, each a list of pieces that may differ in kind.
        var words = [[Span]]()
        var word = [Span]()
        var gapKinds = [Kind]()   // the kind of the space before each word after the first
        var pendingGap: Kind?
        for span in spans {
            for character in span.text {
                if character == " " {
                    if !word.isEmpty { words.append(word); word = [] }
                    if !words.isEmpty, pendingGap == nil { pendingGap = span.kind }
                } else {
                    if word.isEmpty, !words.isEmpty {
                        gapKinds.append(pendingGap ?? .plain)
                        pendingGap = nil
                    }
                    if let last = word.last, last.kind == span.kind {
                        word[word.count - 1].text.append(character)
                    } else {
                        word.append(Span(text: String(character), kind: span.kind))
                    }
                }
            }
        }
        if !word.isEmpty { words.append(word) }

        var lines = [Line]()
        var line: Line = first.isEmpty ? [] : [Span(text: first, kind: .marker)]
        var used = first.count, hasWord = false
        func append(_ piece: Span) {
            if let last = line.last, last.kind == piece.kind {
                line[line.count - 1].text += piece.text
            } else {
                line.append(piece)
            }
        }
        func newLine() {
            lines.append(line)
            line = rest.isEmpty ? [] : [Span(text: rest, kind: .marker)]
            used = rest.count
            hasWord = false
        }
        for (index, word) in words.enumerated() {
            var pieces = word
            let length = pieces.map(\.text.count).reduce(0, +)
            if hasWord, used + 1 + length > width { newLine() }
            if hasWord {
                append(Span(text: " ", kind: gapKinds[index - 1]))
                used += 1
            }
            // A word longer than a whole line is cut.
            while !pieces.isEmpty {
                let piece = pieces.removeFirst()
                let room = width - used
                if piece.text.count <= room {
                    append(piece)
                    used += piece.text.count
                } else {
                    if room > 0 { append(Span(text: String(piece.text.prefix(room)), kind: piece.kind)) }
                    newLine()
                    pieces.insert(Span(text: String(piece.text.dropFirst(max(0, room))), kind: piece.kind), at: 0)
                }
            }
            hasWord = true
        }
        if hasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
