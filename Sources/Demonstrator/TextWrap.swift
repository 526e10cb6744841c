/// Word wrapping for the narration and the overlays.
enum TextWrap {
    /// `text` broken into lines of at most `width` columns at spaces; a word longer
    /// than a line is cut. Never returns more than `maxLines` lines: the last one kept
    /// ends with `ellipsis` when text was left out.
    static func lines(_ text: String, width: Int, maxLines: Int = .max, ellipsis: String = "…") -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var lines = [String]()
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > maxLines else { return lines }
        var kept = Array(lines.prefix(maxLines))
        let last = kept[maxLines - 1]
        let room = max(0, width - ellipsis.count)
        kept[maxLines - 1] = (last.count > room ? String(last.prefix(room)) : last) + ellipsis
        return kept
    }
}
