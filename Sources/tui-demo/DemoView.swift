import TUI

/// The demo's pure view: three framed panes, a status line, a help overlay, or the
/// too-small notice. Exercises every Canvas primitive and every theme role.
enum DemoView {
    static func render(_ state: DemoState, size: Size) -> Canvas {
        let layout = DemoLayout(size: size)
        let theme = state.theme, glyphs = state.glyphs
        guard !layout.isTooSmall else {
            return TooSmallScreen.render(size: size, minimum: DemoLayout.minimum, theme: theme)
        }
        var canvas = Canvas(size: size)
        if let area = layout.headline {
            canvas.headline("TUI DEMO", in: area, style: theme.headline, glyphs: glyphs)
        }
        for pane in DemoState.Pane.allCases {
            let focused = pane == state.focus
            // Focus is marked by a `*` as well as by the border style (never style alone).
            let title = pane.title + (focused ? " *" : "")
            let inner = canvas.frame(
                layout.panes[pane.rawValue], title: title,
                style: focused ? theme.focusedBorder : theme.border, titleStyle: theme.title, glyphs: glyphs
            )
            canvas.withRegion(inner.inset(horizontal: 1, vertical: 0)) { region in
                switch pane {
                case .events: drawEvents(state, into: &region)
                case .styles: drawStyles(state, into: &region)
                case .glyphs: drawGlyphs(state, into: &region)
                }
            }
        }
        drawStatus(state, in: layout.status, into: &canvas)
        if state.showHelp { drawHelp(state, into: &canvas) }
        return canvas
    }

    /// The newest events that fit, newest at the bottom.
    private static func drawEvents(_ state: DemoState, into canvas: inout Canvas) {
        let rows = canvas.bounds.height
        guard rows > 0 else { return }
        if state.log.isEmpty {
            canvas.put("press keys, click, resize", x: 0, y: 0, style: state.theme.narration)
            return
        }
        let shown = state.log.suffix(rows)
        let first = state.log.count - shown.count
        for (i, entry) in shown.enumerated() {
            let number = String(first + i + 1)
            let end = canvas.put(number, x: 0, y: i, style: state.theme.label)
            canvas.put(entry, x: end + 1, y: i, style: state.theme.value)
        }
    }

    /// Every theme role's name in its own style.
    private static func drawStyles(_ state: DemoState, into canvas: inout Canvas) {
        let theme = state.theme
        canvas.put("theme: \(theme.name)", x: 0, y: 0, style: theme.title)
        for (i, role) in theme.roles.enumerated() {
            let y = i + 2
            canvas.put(role.name, x: 0, y: y, style: theme.label)
            canvas.put(" sample ", x: 15, y: y, style: role.style)
        }
    }

    /// Rules, arrows, middle-shortened text and the glyph set in use.
    private static func drawGlyphs(_ state: DemoState, into canvas: inout Canvas) {
        let theme = state.theme, glyphs = state.glyphs
        let width = canvas.bounds.width
        canvas.put("set: \(glyphs.isASCII ? "ascii" : "unicode")", x: 0, y: 0, style: theme.title)
        canvas.arrow(fromX: 0, toX: width - 1, y: 2, label: "request", style: theme.wireArrow,
                     labelStyle: theme.text, glyphs: glyphs)
        canvas.arrow(fromX: width - 1, toX: 0, y: 3, label: "response", style: theme.wireArrow,
                     labelStyle: theme.text, glyphs: glyphs)
        canvas.horizontalRule(x: 0, y: 5, length: width, style: theme.border, glyphs: glyphs)
        let value = "0123456789abcdef0123456789abcdef0123456789abcdef"
        canvas.put("shortened to fit:", x: 0, y: 7, style: theme.label)
        for (i, columns) in [width, 20, 12, 5].enumerated() {
            canvas.putShortened(value, x: 0, y: 8 + i, width: min(columns, width),
                                style: i == 0 ? theme.value : theme.newValue, glyphs: glyphs)
        }
        canvas.put("\(glyphs.bullet) inline \(glyphs.arrowRight) \(glyphs.arrowLeft) \(glyphs.ellipsis)",
                   x: 0, y: 13, style: theme.text)
        canvas.frame(Rect(x: 0, y: 15, width: min(width, 14), height: 3), title: "box", style: theme.border,
                     titleStyle: theme.title, glyphs: glyphs)
    }

    private static func drawStatus(_ state: DemoState, in area: Rect, into canvas: inout Canvas) {
        let theme = state.theme
        canvas.fill(area, style: theme.statusBar)
        let info = " tui-demo \(canvas.size)  theme \(theme.name)  glyphs \(state.glyphs.isASCII ? "ascii" : "unicode")  ticks \(state.ticks)"
        // Key hints win over information: the full list when both fit, else the short one.
        let full = "Tab focus  t theme  a glyphs  ? help  q quit ", short = "? help  q quit "
        let hints = info.count + full.count < area.width ? full : short
        canvas.put(hints, x: area.maxX - hints.count, y: area.y, style: theme.statusBar)
        canvas.put(info, x: area.x, y: area.y, style: theme.statusBar, maxWidth: area.width - hints.count - 1)
    }

    static let helpLines: [(key: String, action: String)] = [
        ("Tab, Right", "focus next pane"),
        ("Shift-Tab, Left", "focus previous pane"),
        ("click", "focus the pane clicked"),
        ("t", "cycle theme (color, mono, presenter)"),
        ("a", "switch glyphs (unicode, ascii)"),
        ("?", "show or hide this help"),
        ("Esc", "close this help"),
        ("q", "quit"),
    ]

    private static func drawHelp(_ state: DemoState, into canvas: inout Canvas) {
        let theme = state.theme
        let box = canvas.bounds.centered(width: 62, height: helpLines.count + 4)
        canvas.fill(box, style: theme.text)
        let inner = canvas.frame(box, title: "Help", style: theme.focusedBorder, titleStyle: theme.title,
                                 glyphs: state.glyphs)
        canvas.withRegion(inner.inset(horizontal: 1, vertical: 1)) { region in
            for (i, line) in helpLines.enumerated() {
                region.put(line.key, x: 0, y: i, style: theme.keyHint)
                region.put(line.action, x: 18, y: i, style: theme.text)
            }
        }
    }
}
