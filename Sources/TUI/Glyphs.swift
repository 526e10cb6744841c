/// The characters used for frames, rules, arrows and shortening. Choose `.unicode`
/// when the terminal's codeset is UTF-8 and `.ascii` otherwise; every renderer
/// takes a `Glyphs` so the same screen works in both.
public struct Glyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Head of an arrow drawn along a horizontal rule, pointing right / left.
    public var arrowHeadRight: Character
    public var arrowHeadLeft: Character
    /// Inline arrows for running text (`I → R`, `I -> R`).
    public var arrowRight: String
    public var arrowLeft: String
    /// Marks text shortened to fit (`…` or `...`).
    public var ellipsis: String
    /// The "ink" of the block font.
    public var block: Character
    /// A list bullet.
    public var bullet: Character
    /// True for the ASCII set (handy for choosing spellings elsewhere).
    public var isASCII: Bool

    public init(
        horizontal: Character, vertical: Character,
        topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
        arrowHeadRight: Character, arrowHeadLeft: Character, arrowRight: String, arrowLeft: String,
        ellipsis: String, block: Character, bullet: Character, isASCII: Bool
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.arrowHeadRight = arrowHeadRight
        self.arrowHeadLeft = arrowHeadLeft
        self.arrowRight = arrowRight
        self.arrowLeft = arrowLeft
        self.ellipsis = ellipsis
        self.block = block
        self.bullet = bullet
        self.isASCII = isASCII
    }

    /// Light box drawing, real arrows and a one-column ellipsis. Every glyph here is
    /// one column wide in a UTF-8 terminal (no East Asian ambiguous-width characters).
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        arrowHeadRight: "→", arrowHeadLeft: "←", arrowRight: "→", arrowLeft: "←",
        ellipsis: "…", block: "█", bullet: "•", isASCII: false
    )

    /// Seven-bit only: for C/POSIX locales and terminals without UTF-8.
    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        arrowHeadRight: ">", arrowHeadLeft: "<", arrowRight: "->", arrowLeft: "<-",
        ellipsis: "...", block: "#", bullet: "*", isASCII: true
    )
}
