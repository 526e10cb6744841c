import TUI

/// Presenter mode's headline: the built-in block font, drawn as large as the room
/// allows. Each dot of a 3x5 letter becomes `scale.x` cells across and `scale.y`
/// rows down; as a cell is about twice as tall as wide, 2x1 and 4x2 keep the
/// letters' shape and read from the back of a room where 1x1 looks thin.
struct BlockHeadline: Equatable {
    struct Scale: Equatable {
        let x: Int
        let y: Int
    }

    /// The layouts tried, largest first: a title too long for one line at 2x1 reads
    /// better on two lines at that scale than on one at 1x1.
    static let candidates: [(scale: Scale, lines: Int)] = [
        (Scale(x: 4, y: 2), 1), (Scale(x: 2, y: 1), 1), (Scale(x: 2, y: 1), 2), (Scale(x: 1, y: 1), 1), (Scale(x: 1, y: 1), 2),
    ]

    let lines: [String]
    let scale: Scale

    /// Rows it takes, a blank row (at its scale) between its lines.
    var height: Int { lines.count * BlockFont.glyphHeight * scale.y + (lines.count - 1) * scale.y }

    static func width(of text: String, scale: Scale) -> Int { BlockFont.width(of: text) * scale.x }

    /// The largest layout of `text` that fits `width` x `rows`, or nil when not even
    /// the smallest does (the caller writes plain text).
    static func fit(_ text: String, width: Int, rows: Int) -> BlockHeadline? {
        // A title with letters the font lacks (·, −, →) would show them as `?`: plain text says it better.
        guard text.allSatisfy(BlockFont.contains) else { return nil }
        for (scale, count) in candidates {
            let lines = count == 1 ? [text] : TextWrap.lines(text, width: (width / scale.x + 1) / (BlockFont.glyphWidth + 1))
            let candidate = BlockHeadline(lines: lines, scale: scale)
            // Two lines break at a space, never inside a name (TextWrap cuts a word too long for a line).
            let whole = lines.joined(separator: " ") == text.split(separator: " ").joined(separator: " ")
            if lines.count == count, whole, lines.allSatisfy({ Self.width(of: $0, scale: scale) <= width }), candidate.height <= rows {
                return candidate
            }
        }
        return nil
    }

    /// Draws the lines centred across `area`, from its top row.
    func draw(in area: Rect, style: Style, glyphs: Glyphs, into canvas: inout Canvas) {
        var y = area.y
        for text in lines {
            let x = area.x + (area.width - Self.width(of: text, scale: scale)) / 2
            for (row, line) in BlockFont.lines(for: text, glyphs: glyphs).enumerated() {
                for (column, character) in line.enumerated() where character != " " {
                    for dy in 0..<scale.y {
                        for dx in 0..<scale.x {
                            canvas.set(x: x + column * scale.x + dx, y: y + row * scale.y + dy, character, style: style)
                        }
                    }
                }
            }
            y += (BlockFont.glyphHeight + 1) * scale.y
        }
    }
}
