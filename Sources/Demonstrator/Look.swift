import TUI

/// How every component draws: the theme, the glyph set, and whether the layout is
/// compact. Components take this and their own inputs, never the whole `AppState`.
struct Look {
    let theme: Theme
    let glyphs: Glyphs
    let isCompact: Bool

    /// For `update`, which measures (wraps, scrolls, maps clicks) but does not draw:
    /// no theme to choose, and the Unicode glyphs, whose widths the drawing uses too.
    static func measuring(_ layout: ScreenLayout) -> Look {
        Look(theme: .mono, glyphs: .unicode, isCompact: layout.mode == .compact)
    }
}

extension Theme {
    /// The theme presenter mode draws in: the high-contrast one instead of the
    /// ordinary colours; the mono theme (no colour wanted) stays as it is.
    public var forPresenter: Theme { self == .color ? .presenter : self }
}

extension Glyphs {
    /// A check that passed.
    var passMark: String { isASCII ? "ok" : "✓" }
    /// A check that failed, or a value out of reach.
    var failMark: String { isASCII ? "x" : "✗" }
    /// A value not known yet.
    var dash: String { isASCII ? "-" : "—" }
    /// Separates items of a title or status line.
    var separator: String { isASCII ? "|" : "·" }
    /// Frames of the progress spinner.
    var spinner: [String] { isASCII ? ["-", "\\", "|", "/"] : ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] }
}

extension Canvas {
    /// A section title across a pane: `─ knows ──────`.
    mutating func sectionTitle(_ text: String, x: Int, y: Int, width: Int, theme: Theme, glyphs: Glyphs) {
        guard width > 0 else { return }
        horizontalRule(x: x, y: y, length: width, style: theme.border, glyphs: glyphs)
        let label = TextFit.end(text, width: max(0, width - 3), ellipsis: glyphs.ellipsis)
        guard !label.isEmpty else { return }
        put(" \(label) ", x: x + 1, y: y, style: theme.title, maxWidth: width - 1)
    }

    /// A label written into the bottom edge of a frame, right-aligned: `─ +3 more ─┘`.
    mutating func bottomLabel(_ text: String, in frame: Rect, style: Style) {
        let label = " \(text) "
        guard frame.width >= label.count + 4 else { return }
        put(label, x: frame.maxX - 2 - label.count, y: frame.maxY - 1, style: style)
    }
}
