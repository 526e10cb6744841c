import Testing
import TUI

@Suite("Block font")
struct BlockFontTests {
    @Test("letters are 3x5 with a one-column gap")
    func shape() {
        #expect(BlockFont.lines(for: "HI", glyphs: .ascii) == [
            "# # ###",
            "# #  # ",
            "###  # ",
            "# #  # ",
            "# # ###",
        ])
        #expect(BlockFont.width(of: "HI") == 7)
        #expect(BlockFont.width(of: "") == 0)
    }

    @Test("the Unicode set inks with full blocks; lower case has its own letters")
    func unicodeAndCase() {
        #expect(BlockFont.lines(for: "a", glyphs: .unicode) != BlockFont.lines(for: "A", glyphs: .unicode))
        #expect(BlockFont.lines(for: "A", glyphs: .unicode)[0] == " █ ")
        // abP: two lower-case letters below the capital's height, then P.
        #expect(BlockFont.lines(for: "abP", glyphs: .ascii) == [
            "    #   ## ",
            "    #   # #",
            " ## ##  ## ",
            "# # # # #  ",
            " ## ##  #  ",
        ])
    }

    @Test("every character of a headline has 5 rows of 3 columns",
          arguments: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_.,:!?/+=()<>'*#"))
    func everyGlyph(character: Character) {
        let lines = BlockFont.lines(for: String(character), glyphs: .ascii)
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.count == 3 })
        if character != " " { #expect(lines.contains { $0.contains("#") }, "glyph \(character) is blank") }
    }

    @Test("characters the font lacks draw as a question mark")
    func unknown() {
        #expect(BlockFont.lines(for: "é", glyphs: .ascii) == BlockFont.lines(for: "?", glyphs: .ascii))
        #expect(BlockFont.lines(for: "ß", glyphs: .ascii) == BlockFont.lines(for: "?", glyphs: .ascii))
    }

    @Test("the glyphs are distinguishable: no two characters share a pattern")
    func distinct() {
        let characters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.,:!/+=()<>'*#")
        let patterns = characters.map { BlockFont.lines(for: String($0), glyphs: .ascii) }
        #expect(Set(patterns.map { $0.joined(separator: "|") }).count == characters.count)
    }

    @Test("a headline is centred in its rectangle")
    func centred() throws {
        var c = Canvas(width: 13, height: 7)
        c.headline("OK", in: c.bounds, style: Style(bold: true), glyphs: .ascii)
        try #require(c.plainText() == "\n    #  # #\n   # # # #\n   # # ##\n   # # # #\n    #  # #\n")
        #expect(c.cell(x: 4, y: 1)?.style == Style(bold: true))
        #expect(c.cell(x: 3, y: 1)?.style == .plain)
    }

    @Test("when the big letters do not fit, the headline falls back to plain text")
    func fallback() {
        var narrow = Canvas(width: 6, height: 7)
        narrow.headline("DEMO", in: narrow.bounds, glyphs: .unicode)
        #expect(narrow.plainText() == "\n\n\n DEMO\n\n\n")
        var short = Canvas(width: 40, height: 3)
        short.headline("MIKEY-IBAKE", in: short.bounds, glyphs: .ascii)
        #expect(short.plainText() == "\n              MIKEY-IBAKE\n")
        var tiny = Canvas(width: 5, height: 1)
        tiny.headline("MIKEY-IBAKE", in: tiny.bounds, glyphs: .ascii)
        #expect(tiny.plainText() == "MI...")
    }
}
