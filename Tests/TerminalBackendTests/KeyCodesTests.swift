import Testing
import TUI
@testable import TerminalBackend

@Suite("ncurses constants")
struct KeyCodesTests {
    @Test("the pure mirror in TUI matches curses.h")
    func mirrorMatchesHeader() {
        #expect(KeyCodes.ncurses == KeyCodes.fromCursesHeader)
    }

    @Test("timeouts round up to whole milliseconds and clamp")
    func milliseconds() {
        #expect(CursesTerminal.milliseconds(.milliseconds(25)) == 25)
        #expect(CursesTerminal.milliseconds(.microseconds(1)) == 1)
        #expect(CursesTerminal.milliseconds(.microseconds(1500)) == 2)
        #expect(CursesTerminal.milliseconds(.seconds(2)) == 2000)
        #expect(CursesTerminal.milliseconds(.zero) == 0)
        #expect(CursesTerminal.milliseconds(.seconds(-1)) == 0)
        #expect(CursesTerminal.milliseconds(.seconds(Int64.max / 2000)) == Int32.max)
    }
}
