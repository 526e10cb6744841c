import Testing
@testable import TUI

@Suite("Text is measured in terminal columns")
struct TextWidthTests {
    @Test("wide characters count 2 columns, combining and format characters 0")
    func widths() {
        #expect(TextWidth.columns("abc") == 3)
        #expect(TextWidth.columns("鍵") == 2)
        #expect(TextWidth.columns("鍵k") == 3)
        #expect(TextWidth.columns("🔑") == 2)
        #expect(TextWidth.columns("ｱ") == 1, "halfwidth katakana is narrow")
        #expect(TextWidth.columns("Ａ") == 2, "fullwidth Latin is wide")
        #expect(TextWidth.columns("e\u{301}") == 1, "a combining accent joins its letter")
        #expect(TextWidth.columns("\u{301}") == 0, "a lone combining mark")
        #expect(TextWidth.columns("\u{200B}") == 0, "zero-width space (Cf)")
        #expect(TextWidth.columns("\u{20DD}") == 0, "a lone enclosing mark (Me)")
        #expect(TextWidth.columns("✓") == 1 && TextWidth.columns("─") == 1 && TextWidth.columns("…") == 1)
        #expect(TextWidth.columns("☺\u{FE0F}") == 2, "emoji presentation selector")
    }

    @Test("prefix and suffix never split a wide character")
    func prefixes() {
        #expect(TextWidth.prefix("鍵鍵鍵", columns: 3) == "鍵")
        #expect(TextWidth.prefix("a鍵b", columns: 2) == "a")
        #expect(TextWidth.suffix("鍵鍵鍵", columns: 5) == "鍵鍵")
        #expect(TextWidth.prefix("e\u{301}e\u{301}e\u{301}", columns: 2) == "e\u{301}e\u{301}")
    }

    @Test("truncation keeps wide and combining text within the width")
    func truncation() {
        let cjk = "暗号鍵交換プロトコル"   // 10 characters, 20 columns
        for width in 0...22 {
            #expect(TextWidth.columns(TextFit.end(cjk, width: width, ellipsis: "…")) <= width, "end \(width)")
            #expect(TextWidth.columns(TextFit.middle(cjk, width: width, ellipsis: "…")) <= width, "middle \(width)")
        }
        #expect(TextFit.end(cjk, width: 7, ellipsis: "…") == "暗号鍵…")
        #expect(TextFit.middle(cjk, width: 9, ellipsis: "…") == "暗号…コル")
        #expect(TextFit.end(cjk, width: 20, ellipsis: "…") == cjk, "exactly fits: unchanged")
        let accents = "re\u{301}sume\u{301} cafe\u{301}"   // 11 columns
        #expect(TextFit.end(accents, width: 11, ellipsis: "…") == accents)
        #expect(TextFit.end(accents, width: 7, ellipsis: "…") == "re\u{301}sume\u{301}…")
        #expect(TextFit.right("鍵", width: 4) == "  鍵")
    }

    @Test("the canvas gives a wide character two cells and never writes past a rectangle's edge")
    func canvasWide() {
        var canvas = Canvas(width: 10, height: 3)
        let end = canvas.put("鍵a🔑", x: 0, y: 0)
        #expect(end == 5)
        #expect(canvas.plainText().split(separator: "\n").first == "鍵a🔑")
        #expect(canvas.cell(x: 1, y: 0)?.isContinuation == true && canvas.cell(x: 4, y: 0)?.isContinuation == true)
        #expect(canvas.put("e\u{301}\u{200B}x", x: 0, y: 1) == 2, "combining and zero-width characters take no column")

        // A region 5 wide: the third wide character would straddle its edge.
        for x in -1...6 {
            var clipped = Canvas(width: 12, height: 1, fill: Cell("#"))
            clipped.withRegion(Rect(x: 3, y: 0, width: 5, height: 1)) { region in
                region.put("鍵鍵鍵鍵", x: x, y: 0)
            }
            let row = Array(clipped.row(0))
            #expect(row.prefix(3).allSatisfy { $0.character == "#" && !$0.isContinuation }, "left of the region, x \(x)")
            #expect(row.suffix(4).allSatisfy { $0.character == "#" && !$0.isContinuation }, "right of the region, x \(x)")
            #expect(TextWidth.columns(clipped.plainText()) == 12, "the row keeps its width on a terminal, x \(x)")
        }
        var limited = Canvas(width: 8, height: 1)
        #expect(limited.put("鍵鍵鍵", x: 0, y: 0, maxWidth: 3) == 2, "maxWidth 3 holds one wide character")
        #expect(limited.plainText() == "鍵")
    }

    @Test("overwriting half of a wide character blanks its other half")
    func overwrite() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("鍵鍵鍵", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)   // the right half of the first
        canvas.put("y", x: 2, y: 0)   // the left half of the second
        #expect(canvas.plainText() == " xy 鍵")
        #expect(TextWidth.columns(canvas.plainText()) == 6)
        #expect(canvas.styleRuns().map(\.text).joined() == " xy 鍵")
    }

    @Test("an unsafe wide-looking character is still shown as question marks")
    func unsafe() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("\u{1B}\u{202E}a", x: 0, y: 0)
        #expect(canvas.plainText() == "?a", "ESC becomes ?, a bidi override (Cf) takes no cell")
    }
}
