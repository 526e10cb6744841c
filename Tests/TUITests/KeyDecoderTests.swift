import Testing
import TUI

@Suite("Key decoder")
struct KeyDecoderTests {
    let decoder = KeyDecoder(codes: .ncurses)
    let size = Size(width: 120, height: 40)
    let codes = KeyCodes.ncurses

    func character(_ value: UInt32) -> Event? { decoder.decode(.character(value), screenSize: size) }
    func keyCode(_ code: Int32, mouse: MouseReport? = nil) -> Event? {
        decoder.decode(.keyCode(code), screenSize: size, mouse: mouse)
    }

    @Test("printable characters, including non-ASCII, arrive as characters")
    func printable() {
        #expect(character(0x71) == .key(.character("q")))
        #expect(character(0x20) == .key(.character(" ")))
        #expect(character(0x3F) == .key(.character("?")))
        #expect(character(0xE9) == .key(.character("é")))
        #expect(character(0x1F511) == .key(.character("🔑")))
    }

    @Test("control characters: Tab, Enter, Backspace, Escape, Ctrl-letters")
    func controls() {
        #expect(character(9) == .key(.tab))
        #expect(character(10) == .key(.enter))
        #expect(character(13) == .key(.enter))
        #expect(character(127) == .key(.backspace))
        #expect(character(8) == .key(.backspace))
        #expect(character(27) == .key(.escape))
        #expect(character(3) == .key(.ctrlC))
        #expect(character(1) == .key(.control("a")))
        #expect(character(26) == .key(.control("z")))
    }

    @Test("stray controls and invalid scalars mean nothing")
    func ignored() {
        #expect(character(0) == nil)
        #expect(character(28) == nil)
        #expect(character(0x9B) == nil)     // C1 CSI
        #expect(character(0xD800) == nil)   // a surrogate is not a scalar
    }

    @Test("cursor and editing keys")
    func navigation() {
        #expect(keyCode(codes.up) == .key(.up))
        #expect(keyCode(codes.down) == .key(.down))
        #expect(keyCode(codes.left) == .key(.left))
        #expect(keyCode(codes.right) == .key(.right))
        #expect(keyCode(codes.home) == .key(.home))
        #expect(keyCode(codes.end) == .key(.end))
        #expect(keyCode(codes.find) == .key(.home))
        #expect(keyCode(codes.select) == .key(.end))
        #expect(keyCode(codes.pageUp) == .key(.pageUp))
        #expect(keyCode(codes.pageDown) == .key(.pageDown))
        #expect(keyCode(codes.backTab) == .key(.backTab))
        #expect(keyCode(codes.enter) == .key(.enter))
        #expect(keyCode(codes.backspace) == .key(.backspace))
        #expect(keyCode(codes.delete) == .key(.delete))
        #expect(keyCode(codes.insert) == .key(.insert))
    }

    @Test("function keys F1...F63; F0 and beyond F63 are not keys")
    func functionKeys() {
        #expect(keyCode(codes.function0 + 1) == .key(.function(1)))
        #expect(keyCode(codes.function0 + 12) == .key(.function(12)))
        #expect(keyCode(codes.function0 + 63) == .key(.function(63)))
        #expect(keyCode(codes.function0) == nil)
        #expect(keyCode(codes.function0 + 64) == nil)
    }

    @Test("resize carries the size the screen has now")
    func resize() {
        #expect(decoder.decode(.keyCode(codes.resize), screenSize: Size(width: 50, height: 10)) == .resize(width: 50, height: 10))
    }

    @Test("a primary press or click is a click; other mouse reports and missing reports are dropped")
    func mouse() {
        #expect(keyCode(codes.mouse, mouse: MouseReport(x: 7, y: 3, buttons: 0o2)) == .click(x: 7, y: 3))
        #expect(keyCode(codes.mouse, mouse: MouseReport(x: 7, y: 3, buttons: 0o4)) == .click(x: 7, y: 3))
        #expect(keyCode(codes.mouse, mouse: MouseReport(x: 7, y: 3, buttons: 0o1)) == nil)   // release
        #expect(keyCode(codes.mouse, mouse: MouseReport(x: 7, y: 3, buttons: 0o100)) == nil) // button 2
        #expect(keyCode(codes.mouse) == nil)
    }

    @Test("unknown key codes mean nothing")
    func unknownCodes() {
        #expect(keyCode(0o777) == nil)
        #expect(keyCode(-1) == nil)
    }

    @Test("the decoder follows the codes it is given, not fixed numbers")
    func injectedCodes() {
        var custom = KeyCodes.ncurses
        custom.up = 5000
        let d = KeyDecoder(codes: custom)
        #expect(d.decode(.keyCode(5000), screenSize: size) == .key(.up))
        #expect(d.decode(.keyCode(KeyCodes.ncurses.up), screenSize: size) == nil)
    }

    @Test("events describe themselves for logs")
    func descriptions() {
        #expect(Event.key(.character(" ")).description == "key space")
        #expect(Event.key(.ctrlC).description == "key ctrl-c")
        #expect(Event.key(.function(5)).description == "key F5")
        #expect(Event.resize(width: 80, height: 24).description == "resize 80x24")
        #expect(Event.click(x: 1, y: 2).description == "click 1,2")
    }
}
