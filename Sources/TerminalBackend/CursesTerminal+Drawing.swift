import CNcurses
import TUI

extension CursesTerminal {
    /// Copies `canvas` to the screen one style run at a time and refreshes.
    /// ncurses compares with what is already on the terminal and sends only the
    /// changed cells, so redrawing the whole canvas each frame is cheap.
    public func draw(_ canvas: Canvas) {
        let screenSize = size
        werase(window)   // not clear(): that forces a full repaint and flickers
        for run in canvas.styleRuns() where run.y < screenSize.height && run.x < screenSize.width {
            // A canvas from before a resize may be wider than the screen; waddstr
            // would wrap the excess onto the next row, so cut it here.
            let room = screenSize.width - run.x
            let text = TextWidth.columns(run.text) > room ? String(TextWidth.prefix(run.text, columns: room)) : run.text
            let (attributes, pair) = cursesAttributes(for: run.style)
            wattr_set(window, attributes, pair, nil)
            // Writing the bottom-right cell returns ERR (the cursor cannot advance); harmless.
            _ = mvwaddstr(window, Int32(run.y), Int32(run.x), text)
        }
        wattr_set(window, 0, 0, nil)
        wrefresh(window)
    }

    /// Attribute bits and colour pair for `style`, creating the pair on first use.
    func cursesAttributes(for style: Style) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        if style.bold { attributes |= cnc_bold() }
        if style.dim { attributes |= cnc_dim() }
        if style.reverse { attributes |= cnc_reverse() }
        if style.underline { attributes |= cnc_underline() }
        guard hasColors else { return (attributes, 0) }
        let key = ColorPairCache.Key(foreground: style.foreground, background: style.background)
        guard let (number, isNew) = pairCache.pair(for: key) else { return (attributes, 0) }
        if isNew {
            init_pair(number, cursesColor(style.foreground, isBackground: false),
                      cursesColor(style.background, isBackground: true))
        }
        return (attributes, number)
    }

    /// The curses colour number. `.terminalDefault` is -1 when `use_default_colors`
    /// worked, else the classic white on black.
    func cursesColor(_ color: TerminalColor, isBackground: Bool) -> Int16 {
        switch color {
        case .terminalDefault: hasDefaultColors ? -1 : Int16(isBackground ? COLOR_BLACK : COLOR_WHITE)
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }
}
