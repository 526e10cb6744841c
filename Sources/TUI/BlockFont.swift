/// A built-in 3x5 block font for headlines a projector can show across a room
/// (no figlet needed). Upper and lower case differ (`aP` is a scalar times a point,
/// not `AP`); anything not in the font shows as `?`.
public enum BlockFont {
    /// Rows per glyph.
    public static let glyphHeight = 5
    /// Columns per glyph, without the one-column gap between glyphs.
    public static let glyphWidth = 3

    /// The columns `text` needs: 3 per character and 1 between characters.
    public static func width(of text: String) -> Int {
        text.isEmpty ? 0 : text.count * (glyphWidth + 1) - 1
    }

    /// The headline as `glyphHeight` lines of text, ink drawn with `glyphs.block`
    /// (`█`, or `#` in ASCII), background as spaces.
    public static func lines(for text: String, glyphs: Glyphs) -> [String] {
        let patterns = text.map(pattern(for:))
        return (0..<glyphHeight).map { row in
            patterns.map { rowText($0[row], ink: glyphs.block) }.joined(separator: " ")
        }
    }

    private static func rowText(_ bits: String, ink: Character) -> String {
        String(bits.map { $0 == "#" ? ink : " " })
    }

    /// Whether the font has a glyph for `character` (else `lines` draws a `?`).
    public static func contains(_ character: Character) -> Bool {
        font[character] != nil || lowerCase[character] != nil
    }

    /// The 5 rows of `.`/`#` for one character.
    static func pattern(for character: Character) -> [String] {
        font[character] ?? lowerCase[character] ?? unknown
    }

    /// Shown for characters the font lacks: a question mark.
    static let unknown = ["##.", "..#", ".#.", "...", ".#."]

    /// Each glyph: five rows of three cells, top to bottom, `#` = ink.
    static let font: [Character: [String]] = [
        "A": [".#.", "#.#", "###", "#.#", "#.#"], "B": ["##.", "#.#", "##.", "#.#", "##."],
        "C": [".##", "#..", "#..", "#..", ".##"], "D": ["##.", "#.#", "#.#", "#.#", "##."],
        "E": ["###", "#..", "##.", "#..", "###"], "F": ["###", "#..", "##.", "#..", "#.."],
        "G": [".##", "#..", "#.#", "#.#", ".##"], "H": ["#.#", "#.#", "###", "#.#", "#.#"],
        "I": ["###", ".#.", ".#.", ".#.", "###"], "J": ["..#", "..#", "..#", "#.#", ".#."],
        "K": ["#.#", "#.#", "##.", "#.#", "#.#"], "L": ["#..", "#..", "#..", "#..", "###"],
        "M": ["#.#", "###", "###", "#.#", "#.#"], "N": ["##.", "#.#", "#.#", "#.#", "#.#"],
        "O": [".#.", "#.#", "#.#", "#.#", ".#."], "P": ["##.", "#.#", "##.", "#..", "#.."],
        "Q": [".#.", "#.#", "#.#", "##.", ".##"], "R": ["##.", "#.#", "##.", "#.#", "#.#"],
        "S": [".##", "#..", ".#.", "..#", "##."], "T": ["###", ".#.", ".#.", ".#.", ".#."],
        "U": ["#.#", "#.#", "#.#", "#.#", "###"], "V": ["#.#", "#.#", "#.#", "#.#", ".#."],
        "W": ["#.#", "#.#", "###", "###", "#.#"], "X": ["#.#", "#.#", ".#.", "#.#", "#.#"],
        "Y": ["#.#", "#.#", ".#.", ".#.", ".#."], "Z": ["###", "..#", ".#.", "#..", "###"],
        "0": ["###", "#.#", "#.#", "#.#", "###"], "1": [".#.", "##.", ".#.", ".#.", "###"],
        "2": ["##.", "..#", ".#.", "#..", "###"], "3": ["##.", "..#", ".#.", "..#", "##."],
        "4": ["#.#", "#.#", "###", "..#", "..#"], "5": ["###", "#..", "##.", "..#", "##."],
        "6": [".##", "#..", "###", "#.#", "###"], "7": ["###", "..#", ".#.", ".#.", ".#."],
        "8": ["###", "#.#", "###", "#.#", "###"], "9": ["###", "#.#", "###", "..#", "##."],
        " ": ["...", "...", "...", "...", "..."], "-": ["...", "...", "###", "...", "..."],
        "_": ["...", "...", "...", "...", "###"], ".": ["...", "...", "...", "...", ".#."],
        ",": ["...", "...", "...", ".#.", "#.."], ":": ["...", ".#.", "...", ".#.", "..."],
        "!": [".#.", ".#.", ".#.", "...", ".#."], "?": unknown,
        "/": ["..#", "..#", ".#.", "#..", "#.."], "+": ["...", ".#.", "###", ".#.", "..."],
        "=": ["...", "###", "...", "###", "..."], "(": [".#.", "#..", "#..", "#..", ".#."],
        ")": [".#.", "..#", "..#", "..#", ".#."], "<": ["..#", ".#.", "#..", ".#.", "..#"],
        ">": ["#..", ".#.", "..#", ".#.", "#.."], "'": [".#.", ".#.", "...", "...", "..."],
        "*": ["...", "#.#", ".#.", "#.#", "..."], "#": ["#.#", "###", "#.#", "###", "#.#"],
    ]

    /// Lower case: an x-height of three rows, ascenders from the top row; letters that
    /// hang below the line in print (g, p, q, y) sit on it here, shortened.
    static let lowerCase: [Character: [String]] = [
        "a": ["...", "...", ".##", "#.#", ".##"], "b": ["#..", "#..", "##.", "#.#", "##."],
        "c": ["...", "...", ".##", "#..", ".##"], "d": ["..#", "..#", ".##", "#.#", ".##"],
        "e": ["...", ".##", "#.#", "##.", ".##"], "f": ["..#", ".#.", "###", ".#.", ".#."],
        "g": ["...", ".##", "#.#", ".##", "##."], "h": ["#..", "#..", "##.", "#.#", "#.#"],
        "i": [".#.", "...", "##.", ".#.", ".##"], "j": ["..#", "...", "..#", "#.#", ".#."],
        "k": ["#..", "#..", "#.#", "##.", "#.#"], "l": ["##.", ".#.", ".#.", ".#.", ".##"],
        "m": ["...", "...", "###", "###", "#.#"], "n": ["...", "...", "##.", "#.#", "#.#"],
        "o": ["...", "...", ".#.", "#.#", ".#."], "p": ["...", "##.", "#.#", "##.", "#.."],
        "q": ["...", ".##", "#.#", ".##", "..#"], "r": ["...", "...", ".##", "#..", "#.."],
        "s": ["...", ".##", "##.", "..#", "##."], "t": [".#.", "###", ".#.", ".#.", "..#"],
        "u": ["...", "...", "#.#", "#.#", ".##"], "v": ["...", "...", "#.#", "#.#", ".#."],
        "w": ["...", "...", "#.#", "###", "###"], "x": ["...", "...", "#.#", ".#.", "#.#"],
        "y": ["...", "#.#", "#.#", ".##", "##."], "z": ["...", "...", "##.", ".#.", ".##"],
    ]
}

extension Canvas {
    /// Draws `text` as a block-font headline centred in `rect`. When the big letters
    /// do not fit (too narrow or fewer than 5 rows) it falls back to ordinary text,
    /// centred and shortened, so a headline is never cut in half.
    public mutating func headline(_ text: String, in rect: Rect, style: Style = .plain, glyphs: Glyphs) {
        guard !rect.isEmpty else { return }
        let bigWidth = BlockFont.width(of: text)
        if bigWidth <= rect.width, BlockFont.glyphHeight <= rect.height {
            let area = rect.centered(width: bigWidth, height: BlockFont.glyphHeight)
            for (row, line) in BlockFont.lines(for: text, glyphs: glyphs).enumerated() {
                // Spaces are skipped so the headline can sit on a styled background unchanged.
                for (column, character) in line.enumerated() where character != " " {
                    set(x: area.x + column, y: area.y + row, character, style: style)
                }
            }
        } else {
            let fitted = TextFit.end(text, width: rect.width, ellipsis: glyphs.ellipsis)
            let line = rect.centered(width: fitted.count, height: 1)
            put(fitted, x: line.x, y: line.y, style: style)
        }
    }
}
