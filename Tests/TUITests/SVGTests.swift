import Testing
import TUI
import TUITestSupport

/// `Canvas.svg`: well-formed XML whose text, put back on the cell grid, is the canvas's
/// plain text; colours from the palette; backgrounds as rectangles; markup escaped; wide
/// characters on two cells.
@Suite("Canvas as SVG")
struct SVGTests {
    static func sample() -> Canvas {
        var c = Canvas(width: 24, height: 4)
        c.frame(Rect(x: 0, y: 0, width: 24, height: 4), title: "a <b> & \"c\"", style: Style(foreground: .blue),
                titleStyle: Style(bold: true), glyphs: .unicode)
        c.put("aP 04ab", x: 2, y: 1, style: Style(foreground: .green, bold: true, reverse: true))
        c.put("鍵 key", x: 11, y: 1, style: Style(foreground: .magenta, underline: true))
        c.put("x < y", x: 2, y: 2, style: Style(foreground: .yellow, background: .red))
        c.put("dim", x: 10, y: 2, style: Style(dim: true))
        return c
    }

    @Test("well-formed XML whose text, cell by cell, is the canvas's plain text")
    func textOnTheGrid() throws {
        let canvas = Self.sample()
        let reading = try SVGReading.parse(canvas.svg(title: "sample & <frame>"))
        #expect(reading.grid(width: canvas.width, height: canvas.height) == canvas.plainText())
        #expect(reading.title == "sample & <frame>")
        #expect(reading.root["width"] == "201.6" && reading.root["height"] == "68")
        #expect(reading.root["font-family"]?.hasSuffix("monospace") == true)
    }

    @Test("the palette's colours: text, reversed text, backgrounds as rectangles")
    func colours() throws {
        let palette = SVGPalette.standard
        let reading = try SVGReading.parse(Self.sample().svg())
        let aP = try #require(reading.pieces.first { $0.text.hasPrefix("aP") })
        // Reverse: default background as text, green as the background.
        #expect(aP.fill == palette.background && aP.bold)
        #expect(reading.rects.contains { $0["fill"] == palette.green && $0["x"] == "16.8" && $0["width"] == "58.8" && $0["y"] == "17" })
        #expect(reading.rects.contains { $0["fill"] == palette.red && $0["width"] == "42" })
        #expect(reading.pieces.first { $0.text == "x < y" }?.fill == palette.yellow)
        #expect(reading.pieces.first { $0.text.contains("key") }?.fill == palette.magenta)
        #expect(reading.pieces.first { $0.text.contains("┌") }?.fill == palette.blue)
        #expect(reading.rects.first?["fill"] == palette.background, "the image's own background first")
        // Plain runs of spaces draw nothing.
        #expect(!reading.pieces.contains { $0.text.allSatisfy { $0 == " " } })
    }

    @Test("markup characters are escaped and a wide character takes two cells at its own x")
    func escapingAndWideCharacters() throws {
        let svg = Self.sample().svg()
        #expect(svg.contains("x &lt; y") && svg.contains("a &lt;b&gt; &amp; &quot;c&quot;"))
        let reading = try SVGReading.parse(svg)
        let wide = try #require(reading.pieces.first { $0.text == "鍵" })
        #expect(wide.column == 11)
        #expect(reading.pieces.first { $0.text == " key" }?.column == 13)
        #expect(svg.contains(#"<tspan x="92.4" textLength="16.8""#))
    }

    @Test("the same canvas gives the same image; txt is the plain text with a final newline")
    func formats() {
        let canvas = Self.sample()
        #expect(FrameFormat.svg.document(canvas) == canvas.svg())
        #expect(FrameFormat.txt.document(canvas) == canvas.plainText() + "\n")
        #expect(FrameFormat.allCases.map(\.fileExtension) == ["txt", "svg"])
    }
}
