import CNcurses
import TUI

extension KeyCodes {
    /// The codes from the curses.h this module is compiled against. The backend
    /// decodes with these; `KeyCodes.ncurses` (the pure mirror `TUI` tests use) is
    /// checked against them in TerminalBackendTests.
    static var fromCursesHeader: KeyCodes {
        KeyCodes(
            down: KEY_DOWN, up: KEY_UP, left: KEY_LEFT, right: KEY_RIGHT, home: KEY_HOME, end: KEY_END,
            find: KEY_FIND, select: KEY_SELECT, pageDown: KEY_NPAGE, pageUp: KEY_PPAGE, backTab: KEY_BTAB,
            enter: KEY_ENTER, backspace: KEY_BACKSPACE, delete: KEY_DC, insert: KEY_IC, function0: KEY_F0,
            resize: KEY_RESIZE, mouse: KEY_MOUSE,
            primaryClickMask: UInt(cnc_button1_pressed() | cnc_button1_clicked())
        )
    }
}
