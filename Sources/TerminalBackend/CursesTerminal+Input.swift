import CNcurses
import TUI

extension CursesTerminal {
    /// Waits up to `timeout` (forever when nil) for a key, resize or click.
    public func nextInput(timeout: Duration?) -> ScreenInput {
        wtimeout(window, timeout.map(Self.milliseconds) ?? -1)
        var character: wint_t = 0
        let status = wget_wch(window, &character)
        let raw: RawKey
        switch status {
        case OK:
            raw = .character(UInt32(character))
        case KEY_CODE_YES:
            raw = .keyCode(Int32(bitPattern: UInt32(character)))
        default:
            // ERR: the timeout passed, or a signal interrupted the wait. Waiting
            // forever and still getting ERR means input is gone (end of file).
            return timeout == nil ? .closed : .nothing
        }
        var mouse: MouseReport?
        if raw == .keyCode(KEY_MOUSE) {
            var report = MEVENT()
            if getmouse(&report) == OK {
                mouse = MouseReport(x: Int(report.x), y: Int(report.y), buttons: UInt(report.bstate))
            }
        }
        guard let event = decoder.decode(raw, screenSize: size, mouse: mouse) else { return .nothing }
        return .event(event)
    }

    /// Whole milliseconds, rounded up so a short wait never becomes a busy poll.
    nonisolated static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}
