import Testing
import TUI
import TUITestSupport
@testable import tui_demo

/// Golden screens of the demo. Reviewed when recorded; re-record only on purpose.
@Suite("tui-demo: golden screens")
struct DemoSnapshotTests {
    var state = DemoState(theme: .color, glyphs: .unicode)

    init() {
        for event: Event in [.key(.right), .key(.home), .click(x: 3, y: 9), .resize(width: 120, height: 40)] {
            state = DemoUpdate.update(state, event, size: Size(width: 120, height: 40)).0.state
        }
    }

    @Test("120x40: headline, three panes, status line")
    func large() throws {
        try assertSnapshot(DemoView.render(state, size: Size(width: 120, height: 40)), named: "demo-120x40")
    }

    @Test("80x24: compact, no headline")
    func compact() throws {
        try assertSnapshot(DemoView.render(state, size: Size(width: 80, height: 24)), named: "demo-80x24")
    }

    @Test("help overlay at 80x24")
    func help() throws {
        var s = state
        s.showHelp = true
        try assertSnapshot(DemoView.render(s, size: Size(width: 80, height: 24)), named: "demo-80x24-help")
    }

    @Test("mono theme with ASCII glyphs at 80x24")
    func monoASCII() throws {
        var s = state
        s.theme = .mono
        s.glyphs = .ascii
        let canvas = DemoView.render(s, size: Size(width: 80, height: 24))
        #expect(canvas.plainText().allSatisfy { $0.isASCII })
        #expect(canvas.styleRuns().allSatisfy { !$0.style.usesColor })
        try assertSnapshot(canvas, named: "demo-80x24-mono-ascii")
    }

    @Test("too small: one cell short in either direction")
    func tooSmall() throws {
        let narrow = DemoView.render(state, size: Size(width: 79, height: 24)).plainText()
        let short = DemoView.render(state, size: Size(width: 80, height: 23)).plainText()
        #expect(narrow.contains("terminal too small: 79x24, need 80x24"))
        #expect(short.contains("terminal too small: 80x23, need 80x24"))
        try assertSnapshot(DemoView.render(state, size: Size(width: 60, height: 20)), named: "demo-too-small-60x20")
    }
}
