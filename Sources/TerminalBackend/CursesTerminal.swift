#if canImport(Glibc)
import Glibc
#endif
import CNcurses
import TUI

/// The ncurses screen: the only place the demonstrator touches a terminal.
///
/// Main-actor isolated because curses is one global, single-threaded state. At
/// most one is open at a time. Open it with `CursesTerminal.session(_:_:)`, which
/// always restores the terminal; signals and crashes are covered by
/// `TerminalRestoration`.
@MainActor
public final class CursesTerminal: TerminalScreen {
    public struct Configuration: Hashable, Sendable {
        /// Use colour if the terminal has it (normally `TerminalEnvironment.colorAllowed`).
        public var colors: Bool
        /// Report primary clicks as `.click` events.
        public var mouse: Bool
        /// Keep standard error off the screen while curses runs and show it after.
        public var captureStandardError: Bool

        public init(colors: Bool = true, mouse: Bool = true, captureStandardError: Bool = true) {
            self.colors = colors
            self.mouse = mouse
            self.captureStandardError = captureStandardError
        }
    }

    public enum OpenError: Error, Hashable, CustomStringConvertible {
        /// `newterm` refused the terminal (unknown or unusable TERM).
        case cannotOpen(term: String)
        /// Another `CursesTerminal` is still open.
        case alreadyOpen

        public var description: String {
            switch self {
            case .cannotOpen(let term): "cannot open the terminal (TERM=\(term))"
            case .alreadyOpen: "a curses terminal is already open"
            }
        }
    }

    private static var isOpen = false

    /// The locale's codeset is UTF-8: draw with `Glyphs.unicode`.
    public let isUTF8: Bool
    /// Colour is on (allowed by the configuration and supported by the terminal).
    public let hasColors: Bool
    /// `use_default_colors` worked: `.terminalDefault` keeps the user's own colours.
    public let hasDefaultColors: Bool

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    var pairCache: ColorPairCache
    let decoder = KeyDecoder(codes: .fromCursesHeader)
    private var closed = false

    /// Starts curses: locale from the environment, `newterm` on stdin/stdout,
    /// cbreak, no echo, keypad, hidden cursor, 25 ms Esc delay, optional mouse and
    /// colour. Throws instead of exiting when the terminal cannot be used.
    public init(configuration: Configuration = Configuration()) throws(OpenError) {
        guard !CursesTerminal.isOpen else { throw .alreadyOpen }
        cnc_setlocale_from_env()   // before newterm, or wide characters come out as bytes
        isUTF8 = TerminalEnvironment.isUTF8(codeset: TerminalFacts.currentCodeset())

        // Private FILE streams on duplicated descriptors, so closing them later
        // leaves the process's own stdin/stdout open.
        guard let output = fdopen(dup(STDOUT_FILENO), "w") else {
            throw .cannotOpen(term: TerminalFacts.environmentValue("TERM") ?? "")
        }
        guard let input = fdopen(dup(STDIN_FILENO), "r") else {
            fclose(output)
            throw .cannotOpen(term: TerminalFacts.environmentValue("TERM") ?? "")
        }
        TerminalRestoration.prepare(captureStandardError: configuration.captureStandardError)
        // newterm, unlike initscr, returns nil for a bad TERM instead of exiting.
        guard let screen = newterm(nil, output, input), let window = cnc_stdscr() else {
            TerminalRestoration.finish()
            fclose(output)
            fclose(input)
            throw .cannotOpen(term: TerminalFacts.environmentValue("TERM") ?? "")
        }
        self.screen = screen
        self.window = window
        self.output = output
        self.input = input

        cbreak()
        noecho()
        keypad(window, true)
        Self.defineFallbackKeys()
        curs_set(0)
        set_escdelay(25)   // otherwise a bare Esc takes about a second to arrive
        if configuration.mouse {
            var previous: mmask_t = 0
            _ = mousemask(cnc_button1_pressed() | cnc_button1_clicked(), &previous)
            mouseinterval(0)   // report presses at once instead of waiting to detect clicks
        }
        if configuration.colors && has_colors() {
            start_color()
            hasColors = true
            hasDefaultColors = use_default_colors() == OK
            pairCache = ColorPairCache(colorPairs: Int(cnc_color_pairs()))
        } else {
            hasColors = false
            hasDefaultColors = false
            pairCache = ColorPairCache(colorPairs: 0)
        }
        CursesTerminal.isOpen = true
    }

    /// Home and End have several spellings (`\e[1~` from tmux and screen, `\e[H`
    /// and `\eOH` from xterm, `\e[7~` from rxvt). The terminfo entry for TERM knows
    /// only its own, so when TERM does not match the real terminal (xterm-256color
    /// inside tmux) the keys would arrive as loose characters. Teach ncurses the
    /// others, leaving any sequence the entry already defines alone.
    private static func defineFallbackKeys() {
        let fallbacks: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, code) in fallbacks where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    /// Opens a terminal, runs `body`, and closes it on every way out of `body`
    /// (return or throw), so the caller prints any error on a restored screen.
    public static func session<Result>(
        _ configuration: Configuration = Configuration(),
        _ body: (CursesTerminal) throws -> Result
    ) throws -> Result {
        let terminal = try CursesTerminal(configuration: configuration)
        defer { terminal.close() }
        return try body(terminal)
    }

    /// Ends curses and restores the terminal (and replays captured standard
    /// error). Idempotent; the terminal cannot be used afterwards.
    public func close() {
        guard !closed else { return }
        closed = true
        TerminalRestoration.finish()
        delscreen(screen)
        fclose(output)
        fclose(input)
        CursesTerminal.isOpen = false
    }

    /// The window's size in cells (ncurses updates it when a resize arrives).
    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }
}
