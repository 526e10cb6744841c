import Testing
import TUI

@Suite("Frames and arrows")
struct FrameTests {
    func framed(width: Int, height: Int, title: String?, glyphs: Glyphs = .unicode) -> String {
        var c = Canvas(width: width, height: height)
        c.frame(Rect(x: 0, y: 0, width: width, height: height), title: title, glyphs: glyphs)
        return c.plainText()
    }

    @Test("a titled frame with room to spare")
    func roomy() {
        #expect(framed(width: 16, height: 3, title: "Initiator") == "┌─ Initiator ──┐\n│              │\n└──────────────┘")
    }

    @Test("the title is shortened at the end, and dropped when nothing fits")
    func smallTitles() {
        #expect(framed(width: 12, height: 2, title: "Initiator") == "┌─ Initi… ─┐\n└──────────┘")
        #expect(framed(width: 8, height: 2, title: "Initiator") == "┌─ I… ─┐\n└──────┘")
        #expect(framed(width: 7, height: 2, title: "Initiator") == "┌─────┐\n└─────┘")
        #expect(framed(width: 7, height: 2, title: "R") == "┌─ R ─┐\n└─────┘")
        #expect(framed(width: 6, height: 2, title: "Initiator") == "┌────┐\n└────┘")
        #expect(framed(width: 12, height: 2, title: "Initiator", glyphs: .ascii) == "+- Ini... -+\n+----------+")
    }

    @Test("the smallest frames: 2x2, a single row, a single column")
    func tiny() {
        #expect(framed(width: 2, height: 2, title: "x") == "┌┐\n└┘")
        #expect(framed(width: 4, height: 1, title: "x") == "────")
        #expect(framed(width: 1, height: 3, title: "x") == "│\n│\n│")
        #expect(framed(width: 1, height: 1, title: nil) == "─")
    }

    @Test("frame returns its inside")
    func inside() {
        var c = Canvas(width: 10, height: 10)
        #expect(c.frame(Rect(x: 2, y: 3, width: 5, height: 4), glyphs: .ascii) == Rect(x: 3, y: 4, width: 3, height: 2))
    }

    @Test("border and title get their own styles")
    func styles() {
        var c = Canvas(width: 10, height: 3)
        let border = Style(foreground: .blue), title = Style(bold: true)
        c.frame(Rect(x: 0, y: 0, width: 10, height: 3), title: "ab", style: border, titleStyle: title, glyphs: .unicode)
        #expect(c.cell(x: 0, y: 0)?.style == border)
        #expect(c.cell(x: 3, y: 0) == Cell("a", style: title))
        #expect(c.cell(x: 2, y: 0)?.style == title)    // the padding space belongs to the title
        #expect(c.cell(x: 9, y: 2)?.style == border)
        #expect(c.cell(x: 5, y: 1)?.style == .plain)   // the inside is untouched
    }

    @Test("a frame clipped by a region keeps its visible part")
    func clippedFrame() {
        var c = Canvas(width: 6, height: 3)
        c.withRegion(Rect(x: 0, y: 0, width: 4, height: 3)) { r in
            r.frame(Rect(x: 0, y: 0, width: 6, height: 3), glyphs: .ascii)
        }
        #expect(c.plainText() == "+---\n|\n+---")
    }

    @Test("arrows point from start to end with the label centred")
    func arrows() {
        var c = Canvas(width: 20, height: 3)
        c.arrow(fromX: 0, toX: 19, y: 0, label: "MSG", glyphs: .unicode)
        c.arrow(fromX: 19, toX: 0, y: 1, label: "MSG", glyphs: .ascii)
        c.arrow(fromX: 2, toX: 8, y: 2, label: "too long", glyphs: .unicode)
        #expect(c.plainText() == "─────── MSG ───────→\n<------ MSG --------\n  ──────→")
    }

    @Test("a long label is shortened, never overwriting the head")
    func longLabel() {
        var c = Canvas(width: 12, height: 1)
        c.arrow(fromX: 0, toX: 11, y: 0, label: "I_MESSAGE_1", glyphs: .unicode)
        #expect(c.plainText() == "── I_MES… ─→")
    }
}
