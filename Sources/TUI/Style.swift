/// The eight ANSI colours plus "whatever the terminal uses" (so a user's own
/// background shows through). Backends map these to their own numbers.
public enum TerminalColor: String, Hashable, Sendable, CaseIterable {
    case terminalDefault = "default"
    case black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn: colours and attributes. Pure data; two equal styles are
/// drawn identically, which is what style runs rely on.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// Terminal defaults, no attributes.
    public static let plain = Style()

    /// True when the style uses a colour other than the terminal's own.
    public var usesColor: Bool { foreground != .terminalDefault || background != .terminalDefault }

    /// Compact spelling for snapshots and test failures, e.g. `fg=yellow bold reverse`.
    public var description: String {
        var parts: [String] = []
        if foreground != .terminalDefault { parts.append("fg=\(foreground.rawValue)") }
        if background != .terminalDefault { parts.append("bg=\(background.rawValue)") }
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if reverse { parts.append("reverse") }
        if underline { parts.append("underline") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}

/// One cell of a canvas: a character and its style. A double-width character
/// (CJK, emoji) sits in its left cell; the cell to its right is a continuation,
/// which output skips (the terminal fills it with the character's right half).
public struct Cell: Hashable, Sendable {
    public var character: Character
    public var style: Style
    /// The right half of the double-width character in the cell to the left.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
        isContinuation = false
    }

    /// The right half of a double-width character drawn in `style`.
    static func continuation(style: Style) -> Cell {
        var cell = Cell(" ", style: style)
        cell.isContinuation = true
        return cell
    }

    /// A space in the plain style: what a fresh canvas holds.
    public static let blank = Cell()
}
