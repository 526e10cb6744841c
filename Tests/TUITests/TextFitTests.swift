import Testing
import TUI

@Suite("Shortening text to fit")
struct TextFitTests {
    let hex = "0123456789abcdef"

    @Test("middle shortening keeps both ends, head gets the odd column")
    func middle() {
        #expect(TextFit.middle(hex, width: 16, ellipsis: "…") == hex)
        #expect(TextFit.middle(hex, width: 15, ellipsis: "…") == "0123456…9abcdef")
        #expect(TextFit.middle(hex, width: 8, ellipsis: "…") == "0123…def")
        #expect(TextFit.middle(hex, width: 8, ellipsis: "...") == "012...ef")
        #expect(TextFit.middle(hex, width: 3, ellipsis: "…") == "0…f")
    }

    @Test("results never exceed the width", arguments: 0...20)
    func neverTooWide(width: Int) {
        for ellipsis in ["…", "..."] {
            let fitted = TextFit.middle(hex, width: width, ellipsis: ellipsis)
            #expect(fitted.count == min(width, hex.count))
            let cut = TextFit.end(hex, width: width, ellipsis: ellipsis)
            #expect(cut.count == min(width, hex.count))
        }
    }

    @Test("tiny widths: one character beside the ellipsis, then the ellipsis alone")
    func tiny() {
        #expect(TextFit.middle(hex, width: 2, ellipsis: "…") == "0…")
        #expect(TextFit.middle(hex, width: 1, ellipsis: "…") == "…")
        #expect(TextFit.middle(hex, width: 4, ellipsis: "...") == "0...")
        #expect(TextFit.middle(hex, width: 2, ellipsis: "...") == "..")
        #expect(TextFit.middle(hex, width: 0, ellipsis: "…") == "")
        #expect(TextFit.middle(hex, width: -4, ellipsis: "…") == "")
    }

    @Test("end shortening")
    func end() {
        #expect(TextFit.end("Initiator", width: 9, ellipsis: "…") == "Initiator")
        #expect(TextFit.end("Initiator", width: 5, ellipsis: "…") == "Init…")
        #expect(TextFit.end("Initiator", width: 5, ellipsis: "...") == "In...")
    }

    @Test("control, format and double-width characters become ?; tabs become spaces")
    func cellCharacters() {
        #expect(TextFit.cellCharacter("a") == "a")
        #expect(TextFit.cellCharacter("─") == "─")
        #expect(TextFit.cellCharacter("é") == "é")
        #expect(TextFit.cellCharacter("e\u{301}") == "e\u{301}")   // combining accent: still one column
        #expect(TextFit.cellCharacter("\t") == " ")
        #expect(TextFit.cellCharacter("\u{1B}") == "?")          // ESC: no escape sequences from data
        #expect(TextFit.cellCharacter("\n") == "?")
        #expect(TextFit.cellCharacter("\u{7F}") == "?")
        #expect(TextFit.cellCharacter("\u{9B}") == "?")          // C1 CSI
        #expect(TextFit.cellCharacter("\u{202E}") == "?")        // bidi override
        #expect(TextFit.cellCharacter("鍵") == "?")
        #expect(TextFit.cellCharacter("🔑") == "?")
    }
}
