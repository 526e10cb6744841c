import TUI

/// What the user asked for on the command line.
public struct TerminalOptions: Hashable, Sendable {
    /// `--no-color`.
    public var noColor: Bool
    /// `--ascii`.
    public var ascii: Bool
    /// `--plain`.
    public var plain: Bool

    public init(noColor: Bool = false, ascii: Bool = false, plain: Bool = false) {
        self.noColor = noColor
        self.ascii = ascii
        self.plain = plain
    }
}

/// What was found out about the process's terminal (see `TerminalFacts.probe()`).
public struct TerminalFacts: Hashable, Sendable {
    /// `$TERM`, nil when unset.
    public var term: String?
    /// `$NO_COLOR`, nil when unset.
    public var noColorVariable: String?
    public var stdoutIsTerminal: Bool
    public var stdinIsTerminal: Bool
    /// `nl_langinfo(CODESET)` after `setlocale(LC_ALL, "")`, e.g. `UTF-8` or `ANSI_X3.4-1968`.
    public var codeset: String
    /// Whether terminfo has an entry for `term`.
    public var terminfoKnowsTerm: Bool

    public init(
        term: String?, noColorVariable: String? = nil, stdoutIsTerminal: Bool = true,
        stdinIsTerminal: Bool = true, codeset: String = "UTF-8", terminfoKnowsTerm: Bool = true
    ) {
        self.term = term
        self.noColorVariable = noColorVariable
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stdinIsTerminal = stdinIsTerminal
        self.codeset = codeset
        self.terminfoKnowsTerm = terminfoKnowsTerm
    }
}

/// Why the program runs in plain (line-by-line) mode instead of full screen.
public enum PlainReason: Hashable, Sendable, CustomStringConvertible {
    case requested
    case stdoutNotTerminal
    case stdinNotTerminal
    case termUnset
    case termDumb
    case termUnknown(String)

    public var description: String {
        switch self {
        case .requested: "--plain was given"
        case .stdoutNotTerminal: "standard output is not a terminal"
        case .stdinNotTerminal: "standard input is not a terminal"
        case .termUnset: "TERM is not set"
        case .termDumb: "TERM is dumb"
        case .termUnknown(let term): "TERM=\(term) is not in the terminfo database"
        }
    }
}

/// How to present: full screen or plain, colour allowed or not, Unicode or ASCII.
/// `decide` is pure; only `TerminalFacts.probe()` looks at the real process.
public struct TerminalEnvironment: Hashable, Sendable {
    public enum Presentation: Hashable, Sendable {
        case fullScreen
        case plain(PlainReason)
    }

    public var presentation: Presentation
    /// Colour may be used if the terminal has it (`has_colors()` decides the rest).
    public var colorAllowed: Bool
    /// Draw with the ASCII glyph set (always in plain mode).
    public var useASCII: Bool

    public init(presentation: Presentation, colorAllowed: Bool, useASCII: Bool) {
        self.presentation = presentation
        self.colorAllowed = colorAllowed
        self.useASCII = useASCII
    }

    public var isPlain: Bool {
        if case .plain = presentation { return true }
        return false
    }

    public var glyphs: Glyphs { useASCII ? .ascii : .unicode }

    /// `.color` when colour is allowed and the terminal has it, else `.mono`.
    public func theme(terminalHasColors: Bool) -> Theme {
        colorAllowed && terminalHasColors ? .color : .mono
    }

    /// The decision. Plain mode wins in this order: `--plain`, stdout not a
    /// terminal, stdin not a terminal, TERM unset/empty, TERM=dumb, TERM unknown.
    /// Colour is off with `--no-color`, with `NO_COLOR` set to anything non-empty
    /// (no-color.org), and in plain mode. ASCII is used with `--ascii`, when the
    /// codeset is not UTF-8, and in plain mode (no box drawing for screen readers
    /// and `grep`).
    public static func decide(options: TerminalOptions, facts: TerminalFacts) -> TerminalEnvironment {
        let term = facts.term ?? ""
        let presentation: Presentation
        if options.plain {
            presentation = .plain(.requested)
        } else if !facts.stdoutIsTerminal {
            presentation = .plain(.stdoutNotTerminal)
        } else if !facts.stdinIsTerminal {
            presentation = .plain(.stdinNotTerminal)
        } else if term.isEmpty {
            presentation = .plain(.termUnset)
        } else if term == "dumb" {
            presentation = .plain(.termDumb)
        } else if !facts.terminfoKnowsTerm {
            presentation = .plain(.termUnknown(term))
        } else {
            presentation = .fullScreen
        }
        let noColorSet = !(facts.noColorVariable ?? "").isEmpty
        let isPlain: Bool
        if case .plain = presentation { isPlain = true } else { isPlain = false }
        return TerminalEnvironment(
            presentation: presentation,
            colorAllowed: !options.noColor && !noColorSet && !isPlain,
            useASCII: options.ascii || isPlain || !isUTF8(codeset: facts.codeset)
        )
    }

    /// `UTF-8`, `utf8`, `UTF8` all count.
    static func isUTF8(codeset: String) -> Bool {
        codeset.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
    }
}
