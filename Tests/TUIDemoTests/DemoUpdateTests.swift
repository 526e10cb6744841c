import Testing
import TUI
import TerminalBackend
@testable import tui_demo

@Suite("tui-demo: update")
struct DemoUpdateTests {
    let size = Size(width: 120, height: 40)
    let initial = DemoState(theme: .color, glyphs: .unicode)

    func apply(_ events: [Event], to state: DemoState? = nil) -> (DemoState, quit: Bool) {
        var s = state ?? initial
        for event in events {
            let (transition, _) = DemoUpdate.update(s, event, size: size)
            s = transition.state
            if transition.quit { return (s, true) }
        }
        return (s, false)
    }

    @Test("q and Ctrl-C quit; other keys do not")
    func quitting() {
        #expect(apply([.key(.character("q"))]).quit)
        #expect(apply([.key(.ctrlC)]).quit)
        #expect(!apply([.key(.character("x")), .key(.escape), .tick]).quit)
    }

    @Test("Tab and Right cycle focus forward, Shift-Tab and Left backward, wrapping")
    func focus() {
        #expect(apply([.key(.tab)]).0.focus == .styles)
        #expect(apply([.key(.tab), .key(.right), .key(.tab)]).0.focus == .events)
        #expect(apply([.key(.backTab)]).0.focus == .glyphs)
        #expect(apply([.key(.left), .key(.left)]).0.focus == .styles)
    }

    @Test("? toggles help, Esc closes it")
    func help() {
        #expect(apply([.key(.character("?"))]).0.showHelp)
        #expect(!apply([.key(.character("?")), .key(.character("?"))]).0.showHelp)
        #expect(!apply([.key(.character("?")), .key(.escape)]).0.showHelp)
    }

    @Test("a click focuses the pane under it, but not through the help overlay or on the status line")
    func clicks() {
        #expect(apply([.click(x: 100, y: 10)]).0.focus == .glyphs)
        #expect(apply([.click(x: 50, y: 10)]).0.focus == .styles)
        #expect(apply([.click(x: 100, y: 39)]).0.focus == .events)   // status line
        #expect(apply([.key(.character("?")), .click(x: 100, y: 10)]).0.focus == .events)
    }

    @Test("t cycles the themes, a switches glyph sets")
    func themeAndGlyphs() {
        #expect(apply([.key(.character("t"))]).0.theme == .mono)
        #expect(apply(Array(repeating: .key(.character("t")), count: 3)).0.theme == .color)
        #expect(apply([.key(.character("a"))]).0.glyphs == .ascii)
        #expect(apply([.key(.character("a")), .key(.character("a"))]).0.glyphs == .unicode)
    }

    @Test("ticks count without filling the log; other events are logged, capped")
    func logging() {
        let (s, _) = apply([.tick, .tick, .key(.up), .resize(width: 90, height: 30)])
        #expect(s.ticks == 2)
        #expect(s.log == ["key up", "resize 90x30"])
        let many = apply(Array(repeating: .key(.down), count: DemoState.logLimit + 5)).0
        #expect(many.log.count == DemoState.logLimit)
    }

    @Test("! asks for a crash only with --crash-key")
    func crashKey() {
        #expect(DemoUpdate.update(initial, .key(.character("!")), size: size).crash == false)
        let armed = DemoState(theme: .color, glyphs: .unicode, crashKeyEnabled: true)
        #expect(DemoUpdate.update(armed, .key(.character("!")), size: size).crash == true)
    }

    @Test("the whole app runs on the scripted screen: keys, resize, quit")
    @MainActor
    func scriptedRun() {
        let screen = ScriptedScreen(size: Size(width: 100, height: 30), script: [
            .event(.key(.tab)), .event(.resize(width: 60, height: 20)), .event(.resize(width: 90, height: 26)),
            .event(.key(.character("q"))),
        ])
        let final = screen.run(
            initial: initial,
            update: { state, event in DemoUpdate.update(state, event, size: screen.size).0 },
            render: DemoView.render
        )
        #expect(final.focus == .styles)
        #expect(screen.frames.map(\.size.description) == ["100x30", "100x30", "60x20", "90x26"])
        #expect(screen.frames[2].plainText().contains("terminal too small: 60x20, need 80x24"))
        #expect(screen.frames[3].plainText().contains("┌─ Styles * ─"))
    }
}
