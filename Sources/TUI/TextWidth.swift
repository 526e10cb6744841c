/// How many terminal columns text takes. A small, self-contained stand-in for
/// `wcwidth(3)` (the pure TUI module imports no C library), enough for what the
/// demonstrator shows:
///
/// - 2 columns: East Asian Wide (W) and Fullwidth (F) characters (CJK ideographs,
///   kana, Hangul, fullwidth forms) and emoji shown as pictures (Emoji_Presentation,
///   or any character followed by the emoji variation selector U+FE0F);
/// - 0 columns: a character that is only a combining mark or a format character
///   (General Category Mn, Me, Cf), e.g. U+0301 on its own or U+200B. A mark after a
///   base letter joins the base's `Character` (`e` + U+0301 is one `Character`, one column);
/// - 1 column: everything else, including control characters, which a canvas shows as `?`.
public enum TextWidth {
    /// Columns `character` takes on a terminal: 0, 1 or 2.
    public static func columns(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(first) || scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return 1
    }

    /// Columns `text` takes: the sum over its characters. ASCII text (hex digits,
    /// names: most of what the demonstrator draws) takes one column per character.
    public static func columns(_ text: Substring) -> Int {
        let count = text.count
        if isASCII(text, count: count) { return count }
        var total = 0
        for character in text { total += columns(character) }
        return total
    }

    public static func columns(_ text: String) -> Int { columns(Substring(text)) }

    /// Whether `text` of `count` characters is ASCII: then each character is one
    /// byte (any other character takes two or more), one column.
    static func isASCII(_ text: Substring, count: Int) -> Bool { text.utf8.count == count }

    /// The longest prefix of `text` that fits in `width` columns (a wide character
    /// that would straddle the limit is left out whole).
    public static func prefix(_ text: String, columns width: Int) -> Substring { prefix(Substring(text), columns: width) }

    /// The longest prefix of `whole` that fits in `width` columns.
    public static func prefix(_ whole: Substring, columns width: Int) -> Substring {
        if isASCII(whole, count: whole.count) { return whole.prefix(max(0, width)) }
        var used = 0
        var end = whole.startIndex
        for index in whole.indices {
            let next = used + columns(whole[index])
            if next > width { break }
            used = next
            end = whole.index(after: index)
        }
        return whole[..<end]
    }

    /// The longest suffix of `text` that fits in `width` columns.
    public static func suffix(_ text: String, columns width: Int) -> Substring { suffix(Substring(text), columns: width) }

    /// The longest suffix of `whole` that fits in `width` columns.
    public static func suffix(_ whole: Substring, columns width: Int) -> Substring {
        if isASCII(whole, count: whole.count) { return whole.suffix(max(0, width)) }
        var used = 0
        var start = whole.endIndex
        while start > whole.startIndex {
            let before = whole.index(before: start)
            let next = used + columns(whole[before])
            if next > width { break }
            used = next
            start = before
        }
        return whole[start...]
    }

    /// East Asian Width W or F (Unicode 15, UAX #11), and emoji with default emoji
    /// presentation. Ranges of the Wide and Fullwidth blocks; the odd narrow code
    /// point inside a block (rare in practice) counts as wide.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F,       // Hangul Jamo initial consonants
             0x231A...0x231B, 0x2329...0x232A,
             0x2E80...0x303E,       // CJK radicals, Kangxi, ideographic description, CJK symbols
             0x3041...0x33FF,       // Hiragana, Katakana, Bopomofo, compatibility Jamo, Kanbun, CJK compatibility
             0x3400...0x4DBF,       // CJK Extension A
             0x4E00...0x9FFF,       // CJK Unified Ideographs
             0xA000...0xA4CF,       // Yi
             0xA960...0xA97F,       // Hangul Jamo Extended-A
             0xAC00...0xD7A3,       // Hangul syllables
             0xF900...0xFAFF,       // CJK compatibility ideographs
             0xFE10...0xFE19,       // vertical forms
             0xFE30...0xFE6F,       // CJK compatibility forms, small form variants
             0xFF00...0xFF60,       // fullwidth forms
             0xFFE0...0xFFE6,       // fullwidth signs
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,   // Tangut, Khitan, kana supplements
             0x1F300...0x1F64F,     // pictographs, emoticons
             0x1F900...0x1F9FF,     // supplemental symbols and pictographs
             0x20000...0x2FFFD, 0x30000...0x3FFFD:   // CJK Extensions B and later
            return true
        default:
            return false
        }
    }
}
