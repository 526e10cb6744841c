/// Fitting text into a number of columns. Every function here counts one column
/// per `Character`, which holds once text went through `TextFit.cellCharacter`.
public enum TextFit {
    /// `text` shortened in the middle to at most `width` columns, keeping both ends
    /// (the useful parts of a hex value or an identity): `0123…cdef`.
    ///
    /// The head gets the odd column. When only one column is left beside the
    /// ellipsis the text keeps its first character; when even that does not fit,
    /// the result is the ellipsis cut to `width` (a sign that something is hidden).
    public static func middle(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let count = text.count
        guard count > width else { return text }
        let keep = width - ellipsis.count
        guard keep > 0 else { return String(ellipsis.prefix(width)) }
        let head = (keep + 1) / 2, tail = keep / 2
        return String(text.prefix(head)) + ellipsis + String(text.suffix(tail))
    }

    /// `text` cut at the end to at most `width` columns, with an ellipsis when cut.
    public static func end(_ text: String, width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        let keep = width - ellipsis.count
        guard keep > 0 else { return String(ellipsis.prefix(width)) }
        return String(text.prefix(keep)) + ellipsis
    }

    /// `text` right-aligned in `width` columns: spaces before it, unchanged when longer.
    public static func right(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// What a canvas stores for `character`: the character itself when it takes
    /// exactly one column; a space for a tab; `?` for control and format characters
    /// (so bytes from a decoded message can never emit terminal escapes or reorder
    /// text with bidi overrides) and for double-width characters (CJK, emoji), which
    /// would shift every cell after them.
    public static func cellCharacter(_ character: Character) -> Character {
        if character.isASCII {
            if character == "\t" { return " " }
            return character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true ? "?" : character
        }
        for scalar in character.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
                return "?"
            default:
                break
            }
        }
        guard let first = character.unicodeScalars.first else { return "?" }
        if isDoubleWidth(first) || character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return "?"
        }
        return character
    }

    /// East Asian Wide/Fullwidth and emoji-presentation scalars: an approximation of
    /// `wcwidth(c) == 2` that needs no C library, enough for the demonstrator's content.
    static func isDoubleWidth(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
