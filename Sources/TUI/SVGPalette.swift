/// The colours a canvas takes in an SVG image (`Canvas.svg`): the one place that says
/// what hex value each `TerminalColor` becomes outside a terminal.
///
/// A terminal chooses its own shades for the eight ANSI colours and its own default
/// foreground and background; an image has to fix them. The standard palette is a dark
/// terminal's (xterm's shades, softened so blue and red stay readable on a projector),
/// so a slide looks like the demonstrator on a classroom screen.
public struct SVGPalette: Hashable, Sendable {
    /// `TerminalColor.terminalDefault` as a foreground.
    public var foreground: String
    /// `TerminalColor.terminalDefault` as a background: the whole image's background.
    public var background: String
    /// The eight ANSI colours, as `#rrggbb`.
    public var black, red, green, yellow, blue, magenta, cyan, white: String

    public init(foreground: String, background: String, black: String, red: String, green: String, yellow: String,
                blue: String, magenta: String, cyan: String, white: String) {
        self.foreground = foreground
        self.background = background
        self.black = black
        self.red = red
        self.green = green
        self.yellow = yellow
        self.blue = blue
        self.magenta = magenta
        self.cyan = cyan
        self.white = white
    }

    /// | colour | hex |
    /// |---|---|
    /// | default foreground | `#e5e5e5` |
    /// | default background | `#1e1e1e` |
    /// | black | `#000000` |
    /// | red | `#f14c4c` |
    /// | green | `#23d18b` |
    /// | yellow | `#f5f543` |
    /// | blue | `#3b8eea` |
    /// | magenta | `#d670d6` |
    /// | cyan | `#29b8db` |
    /// | white | `#ffffff` |
    public static let standard = SVGPalette(
        foreground: "#e5e5e5", background: "#1e1e1e", black: "#000000", red: "#f14c4c", green: "#23d18b",
        yellow: "#f5f543", blue: "#3b8eea", magenta: "#d670d6", cyan: "#29b8db", white: "#ffffff"
    )

    /// The hex value of `color` as a foreground (`terminalDefault`: the default foreground).
    public func foreground(_ color: TerminalColor) -> String { hex(color) ?? foreground }

    /// The hex value of `color` as a background, nil for the terminal's own (the image's).
    public func background(_ color: TerminalColor) -> String? { hex(color) }

    private func hex(_ color: TerminalColor) -> String? {
        switch color {
        case .terminalDefault: nil
        case .black: black
        case .red: red
        case .green: green
        case .yellow: yellow
        case .blue: blue
        case .magenta: magenta
        case .cyan: cyan
        case .white: white
        }
    }
}
