@testable import Demonstrator
import Testing

/// The tutorial panel's simple Markdown: markers removed, spans kept through wrapping.
@Suite("Demonstrator: tutorial Markdown")
struct MarkdownLinesTests {
    typealias Span = MarkdownLines.Span

    func text(_ lines: [MarkdownLines.Line]) -> [String] { lines.map { $0.map(\.text).joined() } }

    @Test("paragraphs are rewrapped; a blank line separates blocks")
    func paragraphs() {
        let body = ["one two three", "four five", "", "six"]
        #expect(text(MarkdownLines.lines(body, width: 10)) == ["one two", "three four", "five", "", "six"])
    }

    @Test("**bold** and `code` lose their markers and keep their kind across a line break")
    func inline() {
        #expect(MarkdownLines.inline("a **b c** `d` e") == [
            Span(text: "a ", kind: .plain), Span(text: "b c", kind: .strong), Span(text: " ", kind: .plain),
            Span(text: "d", kind: .code), Span(text: " e", kind: .plain),
        ])
        let lines = MarkdownLines.lines(["press `mikey-ibake export --scenario basic` now"], width: 20)
        #expect(text(lines) == ["press mikey-ibake", "export --scenario", "basic now"])
        #expect(lines[1] == [Span(text: "export --scenario", kind: .code)], "the space inside code stays code")
        #expect(MarkdownLines.inline("see [RFC 6267](https://example.org) §4") == [Span(text: "see RFC 6267 §4", kind: .plain)])
    }

    @Test("lists get bullets and hanging indents; headings are bold; long words are cut")
    func blocks() {
        let lines = MarkdownLines.lines(["## Keys", "- first item is long", "- second", "1. third"], width: 12, bullet: "*")
        #expect(text(lines) == ["Keys", "", "* first item", "  is long", "* second", "* third"])
        #expect(lines[0].allSatisfy { $0.kind == .strong })
        #expect(text(MarkdownLines.lines(["abcdefghij"], width: 4)) == ["abcd", "efgh", "ij"])
    }

    @Test("a table: aligned columns when they fit, else a bulleted line per row")
    func table() {
        let body = ["| mode | picks |", "|---|---|", "| PSK | initiator |", "| DH | both |"]
        #expect(text(MarkdownLines.lines(body, width: 40)) == ["mode  picks", "PSK   initiator", "DH    both"])
        #expect(text(MarkdownLines.lines(body, width: 12)) == ["• PSK -", "  picks:", "  initiator", "• DH -", "  picks:", "  both"])
    }

    @Test("fenced code is kept as it is")
    func code() {
        let lines = MarkdownLines.lines(["```", "  a  b", "```", "after"], width: 20)
        #expect(text(lines) == ["  a  b", "", "after"])
        #expect(lines[0] == [Span(text: "  a  b", kind: .code)])
    }
}
