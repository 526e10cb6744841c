/// The ncurses numbers the decoder needs. `TUI` may not import curses, so the
/// values are mirrored here; `TerminalBackendTests` checks them against curses.h.
public struct KeyCodes: Hashable, Sendable {
    public var down: Int32
    public var up: Int32
    public var left: Int32
    public var right: Int32
    public var home: Int32
    public var end: Int32
    public var find: Int32
    public var select: Int32
    public var pageDown: Int32
    public var pageUp: Int32
    public var backTab: Int32
    public var enter: Int32
    public var backspace: Int32
    public var delete: Int32
    public var insert: Int32
    /// KEY_F0; F(n) is `function0 + n`.
    public var function0: Int32
    public var resize: Int32
    public var mouse: Int32
    /// BUTTON1_PRESSED | BUTTON1_CLICKED: with `mouseinterval(0)` a click arrives as
    /// a press, with a longer interval as a click; either selects.
    public var primaryClickMask: UInt

    public init(
        down: Int32, up: Int32, left: Int32, right: Int32, home: Int32, end: Int32,
        find: Int32, select: Int32, pageDown: Int32, pageUp: Int32, backTab: Int32,
        enter: Int32, backspace: Int32, delete: Int32, insert: Int32, function0: Int32,
        resize: Int32, mouse: Int32, primaryClickMask: UInt
    ) {
        self.down = down
        self.up = up
        self.left = left
        self.right = right
        self.home = home
        self.end = end
        self.find = find
        self.select = select
        self.pageDown = pageDown
        self.pageUp = pageUp
        self.backTab = backTab
        self.enter = enter
        self.backspace = backspace
        self.delete = delete
        self.insert = insert
        self.function0 = function0
        self.resize = resize
        self.mouse = mouse
        self.primaryClickMask = primaryClickMask
    }

    /// ncurses 6 (curses.h, NCURSES_MOUSE_VERSION 2), in the header's own octal.
    public static let ncurses = KeyCodes(
        down: 0o402, up: 0o403, left: 0o404, right: 0o405, home: 0o406, end: 0o550,
        find: 0o552, select: 0o601, pageDown: 0o522, pageUp: 0o523, backTab: 0o541,
        enter: 0o527, backspace: 0o407, delete: 0o512, insert: 0o513, function0: 0o410,
        resize: 0o632, mouse: 0o631, primaryClickMask: 0o2 | 0o4
    )
}
