@testable import Demonstrator
import Scenarios
import Testing
import TUI

@Suite("Layout: geometry from size and arrangement, kept while neither changes")
struct ScreenLayoutTests {
    static let three = [PartyID.initiator, .responder, .kms].map { ScreenArrangement.PaneSlot(id: $0, lineCount: 10) }

    @Test("the geometry is a function of the size and the arrangement alone")
    func geometry() throws {
        let large = ScreenLayout(size: Size(width: 120, height: 40), arrangement: ScreenArrangement(panes: Self.three))
        #expect(large.mode == .large && large.panes.map(\.party) == [.initiator, .responder, .kms])
        let wire = try #require(large.wire), inspector = try #require(large.inspector)
        #expect(wire.y == inspector.y && wire.maxX == inspector.x, "side by side under the panes")
        #expect(large.narration.height == LayoutRules.narrationChromeLarge + LayoutRules.narrationLines)
        let pane = try #require(large.pane(.initiator))
        #expect(pane.height == LayoutRules.paneMinimumRows, "ten lines and a frame: the minimum height")

        // 80x24 is compact; the one of wire and inspector in front takes the room under the panes.
        let small = Size(width: 80, height: 24)
        let wireFront = ScreenLayout(size: small, arrangement: ScreenArrangement(panes: Self.three, front: .wire))
        let inspectorFront = ScreenLayout(size: small, arrangement: ScreenArrangement(panes: Self.three, front: .inspector))
        #expect(wireFront.mode == .compact && wireFront.wire != nil && wireFront.inspector == nil)
        #expect(inspectorFront.inspector == wireFront.wire && inspectorFront.wire == nil)
        #expect(wireFront.wire?.height == LayoutRules.wireRowsCompact)

        // Beside a tutorial's text from 110 columns; below it under that.
        let tutorial = ScreenLayout(size: Size(width: 120, height: 40), arrangement: ScreenArrangement(panes: Self.three, tutorial: true))
        #expect(tutorial.tutorialIsBeside && tutorial.tutorial?.width == 120 / LayoutRules.tutorialColumnDivisor)
        let below = ScreenLayout(size: small, arrangement: ScreenArrangement(panes: Self.three, tutorial: true))
        #expect(!below.tutorialIsBeside && below.wire == nil && below.narration.height == 0)
        #expect(ScreenLayout(size: Size(width: 79, height: 24), arrangement: ScreenArrangement(panes: Self.three)).mode == .tooSmall)
    }

    @Test("keys that keep the arrangement reuse the layout; those that change it lay out again")
    func memo() {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let before = state.arrangement(paneLines: state.paneLines())
        #expect(state.layoutMemo.holds(size: state.size, arrangement: before))
        for key: Key in [.down, .up, .character("x"), .character("v"), .tab] {
            let next = AppUpdate.update(state, .key(key)).state
            #expect(next.arrangement(paneLines: next.paneLines()) == before, "\(key)")
            #expect(next.layoutMemo.holds(size: state.size, arrangement: before), "\(key)")
        }
        let eve = AppUpdate.update(state, .key(.character("e"))).state
        let withEve = eve.arrangement(paneLines: eve.paneLines())
        #expect(withEve != before && withEve.panes.last?.isRecording == true)
        #expect(eve.layoutMemo.holds(size: eve.size, arrangement: withEve), "a new pane: laid out again and kept")
        let resized = AppUpdate.update(state, .resize(width: 80, height: 24)).state
        #expect(resized.layoutMemo.holds(size: Size(width: 80, height: 24), arrangement: before))
        #expect(resized.layout.mode == .compact)
    }

    @Test("a click where a value is drawn selects that value")
    func clickOnDrawnValue() throws {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            let state = AppUpdate.update(Fixtures.state(.basic, at: Fixtures.keyAgreed), .resize(width: size.width, height: size.height)).state
            let canvas = AppView.render(state, size: size, theme: .mono, glyphs: .unicode)
            let rows = canvas.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let pane = try #require(state.layout.pane(.responder))
            for name in ["aP", "bP", "abP"] {
                // The row inside the responder's frame whose name column reads `name`.
                let y = try #require((pane.y + 1..<pane.maxY - 1).first { y in
                    Array(rows[y]).dropFirst(pane.x + 4).prefix(name.count + 1).map(String.init).joined() == name + " "
                }, "\(name) drawn at \(size)")
                let clicked = AppUpdate.update(state, .click(x: pane.x + 5, y: y)).state
                let viewport = try #require(clicked.screen.panes[.responder])
                let selected = try #require(viewport.selected)
                #expect(clicked.focus == .party(.responder))
                #expect(PaneView.name(viewport.lines[selected]) == name, "\(name) at \(size)")
            }
        }
    }
}
