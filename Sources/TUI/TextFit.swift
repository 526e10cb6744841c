/// Fitting text into a number of columns. Widths are terminal columns as
/// `TextWidth` counts them: a CJK character or an emoji takes 2, a lone combining
/// mark 0, so a shortened string never takes more than `width` columns.
public enum TextFit {
    /// `text` shortened in the middle to at most `width` columns, keeping both ends
    /// (the useful parts of a hex value or an identity): `0123…cdef`.
    ///
    /// The head gets the odd column. When only one column is left beside the
    /// ellipsis the text keeps its first character; when even that does not fit,
    /// the result is the ellipsis cut to `width` (a sign that something is hidden).
    public static func middle(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        // Never more columns than bytes: a short text fits without being measured.
        guard text.utf8.count > width, TextWidth.columns(text) > width else { return text }
        let keep = width - TextWidth.columns(ellipsis)
        guard keep > 0 else { return String(TextWidth.prefix(ellipsis, columns: width)) }
        let head = (keep + 1) / 2, tail = keep / 2
        return String(TextWidth.prefix(text, columns: head)) + ellipsis + String(TextWidth.suffix(text, columns: tail))
    }

    /// `text` cut at the end to at most `width` columns, with an ellipsis when cut.
    public static func end(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        guard text.utf8.count > width, TextWidth.columns(text) > width else { return text }
        let keep = width - TextWidth.columns(ellipsis)
        guard keep > 0 else { return String(TextWidth.prefix(ellipsis, columns: width)) }
        return String(TextWidth.prefix(text, columns: keep)) + ellipsis
    }

    /// `text` right-aligned in `width` columns: spaces before it, unchanged when longer.
    public static func right(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - TextWidth.columns(text))) + text
    }

    /// What one cell stores for `character`: the character itself when it takes
    /// exactly one column; a space for a tab; `?` for control and format characters
    /// (so bytes from a decoded message can never emit terminal escapes or reorder
    /// text with bidi overrides) and for double-width characters (CJK, emoji), which
    /// need two cells (`Canvas.put` gives them two).
    public static func cellCharacter(_ character: Character) -> Character {
        if character.isASCII {
            if character == "\t" { return " " }
            return character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true ? "?" : character
        }
        if isUnsafe(character) { return "?" }
        guard let first = character.unicodeScalars.first else { return "?" }
        if TextWidth.isWide(first) || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return "?"
        }
        return character
    }

    /// Whether `character` holds a control or format character (or a separator, a
    /// surrogate, an unassigned code point): never sent to a terminal as it is.
    static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: true
            default: false
            }
        }
    }
}
