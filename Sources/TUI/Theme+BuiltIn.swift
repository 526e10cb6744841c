// The shipped themes. The colour theme is the mono theme's attributes plus
// colours (and dim for unknown values), so whatever colour says, an attribute
// says too; the presenter theme keeps the same distinctions with bolder text.
// ThemeTests checks that the roles which must be told apart differ in attributes.

extension Theme {
    /// The default: the eight ANSI colours on the terminal's own background.
    public static let color = Theme(
        name: "color",
        text: .plain,
        label: Style(foreground: .cyan),
        title: Style(bold: true),
        border: Style(foreground: .blue),
        focusedBorder: Style(foreground: .yellow, bold: true),
        value: .plain,
        newValue: Style(foreground: .green, bold: true, reverse: true),
        unknownValue: Style(dim: true),
        secret: Style(foreground: .magenta, underline: true),
        selection: Style(reverse: true),
        warning: Style(foreground: .yellow, bold: true, underline: true),
        error: Style(foreground: .red, bold: true, reverse: true, underline: true),
        statusBar: Style(foreground: .cyan, reverse: true),
        keyHint: Style(foreground: .yellow, bold: true),
        narration: .plain,
        wireArrow: Style(foreground: .green, bold: true),
        headline: Style(foreground: .yellow, bold: true)
    )

    /// No colour at all (`--no-color`, `NO_COLOR`, terminals without colour): only
    /// bold, reverse and underline, so it also reads on a monochrome projector.
    public static let mono = Theme(
        name: "mono",
        text: .plain,
        label: .plain,
        title: Style(bold: true),
        border: .plain,
        focusedBorder: Style(bold: true),
        value: .plain,
        newValue: Style(bold: true, reverse: true),
        unknownValue: .plain,
        secret: Style(underline: true),
        selection: Style(reverse: true),
        warning: Style(bold: true, underline: true),
        error: Style(bold: true, reverse: true, underline: true),
        statusBar: Style(reverse: true),
        keyHint: Style(bold: true),
        narration: .plain,
        wireArrow: Style(bold: true),
        headline: Style(bold: true)
    )

    /// For a projector in a lit room: text in bold, no dim, no blue, black or white
    /// foreground on the default background (blue and black vanish on projectors,
    /// white vanishes on a light terminal), highlights as solid colour blocks.
    public static let presenter = Theme(
        name: "presenter",
        text: Style(bold: true),
        label: Style(foreground: .cyan, bold: true),
        title: Style(foreground: .yellow, bold: true),
        border: .plain,
        focusedBorder: Style(foreground: .yellow, bold: true),
        value: Style(bold: true),
        newValue: Style(foreground: .yellow, bold: true, reverse: true),
        unknownValue: Style(bold: true),
        secret: Style(foreground: .magenta, underline: true),
        selection: Style(reverse: true),
        warning: Style(foreground: .yellow, bold: true, underline: true),
        error: Style(foreground: .red, bold: true, reverse: true, underline: true),
        statusBar: Style(reverse: true),
        keyHint: Style(foreground: .yellow, bold: true),
        narration: Style(bold: true),
        wireArrow: Style(foreground: .cyan, bold: true),
        headline: Style(foreground: .yellow, bold: true)
    )

    /// The shipped themes, in the order a "cycle theme" key visits them.
    public static let builtIn: [Theme] = [.color, .mono, .presenter]

    /// A shipped theme by `name`, or nil.
    public static func named(_ name: String) -> Theme? {
        builtIn.first { $0.name == name }
    }
}
