@testable import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI
import TUITestSupport

/// `w`: the who-knows view takes the place of the panes, the wire and the inspector;
/// Up/Down choose a value, `m` pins it, stepping keeps both, `w` or Esc goes back.
@Suite("Demonstrator: who knows what")
struct WhoKnowsTests {
    static let look = Look(theme: .color, glyphs: .unicode, isCompact: false)

    func press(_ state: AppState, _ keys: Key...) -> AppState { Fixtures.send(state, keys.map { .key($0) }) }

    @Test("w opens the view with focus, on the value the step is about; w and Esc close it")
    func openAndClose() throws {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let open = press(state, .character("w"))
        #expect(open.whoKnows.isOpen && open.focus == .whoKnows)
        #expect(open.layout.whoKnows != nil && open.layout.panes.isEmpty && open.layout.wire == nil && open.layout.inspector == nil)
        #expect(open.layout.narration.height > 0, "the narration stays: it says what changed")
        #expect(WhoKnowsContent(open)?.selected == .abP, "I learns abP at this step")
        #expect(KeyContext.active(open) == [.whoKnows, .demo])
        for key: Key in [.character("w"), .escape] {
            let closed = press(open, key)
            #expect(!closed.whoKnows.isOpen && closed.focus == .party(.initiator) && closed.layout.whoKnows == nil, "\(key)")
        }
    }

    @Test("Up/Down choose a row; m pins it; the pin and the choice survive stepping; m again unpins")
    func chooseAndPin() throws {
        let open = press(Fixtures.state(.basic, at: Fixtures.keyAgreed), .character("w"))
        let content = try #require(WhoKnowsContent(open))
        let abP = try #require(content.selectedRow)
        let up = press(open, .up)
        #expect(WhoKnowsContent(up)?.selectedRow == abP - 1)
        let chosen = try #require(WhoKnowsContent(up)?.selected)
        let pinned = press(up, .character("m"))
        #expect(pinned.whoKnows.pinned == [chosen])
        let later = press(pinned, .right, .right)
        #expect(later.step == open.step + 2 && later.whoKnows.pinned == [chosen] && WhoKnowsContent(later)?.selected == chosen)
        #expect(press(later, .character("m")).whoKnows.pinned.isEmpty)
        #expect(press(open, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up, .up).whoKnows.selection == content.matrix.rows[0].name,
                "Up stops at the first row")
    }

    @Test("a click on a row chooses it")
    func click() throws {
        let open = press(Fixtures.state(.basic, at: Fixtures.keyAgreed), .character("w"))
        let frame = try #require(open.layout.whoKnows)
        let content = try #require(WhoKnowsContent(open))
        // The frame's border, the headline, a blank row, the header: the first value is on the fifth row.
        let first = frame.y + 1 + WhoKnowsView.topRows(content) + 1
        let clicked = AppUpdate.update(open, .click(x: frame.x + 3, y: first + 2)).state
        #expect(clicked.whoKnows.selection == content.matrix.rows[2].name)
        let screen = AppView.render(clicked, size: clicked.size, theme: .mono, glyphs: .unicode).plainText()
        let row = screen.split(separator: "\n")[first + 2]
        #expect(row.contains(content.matrix.rows[2].name.rawValue + " "), "the row clicked shows that value")
    }

    @Test("a tutorial section closes the view; presenter mode draws over it")
    func otherModes() throws {
        let tutorial = try Fixtures.tutorial("exchange", section: 2)
        let open = press(tutorial, .character("w"))
        #expect(open.whoKnows.isOpen && open.layout.whoKnows != nil)
        #expect(!press(open, .enter).whoKnows.isOpen, "the next section shows its own view")
        let presenting = press(Fixtures.state(.basic, at: Fixtures.keyAgreed), .character("w"), .character("z"))
        #expect(presenting.layout.presenter != nil && presenting.layout.whoKnows == nil)
        #expect(press(presenting, .character("z")).layout.whoKnows != nil, "leaving presenter mode returns to the view")
    }

    @Test("golden: the basic run where I learns abP; the malicious KMS with MPK pinned, at 80 columns")
    func golden() throws {
        func draw(_ state: AppState, _ width: Int, _ height: Int, look: Look) throws -> Canvas {
            let content = try #require(WhoKnowsContent(state))
            var canvas = Canvas(size: Size(width: width, height: height))
            WhoKnowsView.draw(content, in: Rect(x: 0, y: 0, width: width, height: height), look: look, into: &canvas)
            return canvas
        }
        let basic = press(Fixtures.state(.basic, at: Fixtures.keyAgreed), .character("w"))
        try assertSnapshot(try draw(basic, 118, 30, look: Self.look), named: "who-knows-basic-keyAgreed", styles: true)
        var malicious = press(Fixtures.state(.maliciousKMS, at: .last), .character("w"))
        malicious.whoKnows.selection = .mpk
        malicious = press(malicious, .character("m"))
        try assertSnapshot(try draw(malicious, 78, 18, look: Look(theme: .color, glyphs: .unicode, isCompact: true)),
                           named: "who-knows-malicious-kms-last-MPK-pinned-78x18")
        try assertSnapshot(AppView.render(malicious, size: Size(width: 80, height: 24), theme: .mono, glyphs: .ascii),
                           named: "who-knows-malicious-kms-last-80x24-ascii")
    }
}
