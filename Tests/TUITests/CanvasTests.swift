import Testing
import TUI

@Suite("Canvas: text, clipping and regions")
struct CanvasTests {
    @Test("text is clipped at every edge, including negative starts")
    func clipping() {
        var c = Canvas(width: 6, height: 3)
        c.put("abcdefgh", x: 2, y: 0)
        c.put("xyz", x: -2, y: 1)
        c.put("never", x: 0, y: 3)
        c.put("never", x: 0, y: -1)
        #expect(c.plainText() == "  abcd\nz\n")
    }

    @Test("maxWidth limits the columns and put returns the end column")
    func maxWidth() {
        var c = Canvas(width: 10, height: 1)
        let end = c.put("abcdef", x: 1, y: 0, maxWidth: 3)
        #expect(end == 4)
        #expect(c.plainText() == " abc")
        #expect(c.put("", x: 7, y: 0) == 7)
    }

    @Test("a region has its own origin and clips what is drawn inside")
    func regions() {
        var c = Canvas(width: 10, height: 4, fill: Cell("."))
        c.withRegion(Rect(x: 2, y: 1, width: 4, height: 2)) { r in
            #expect(r.bounds == Rect(x: 0, y: 0, width: 4, height: 2))
            r.put("123456", x: 0, y: 0)
            r.put("abc", x: -1, y: 1)
            r.put("zz", x: 0, y: 2)   // below the region: dropped
        }
        #expect(c.plainText() == "..........\n..1234....\n..bc......\n..........")
        // Restored afterwards: the whole grid is drawable again.
        c.put("!", x: 9, y: 3)
        #expect(c.cell(x: 9, y: 3)?.character == "!")
        #expect(c.bounds == Rect(x: 0, y: 0, width: 10, height: 4))
    }

    @Test("nested regions clip to the intersection of all enclosing regions")
    func nestedRegions() {
        var c = Canvas(width: 8, height: 3)
        c.withRegion(Rect(x: 1, y: 0, width: 4, height: 3)) { outer in
            outer.withRegion(Rect(x: 2, y: 1, width: 10, height: 1)) { inner in
                #expect(inner.bounds.width == 10)   // its own size, even though clipped
                inner.put("abcdefgh", x: 0, y: 0)
            }
        }
        #expect(c.plainText() == "\n   ab\n")
    }

    @Test("a region partly off the grid still clips to the grid")
    func regionOffGrid() {
        var c = Canvas(width: 4, height: 2)
        c.withRegion(Rect(x: -2, y: -1, width: 5, height: 3)) { r in
            r.fill(with: "#")
        }
        #expect(c.plainText() == "###\n###")
    }

    @Test("fill and restyle cover a rectangle, restyle keeps characters")
    func fillAndRestyle() {
        var c = Canvas(width: 5, height: 3)
        c.fill(Rect(x: 1, y: 1, width: 3, height: 5), with: "x")
        c.restyle(Rect(x: 0, y: 1, width: 2, height: 1), to: Style(bold: true))
        #expect(c.plainText() == "\n xxx\n xxx")
        #expect(c.cell(x: 1, y: 1) == Cell("x", style: Style(bold: true)))
        #expect(c.cell(x: 0, y: 1) == Cell(" ", style: Style(bold: true)))
        #expect(c.cell(x: 2, y: 1)?.style == .plain)
    }

    @Test("putShortened fills exactly the width, shortening or padding in the style")
    func shortened() {
        var c = Canvas(width: 12, height: 2)
        let style = Style(reverse: true)
        c.putShortened("0123456789abcdef", x: 1, y: 0, width: 7, style: style, glyphs: .unicode)
        c.putShortened("ab", x: 1, y: 1, width: 5, style: style, glyphs: .ascii)
        #expect(c.plainText() == " 012…def\n ab")
        #expect((1...5).allSatisfy { c.cell(x: $0, y: 1)?.style == style })
        #expect(c.cell(x: 6, y: 1)?.style == .plain)
    }

    @Test("rules run along rows and columns and clip")
    func rules() {
        var c = Canvas(width: 5, height: 3)
        c.horizontalRule(x: 1, y: 1, length: 10, glyphs: .unicode)
        c.verticalRule(x: 0, y: -1, length: 3, glyphs: .ascii)
        #expect(c.plainText() == "|\n|────\n")
    }

    @Test("untrusted text cannot put escape sequences into the grid")
    func escapes() {
        var c = Canvas(width: 12, height: 1)
        c.put("a\u{1B}[2Jb\tc", x: 0, y: 0)
        #expect(c.plainText() == "a?[2Jb c")
    }

    @Test("equality ignores the drawing region, only cells count")
    func equality() {
        var a = Canvas(width: 3, height: 1), b = Canvas(width: 3, height: 1)
        a.withRegion(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.put("x", x: 0, y: 0) }
        b.put("x", x: 1, y: 0)
        #expect(a == b)
        b.put("y", x: 2, y: 0)
        #expect(a != b)
    }

    @Test("a zero-size canvas draws nothing and prints nothing")
    func empty() {
        var c = Canvas(width: 0, height: 0)
        c.put("abc", x: 0, y: 0)
        c.frame(Rect(x: 0, y: 0, width: 5, height: 5), title: "t", glyphs: .unicode)
        #expect(c.plainText() == "")
        #expect(c.styleRuns().isEmpty)
    }
}
