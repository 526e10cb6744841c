import Testing
import TUI
@testable import TerminalBackend

@Suite("Terminal environment decisions")
struct TerminalEnvironmentTests {
    let tty = TerminalFacts(term: "xterm-256color")

    func decide(_ options: TerminalOptions, _ facts: TerminalFacts) -> TerminalEnvironment {
        TerminalEnvironment.decide(options: options, facts: facts)
    }

    func decide(_ facts: TerminalFacts) -> TerminalEnvironment {
        decide(TerminalOptions(), facts)
    }

    @Test("an ordinary UTF-8 terminal: full screen, colour, Unicode")
    func ordinary() {
        let env = decide(tty)
        #expect(env.presentation == .fullScreen)
        #expect(env.colorAllowed)
        #expect(!env.useASCII)
        #expect(env.glyphs == .unicode)
        #expect(env.theme(terminalHasColors: true) == .color)
        #expect(env.theme(terminalHasColors: false) == .mono)
    }

    @Test("--no-color and a non-empty NO_COLOR turn colour off; an empty NO_COLOR does not")
    func noColor() {
        #expect(!decide(TerminalOptions(noColor: true), tty).colorAllowed)
        var facts = tty
        facts.noColorVariable = "1"
        #expect(!decide(facts).colorAllowed)
        facts.noColorVariable = "0"    // any non-empty value counts (no-color.org)
        #expect(!decide(facts).colorAllowed)
        facts.noColorVariable = ""
        #expect(decide(facts).colorAllowed)
        #expect(decide(TerminalOptions(noColor: true), tty).theme(terminalHasColors: true) == .mono)
        #expect(decide(TerminalOptions(noColor: true), tty).presentation == .fullScreen)
    }

    @Test("ASCII when asked or when the codeset is not UTF-8", arguments: [
        ("UTF-8", false), ("utf8", false), ("UTF8", false), ("ANSI_X3.4-1968", true), ("ISO-8859-1", true), ("", true),
    ])
    func ascii(codeset: String, expectASCII: Bool) {
        var facts = tty
        facts.codeset = codeset
        #expect(decide(facts).useASCII == expectASCII)
        #expect(decide(TerminalOptions(ascii: true), facts).useASCII)
    }

    @Test("plain mode and its reason", arguments: [
        (TerminalOptions(plain: true), TerminalFacts(term: "xterm"), PlainReason.requested),
        (TerminalOptions(), TerminalFacts(term: "xterm", stdoutIsTerminal: false), .stdoutNotTerminal),
        (TerminalOptions(), TerminalFacts(term: "xterm", stdinIsTerminal: false), .stdinNotTerminal),
        (TerminalOptions(), TerminalFacts(term: nil), .termUnset),
        (TerminalOptions(), TerminalFacts(term: ""), .termUnset),
        (TerminalOptions(), TerminalFacts(term: "dumb"), .termDumb),
        (TerminalOptions(), TerminalFacts(term: "nosuchterm", terminfoKnowsTerm: false), .termUnknown("nosuchterm")),
    ])
    func plain(options: TerminalOptions, facts: TerminalFacts, reason: PlainReason) {
        let env = decide(options, facts)
        #expect(env.presentation == .plain(reason))
        #expect(env.isPlain)
        #expect(!env.colorAllowed, "plain mode never colours")
        #expect(env.useASCII, "plain mode never draws boxes in Unicode")
    }

    @Test("the first reason wins: --plain over a pipe over TERM")
    func precedence() {
        let facts = TerminalFacts(term: "dumb", stdoutIsTerminal: false)
        #expect(decide(TerminalOptions(plain: true), facts).presentation == .plain(.requested))
        #expect(decide(facts).presentation == .plain(.stdoutNotTerminal))
    }

    @Test("reasons read as sentences")
    func reasons() {
        #expect(PlainReason.termUnknown("vt999").description == "TERM=vt999 is not in the terminfo database")
        #expect(PlainReason.stdoutNotTerminal.description == "standard output is not a terminal")
    }

    @Test("the probe reports a known terminfo entry for a standard TERM and none for nonsense")
    func terminfoProbe() {
        // Only the database lookup: the rest of the probe depends on how the tests were started.
        #expect(TerminalFacts.terminfoKnows("xterm"))
        #expect(TerminalFacts.terminfoKnows("vt100"))
        #expect(!TerminalFacts.terminfoKnows("no-such-terminal-type"))
        #expect(!TerminalFacts.terminfoKnows(""))
    }
}
