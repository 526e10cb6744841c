#if canImport(Glibc)
import Glibc
#endif
import CNcurses

extension TerminalFacts {
    /// Looks at the real process: environment, whether stdin/stdout are terminals,
    /// the locale's codeset and the terminfo database. Sets the locale from the
    /// environment (`setlocale(LC_ALL, "")`) as a side effect, which curses needs anyway.
    public static func probe() -> TerminalFacts {
        cnc_setlocale_from_env()
        let term = environmentValue("TERM")
        return TerminalFacts(
            term: term,
            noColorVariable: environmentValue("NO_COLOR"),
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            stdinIsTerminal: isatty(STDIN_FILENO) == 1,
            codeset: currentCodeset(),
            terminfoKnowsTerm: term.map(terminfoKnows) ?? false
        )
    }

    /// The locale's character set, as `nl_langinfo(CODESET)` reports it.
    static func currentCodeset() -> String {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: codeset)
    }

    /// Whether the terminfo database has an entry called `term`.
    static func terminfoKnows(_ term: String) -> Bool {
        !term.isEmpty && cnc_terminfo_knows(term) != 0
    }

    static func environmentValue(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

extension TerminalEnvironment {
    /// Probes the process and decides: the usual way to start.
    public static func detect(options: TerminalOptions) -> TerminalEnvironment {
        decide(options: options, facts: .probe())
    }
}
