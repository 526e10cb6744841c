import TUI

/// Word wrapping for the narration and the overlays, in terminal columns
/// (`TextWidth`: a CJK character or an emoji takes two, a combining mark none).
enum TextWrap {
    /// `text` broken into lines of at most `width` columns at spaces; a word longer
    /// than a line is cut. Never returns more than `maxLines` lines: the last one kept
    /// ends with `ellipsis` when text was left out.
    static func lines(_ text: String, width: Int, maxLines: Int = .max, ellipsis: String = "…") -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines = [String]()
        var current = "", currentWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            var wordWidth = TextWidth.columns(word)
            while wordWidth > width {
                if !current.isEmpty { lines.append(current); (current, currentWidth) = ("", 0) }
                // At least one character, even a wide one in a one-column line.
                var piece = TextWidth.prefix(word, columns: width)
                if piece.isEmpty { piece = word.prefix(1) }
                lines.append(String(piece))
                word = word.dropFirst(piece.count)
                wordWidth -= TextWidth.columns(piece)
            }
            if current.isEmpty {
                (current, currentWidth) = (String(word), wordWidth)
            } else if currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
            } else {
                lines.append(current)
                (current, currentWidth) = (String(word), wordWidth)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        let room = max(0, width - TextWidth.columns(ellipsis))
        kept[maxLines - 1] = (TextWidth.columns(last) > room ? String(TextWidth.prefix(last, columns: room)) : last) + ellipsis
        return kept
    }
}
