import TUI

/// In ASCII mode (a C or POSIX locale, `--ascii`) every cell must be seven-bit, but
/// narration, references and decoded fields come from the scenarios and the RFCs with
/// `§`, `·` and arrows. Each such character is replaced by one ASCII look-alike so the
/// layout does not move; anything else becomes `?`.
enum ASCIIFold {
    static let replacements: [Character: Character] = [
        "§": "S", "·": ".", "—": "-", "–": "-", "…": ".", "←": "<", "→": ">", "↑": "^", "↓": "v",
        "“": "\"", "”": "\"", "‘": "'", "’": "'", "×": "x", "✓": "+", "✗": "x", "⊕": "+", "≠": "!",
    ]

    static func fold(_ character: Character) -> Character {
        character.isASCII ? character : replacements[character] ?? "?"
    }

    /// `canvas` with every non-ASCII character folded, styles unchanged.
    static func fold(_ canvas: Canvas) -> Canvas {
        var folded = canvas
        for y in 0..<canvas.height {
            for (x, cell) in canvas.row(y).enumerated() where !cell.character.isASCII {
                folded.set(x: x, y: y, fold(cell.character), style: cell.style)
            }
        }
        return folded
    }
}
