import Testing
import TUI
@testable import TerminalBackend

/// What one read of a terminal in non-canonical mode means as a key (plain mode's prompt).
@Suite("Keys one at a time")
struct KeyAtATimeTests {
    @Test("characters, Enter, Esc and control keys")
    func singleBytes() {
        #expect(KeyAtATime.decode([UInt8(ascii: "q")]) == .character("q"))
        #expect(KeyAtATime.decode([UInt8(ascii: " ")]) == .character(" "))
        #expect(KeyAtATime.decode([13]) == .enter && KeyAtATime.decode([10]) == .enter)
        #expect(KeyAtATime.decode([27]) == .escape)
        #expect(KeyAtATime.decode([4]) == .control("d"))
        #expect(KeyAtATime.decode(Array("é".utf8)) == .character("é"))
        #expect(KeyAtATime.decode([]) == nil && KeyAtATime.decode([0]) == nil)
    }

    @Test("an arrow's escape sequence is one key; other sequences and pastes are none")
    func sequences() {
        #expect(KeyAtATime.decode([27, UInt8(ascii: "["), UInt8(ascii: "C")]) == .right)
        #expect(KeyAtATime.decode([27, UInt8(ascii: "O"), UInt8(ascii: "D")]) == .left)
        #expect(KeyAtATime.decode([27, UInt8(ascii: "["), UInt8(ascii: "1"), UInt8(ascii: "5"), UInt8(ascii: "~")]) == nil)
        #expect(KeyAtATime.decode(Array("qq".utf8)) == nil)
    }
}
