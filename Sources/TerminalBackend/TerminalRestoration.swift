#if canImport(Glibc)
import Glibc
#endif
import CNcurses

/// Puts the terminal back on every way out of curses mode.
///
/// - Normal return: `CursesTerminal.close()` calls `restore()`.
/// - SIGINT (Ctrl-C in cbreak mode), SIGTERM and the crash signals (SIGSEGV,
///   SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP; a Swift runtime trap is SIGILL or
///   SIGTRAP): a handler calls `endwin`, resets the signal to its default action
///   and raises it again, so the process still dies of that signal (exit status
///   128 + n, a core dump where enabled) but on a usable terminal.
///
/// While curses owns the screen, standard error goes to an unlinked temporary
/// file instead of the terminal: a stray message would corrupt the screen, and a
/// fatal error's message would vanish with the alternate screen. `restore()`
/// replays it on the real standard error after `endwin`, so errors are read after
/// the screen is back.
enum TerminalRestoration {
    /// Signals whose default action ends the process and that we intercept.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    // Signal handlers cannot capture context, so the state they need is global.
    // It is written only on the main actor, before the handlers are installed and
    // after they are removed; while they are installed it is only read (and the
    // one handler that runs ends the process).
    nonisolated(unsafe) private static var cursesActive = false
    nonisolated(unsafe) private static var savedStandardError: Int32 = -1
    nonisolated(unsafe) private static var capturedStandardError: Int32 = -1
    nonisolated(unsafe) private static var previousHandlers: [Int32: sighandler_t?] = [:]
    nonisolated(unsafe) private static var previousMask = sigset_t()
    nonisolated(unsafe) private static var prepared = false

    /// Signals curses needs delivered besides ours: resizes and job control.
    static let cursesSignals: [Int32] = [SIGWINCH, SIGTSTP, SIGCONT]

    /// Call right before curses starts: installs the handlers and, if asked,
    /// starts capturing standard error.
    @MainActor
    static func prepare(captureStandardError: Bool) {
        guard !prepared else { return }
        prepared = true
        if captureStandardError { beginCapture() }
        cursesActive = true
        // A process started from a thread that blocks signals (a libdispatch worker
        // thread, for instance) inherits that mask, and then Ctrl-C, SIGTERM and
        // resizes would never arrive. Unblock them while curses runs.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in signals + cursesSignals { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
        for signal in signals {
            let previous = Glibc.signal(signal, restoreAndReraise)
            previousHandlers[signal] = previous
            // A signal the parent chose to ignore (nohup, a background job) stays
            // ignored, as it would be without us.
            if isIgnore(previous) { _ = Glibc.signal(signal, previous) }
        }
    }

    /// Restores the terminal and the previous signal handlers. Idempotent.
    @MainActor
    static func finish() {
        restore()
        guard prepared else { return }
        prepared = false
        for (signal, handler) in previousHandlers {
            _ = Glibc.signal(signal, handler)
        }
        previousHandlers = [:]
        pthread_sigmask(SIG_SETMASK, &previousMask, nil)
    }

    /// Function pointers are not Equatable in Swift: compare SIG_IGN by address.
    private static func isIgnore(_ handler: sighandler_t?) -> Bool {
        unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN as sighandler_t?, to: Int.self)
    }

    /// `endwin`, then replay captured standard error. Uses only calls that are
    /// safe enough inside a signal handler (ncurses' own SIGINT handler calls
    /// `endwin` the same way; the rest are plain system calls).
    static func restore() {
        if cursesActive {
            cursesActive = false
            endwin()
        }
        endCapture()
    }

    private static func beginCapture() {
        guard savedStandardError < 0, let file = tmpfile() else { return }
        let capture = dup(fileno(file))
        fclose(file)   // the duplicate keeps the unlinked file alive
        let saved = dup(STDERR_FILENO)
        guard capture >= 0, saved >= 0, dup2(capture, STDERR_FILENO) >= 0 else {
            if capture >= 0 { close(capture) }
            if saved >= 0 { close(saved) }
            return
        }
        capturedStandardError = capture
        savedStandardError = saved
    }

    private static func endCapture() {
        guard savedStandardError >= 0 else { return }
        dup2(savedStandardError, STDERR_FILENO)
        close(savedStandardError)
        savedStandardError = -1
        let capture = capturedStandardError
        capturedStandardError = -1
        guard lseek(capture, 0, SEEK_SET) == 0 else { close(capture); return }
        // A fixed stack buffer: no allocation, since this may run in a signal handler.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buffer in
            while true {
                let count = read(capture, buffer.baseAddress, buffer.count)
                if count <= 0 { break }
                var written = 0
                while written < count {
                    let n = write(STDERR_FILENO, buffer.baseAddress.map { $0 + written }, count - written)
                    if n <= 0 { break }
                    written += n
                }
                if written < count { break }
            }
        }
        close(capture)
    }
}

/// The handler for every intercepted signal (a C function pointer: no captures).
private func restoreAndReraise(_ signal: Int32) {
    TerminalRestoration.restore()
    _ = Glibc.signal(signal, SIG_DFL)
    raise(signal)
}
