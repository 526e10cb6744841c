import Testing
import TUI

@Suite("Too-small screen")
struct TooSmallScreenTests {
    func screen(_ width: Int, _ height: Int) -> String {
        TooSmallScreen.render(size: Size(width: width, height: height), theme: .mono).plainText()
    }

    @Test("one centred line when it fits")
    func oneLine() {
        let text = screen(60, 5)
        #expect(text == "\n\n            terminal too small: 60x5, need 80x24\n\n")
    }

    @Test("narrower windows break the sentence before cutting words")
    func degrades() {
        #expect(TooSmallScreen.message(for: Size(width: 30, height: 10)) == ["terminal too small:", "30x10, need 80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 19, height: 10)) == ["terminal too small:", "19x10, need 80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 18, height: 10)) == ["too small: 18x10", "need 80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 15, height: 2)) == ["too small: 15x2", "need 80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 12, height: 3)) == ["too small", "need 80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 11, height: 1)) == ["11x1<80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 6, height: 1)) == ["80x24"])
        #expect(TooSmallScreen.message(for: Size(width: 3, height: 1)) == ["!"])
        #expect(TooSmallScreen.message(for: Size(width: 1, height: 1)) == ["!"])
        #expect(TooSmallScreen.message(for: Size(width: 0, height: 0)) == [])
    }

    @Test("every size down to 1x1 renders a non-empty notice inside the canvas", arguments: [1, 2, 3, 5, 8, 13, 21, 34, 55, 79])
    func allSizes(width: Int) {
        for height in [1, 2, 3, 4, 23] {
            let size = Size(width: width, height: height)
            let canvas = TooSmallScreen.render(size: size, theme: .color)
            #expect(canvas.size == size)
            #expect(canvas.plainText().contains { !$0.isWhitespace }, "blank at \(size)")
            #expect(canvas.plainText().split(separator: "\n").allSatisfy { $0.count <= width })
        }
    }

    @Test("a 1x1 window shows `!` in the warning style")
    func oneByOne() {
        let canvas = TooSmallScreen.render(size: Size(width: 1, height: 1), theme: .color)
        #expect(canvas.cell(x: 0, y: 0) == Cell("!", style: Theme.color.warning))
    }

    @Test("the minimum can be chosen by the caller")
    func customMinimum() {
        let lines = TooSmallScreen.message(for: Size(width: 50, height: 10), minimum: Size(width: 60, height: 12))
        #expect(lines == ["terminal too small: 50x10, need 60x12"])
        // A long minimum pushes the size onto a line of its own.
        let long = TooSmallScreen.message(for: Size(width: 19, height: 10), minimum: Size(width: 1000, height: 500))
        #expect(long == ["terminal too small:", "19x10", "need 1000x500"])
    }

    @Test("lines of a multi-line notice are each centred")
    func centring() {
        let text = screen(22, 3)
        #expect(text == " terminal too small:\n  22x3, need 80x24\n")
    }
}
