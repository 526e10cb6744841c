/// Semantic roles mapped to styles. Renderers ask for `theme.newValue`, never for
/// "green", so one screen can be shown in colour, in monochrome or for a projector.
///
/// Rule for every theme: meaning must not rest on colour alone. A screen marks a
/// new value, the focused pane or a warning with text or shape too (a `*`, a
/// `new` tag, a `!`), and the mono theme proves the styles alone still differ.
public struct Theme: Hashable, Sendable {
    /// Short identifier (`color`, `mono`, `presenter`), e.g. for a status line.
    public var name: String
    /// Ordinary text.
    public var text: Style
    /// A label in front of a value (`aP:`).
    public var label: Style
    /// Pane and overlay titles.
    public var title: Style
    /// Frames and rules of panes without focus.
    public var border: Style
    /// The frame of the pane with keyboard focus.
    public var focusedBorder: Style
    /// A known value.
    public var value: Style
    /// A value that became known at the current step.
    public var newValue: Style
    /// A value not (yet) known, usually shown as a dash.
    public var unknownValue: Style
    /// Secret material (private keys, ephemeral exponents).
    public var secret: Style
    /// The selected row or item.
    public var selection: Style
    public var warning: Style
    public var error: Style
    /// The bottom status line.
    public var statusBar: Style
    /// A key name in hints and help (`q`, `?`).
    public var keyHint: Style
    /// The explanatory sentence for the current step.
    public var narration: Style
    /// Arrows of messages on the wire.
    public var wireArrow: Style
    /// Large block-font headlines.
    public var headline: Style

    public init(
        name: String, text: Style, label: Style, title: Style, border: Style, focusedBorder: Style,
        value: Style, newValue: Style, unknownValue: Style, secret: Style, selection: Style,
        warning: Style, error: Style, statusBar: Style, keyHint: Style, narration: Style,
        wireArrow: Style, headline: Style
    ) {
        self.name = name
        self.text = text
        self.label = label
        self.title = title
        self.border = border
        self.focusedBorder = focusedBorder
        self.value = value
        self.newValue = newValue
        self.unknownValue = unknownValue
        self.secret = secret
        self.selection = selection
        self.warning = warning
        self.error = error
        self.statusBar = statusBar
        self.keyHint = keyHint
        self.narration = narration
        self.wireArrow = wireArrow
        self.headline = headline
    }

    /// Every role by name, in declaration order: for the demo's style sampler and for tests.
    public var roles: [(name: String, style: Style)] {
        [
            ("text", text), ("label", label), ("title", title), ("border", border),
            ("focusedBorder", focusedBorder), ("value", value), ("newValue", newValue),
            ("unknownValue", unknownValue), ("secret", secret), ("selection", selection),
            ("warning", warning), ("error", error), ("statusBar", statusBar), ("keyHint", keyHint),
            ("narration", narration), ("wireArrow", wireArrow), ("headline", headline),
        ]
    }
}
