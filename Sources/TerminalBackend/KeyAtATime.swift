#if canImport(Glibc)
import Glibc
#endif
import TUI

/// Standard input one key at a time, without Enter: what plain mode's prompt reads when
/// input is a terminal. The terminal leaves canonical mode (and echo) for the length of
/// `withKeys` and gets its settings back however that ends: a return, a thrown error, or
/// a signal that ends the process (Ctrl-C, SIGTERM, a crash), whose handler restores
/// them and lets the signal take its course. Signal generation stays on, so Ctrl-C and
/// Ctrl-Z keep their meaning; after Ctrl-Z and `fg` (SIGCONT) keys are single again,
/// whatever mode the shell left.
public enum KeyAtATime {
    /// Signals that end the process and would otherwise leave the terminal raw.
    static let signals: [Int32] = TerminalRestoration.signals + [SIGHUP, SIGQUIT]

    // A signal handler cannot capture context, so what it restores is global. Written
    // by the one thread in `withKeys`, before the handlers are installed and after they
    // are removed; while they are installed it is only read.
    // Allocated rather than declared as `termios` globals: Swift lays out a global by the
    // struct's size, which leaves out the C struct's tail padding that tcgetattr writes
    // (AddressSanitizer saw the 3-octet overflow); an allocation takes the full stride.
    nonisolated(unsafe) private static let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static let keys = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static var active = false
    nonisolated(unsafe) private static var previousHandlers: [Int32: sighandler_t?] = [:]

    /// Runs `body` with standard input reading single keys, or with nil when input is not
    /// a terminal or the terminal refuses the change (then read lines instead). Not
    /// reentrant, and for one thread: the process has one standard input.
    public static func withKeys<Result>(_ body: (Reader?) throws -> Result) rethrows -> Result {
        guard !active, isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, saved) == 0 else { return try body(nil) }
        keys.pointee = saved.pointee
        keys.pointee.c_lflag &= ~tcflag_t(ICANON | ECHO)
        // VMIN 1, VTIME 0: a read waits for a key, then returns every byte it sent.
        withUnsafeMutableBytes(of: &keys.pointee.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        active = true
        for signal in signals {
            let previous = Glibc.signal(signal, restoreAndReraise)
            previousHandlers[signal] = previous
            // A signal the parent ignores (nohup, a background job) stays ignored.
            if isIgnore(previous) { _ = Glibc.signal(signal, previous) }
        }
        previousHandlers[SIGCONT] = Glibc.signal(SIGCONT, resumeKeys)
        defer { finish() }
        guard tcsetattr(STDIN_FILENO, TCSANOW, keys) == 0 else { return try body(nil) }
        return try body(Reader())
    }

    private static func finish() {
        restore()
        for (signal, handler) in previousHandlers { _ = Glibc.signal(signal, handler) }
        previousHandlers = [:]
    }

    /// Single keys again after the process was stopped and continued; only a system call.
    static func resume() {
        guard active else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, keys)
    }

    /// Puts the saved settings back; only a system call, so a signal handler may call it.
    static func restore() {
        guard active else { return }
        active = false
        _ = tcsetattr(STDIN_FILENO, TCSANOW, saved)
    }

    private static func isIgnore(_ handler: sighandler_t?) -> Bool {
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN as sighandler_t?, to: Int.self)
    }

    /// Reads keys from standard input while `withKeys` runs.
    public struct Reader {
        /// The next key pressed, or nil when input ends or fails. Bytes that make no key
        /// (an unknown escape sequence, a stray control character) are skipped.
        public func next() -> Key? {
            var buffer = [UInt8](repeating: 0, count: 32)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return nil }
                if let key = KeyAtATime.decode(Array(buffer[0..<count])) { return key }
            }
        }
    }

    /// The key one read brings: a character (UTF-8), Enter, Esc, a control key, or an
    /// arrow's escape sequence (`ESC [ C`, `ESC O C`). A terminal sends one key per
    /// write, so one read holds one key; nil when the bytes are none of these.
    static func decode(_ bytes: [UInt8]) -> Key? {
        guard let first = bytes.first else { return nil }
        switch first {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27:
            guard bytes.count > 1 else { return .escape }
            guard bytes.count == 3, bytes[1] == UInt8(ascii: "[") || bytes[1] == UInt8(ascii: "O") else { return nil }
            switch bytes[2] {
            case UInt8(ascii: "A"): return .up
            case UInt8(ascii: "B"): return .down
            case UInt8(ascii: "C"): return .right
            case UInt8(ascii: "D"): return .left
            default: return nil
            }
        case 1...26:
            return .control(Character(Unicode.Scalar(0x60 + first)))
        case 0..<32:
            return nil
        default:
            // Only one character: a paste of several is not a key.
            guard let text = String(validating: bytes, as: UTF8.self), text.count == 1, let character = text.first else { return nil }
            return .character(character)
        }
    }
}

/// SIGCONT's handler (a C function pointer: no captures).
private func resumeKeys(_ signal: Int32) {
    KeyAtATime.resume()
}

/// The handler for every intercepted signal (a C function pointer: no captures).
private func restoreAndReraise(_ signal: Int32) {
    KeyAtATime.restore()
    _ = Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
