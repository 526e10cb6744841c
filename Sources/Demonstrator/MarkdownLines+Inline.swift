// Inline markers and word wrapping that keeps each word's kind.
extension MarkdownLines {
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
