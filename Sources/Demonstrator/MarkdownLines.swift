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
}
