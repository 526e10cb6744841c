import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI

/// `AppUpdate.update` with key events: stepping and its bounds, focus and selection,
/// overlays, views, triggers, autoplay, resize and clicks. No terminal involved.
@Suite("Demonstrator: update")
struct UpdateTests {
    let basic = Fixtures.state(.basic)
    var count: Int { basic.model?.stepCount ?? 0 }

    @Test("every next and back key steps by one, within the timeline")
    func stepping() {
        for key: Key in [.right, .enter, .character("l"), .character("n"), .character(" ")] {
            #expect(AppUpdate.update(basic, .key(key)).state.step == 2, "\(key)")
        }
        let third = Fixtures.send(basic, Fixtures.keys(.right, .right))
        for key: Key in [.left, .backspace, .character("h"), .character("p")] {
            #expect(AppUpdate.update(third, .key(key)).state.step == 2, "\(key)")
        }
        #expect(AppUpdate.update(basic, .key(.left)).state.step == 1, "no step before the first")
        let last = AppUpdate.update(basic, .key(.end)).state
        #expect(last.step == count)
        #expect(AppUpdate.update(last, .key(.right)).state.step == count, "no step after the last")
        #expect(AppUpdate.update(last, .key(.character("g"))).state.step == 1)
        #expect(AppUpdate.update(last, .key(.home)).state.step == 1)
        #expect(AppUpdate.update(basic, .key(.character("G"))).state.step == count)
    }

    @Test("--step is applied when the timeline arrives, clamped to its length")
    func startStep() {
        #expect(Fixtures.state(.basic, step: 13).step == 13)
        #expect(Fixtures.state(.basic, step: 999).step == count)
        let waiting = AppState(config: Fixtures.config, scenario: .basic, step: 5, size: Size(width: 120, height: 40))
        #expect(waiting.isLoading && waiting.wantedBuilds == [BuildKey(.basic, Fixtures.config)])
    }

    @Test("after the first timeline the trigger scenarios are built in the background")
    func prefetch() {
        #expect(basic.wantedBuilds.map(\.scenario) == [.forking, .retargeting, .deferred])
        #expect(basic.wantedBuilds.allSatisfy { $0.config == Fixtures.config })
    }

    @Test("f, r, d switch to the special case at the step that means the same, and back")
    func triggers() throws {
        // Where I learns abP, it has just opened R_MESSAGE_1.
        let atR1 = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let asked = AppUpdate.update(atR1, .key(.character("f"))).state
        #expect(asked.scenario == .basic && asked.awaiting == .forking, "waits for the forking build, basic stays on screen")
        #expect(asked.wantedBuilds.first == BuildKey(.forking, Fixtures.config))
        let forking = try #require(Fixtures.loads[.forking])
        let arrived = AppUpdate.update(asked, .built(BuildKey(.forking, Fixtures.config), forking)).state
        #expect(arrived.scenario == .forking && arrived.awaiting == nil)
        let step = try #require(arrived.currentStep)
        #expect(step.title.hasSuffix("opens R_MESSAGE_1") && step.action == .receive)

        let back = AppUpdate.update(arrived, .key(.character("f"))).state
        #expect(back.scenario == .basic && back.step == atR1.step, "f again: back to basic, same place")

        for (key, name) in [("r", ScenarioName.retargeting), ("d", .deferred)] {
            var state = atR1
            state.loads[state.key(name)] = Fixtures.loads[name]
            let switched = AppUpdate.update(state, .key(.character(Character(key)))).state
            #expect(switched.scenario == name, "a built scenario switches at once")
            #expect(switched.currentStep?.title.contains("R_MESSAGE_1") == true, "\(name): \(switched.currentStep?.title ?? "")")
        }
    }

    @Test("a scenario that cannot be built shows its error instead of crashing")
    func failedBuild() {
        var state = basic
        state = AppUpdate.update(state, .key(.character("s"))).state
        state = Fixtures.send(state, Fixtures.keys(.end, .enter))
        #expect(state.awaiting == .group)
        state = AppUpdate.update(state, .built(BuildKey(.group, Fixtures.config), .failed("invalid curve parameters: q must divide p + 1"))).state
        #expect(state.scenario == .group && state.failure == "invalid curve parameters: q must divide p + 1")
        let screen = AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(screen.contains("The group scenario could not be built"))
        #expect(screen.contains("invalid curve parameters: q must divide p + 1"))
        // Keys still work: back to a scenario that exists.
        let recovered = AppUpdate.update(state, .key(.character("d"))).state
        #expect(recovered.scenario == .deferred || recovered.awaiting == .deferred || recovered.isLoading)
    }

    @Test("overlays: help, the scenario menu and the value detail take keys; Esc closes them")
    func overlays() {
        let help = AppUpdate.update(basic, .key(.character("?"))).state
        #expect(help.overlay == .help)
        #expect(AppUpdate.update(help, .key(.escape)).state.overlay == nil)
        #expect(AppUpdate.update(help, .key(.character("?"))).state.overlay == nil)
        #expect(AppUpdate.update(help, .key(.right)).state.step == 1, "keys do not step behind an overlay")
        #expect(AppUpdate.update(help, .key(.character("q"))).quit, "q quits even from an overlay")

        let menu = AppUpdate.update(basic, .key(.character("s"))).state
        #expect(menu.overlay == .scenarioMenu(selected: 0))
        let down = Fixtures.send(menu, Fixtures.keys(.down, .down, .up))
        #expect(down.overlay == .scenarioMenu(selected: 1))
        #expect(AppUpdate.update(down, .key(.escape)).state.overlay == nil)
        let chosen = AppUpdate.update(down, .key(.enter)).state
        #expect(chosen.overlay == nil && chosen.awaiting == .forking)

        let detail = AppUpdate.update(Fixtures.state(.basic, at: .learns(.responder, .aP)), .key(.character("v"))).state
        #expect(detail.overlay == .valueDetail, "the focused pane has a value selected")
        let nothing = AppUpdate.update(Fixtures.send(basic, Fixtures.keys(.tab, .tab, .tab)), .key(.character("v"))).state
        #expect(nothing.overlay == nil && nothing.notice != nil, "no value under focus: a notice, no overlay")
    }

    @Test("Tab visits every pane, the wire, the inspector and the narration; Shift-Tab goes back")
    func focus() {
        var state = basic
        var seen: [AppState.Focus] = [state.focus]
        for _ in 0..<5 {
            state = AppUpdate.update(state, .key(.tab)).state
            seen.append(state.focus)
        }
        #expect(seen == [.party(.initiator), .party(.responder), .party(.kms), .wire, .inspector, .narration])
        #expect(AppUpdate.update(state, .key(.tab)).state.focus == .party(.initiator))
        #expect(AppUpdate.update(basic, .key(.backTab)).state.focus == .narration)
    }

    @Test("Up and Down select values in a pane and messages on the wire")
    func selection() throws {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let down = AppUpdate.update(state, .key(.down)).state
        #expect(down.panes.selection[.initiator] != nil)
        let wire = Fixtures.send(state, Fixtures.keys(.backTab, .backTab, .backTab))
        #expect(wire.focus == .wire && wire.inspectedStep == 12)
        let earlier = AppUpdate.update(wire, .key(.up)).state
        #expect(earlier.inspectedStep == 9, "the message before R_MESSAGE_1 is I_MESSAGE_1")
        #expect(AppUpdate.update(earlier, .key(.down)).state.wire.selection == nil, "down to the newest follows the step again")
        let stepped = AppUpdate.update(earlier, .key(.right)).state
        #expect(stepped.wire.selection == nil, "stepping follows the new step")
    }

    @Test("e opens the eavesdropper's pane, k the curious-KMS view, x the hex view, z presenter mode")
    func views() {
        #expect(!basic.showsEve, "Eve does not act in the basic run: her pane starts closed")
        let eve = AppUpdate.update(basic, .key(.character("e"))).state
        #expect(eve.showsEve && eve.visiblePanes.map(\.id).last == .eve)
        #expect(Fixtures.send(eve, Fixtures.keys(.backTab, .backTab, .backTab, .backTab)).focus == .party(.eve), "Tab reaches her pane")
        #expect(!AppUpdate.update(eve, .key(.character("e"))).state.showsEve)
        #expect(Fixtures.state(.eavesdropper).showsEve, "in the eavesdropper scenario she acts: open by default")

        let kms = AppUpdate.update(basic, .key(.character("k"))).state
        #expect(kms.kmsView && kms.focus == .party(.kms))
        #expect(AppUpdate.update(basic, .key(.character("x"))).state.inspector.mode == .hex)
        let presenter = AppUpdate.update(basic, .key(.character("z"))).state
        #expect(presenter.presenter)
        #expect(!AppUpdate.update(presenter, .key(.escape)).state.presenter)
        #expect(!AppUpdate.update(presenter, .key(.character("z"))).state.presenter)
    }

    @Test("autoplay steps once per interval, + and - change the speed, it stops at the end")
    func autoplay() {
        let playing = AppUpdate.update(basic, .key(.character("P"))).state
        #expect(playing.autoplay.isOn)
        let ticksPerStep = Int(playing.autoplay.interval / AppState.tickInterval)
        let after = Fixtures.send(playing, Array(repeating: .tick, count: ticksPerStep))
        #expect(after.step == 2)
        #expect(Fixtures.send(playing, Array(repeating: .tick, count: ticksPerStep - 1)).step == 1)
        let faster = AppUpdate.update(playing, .key(.character("+"))).state
        #expect(faster.autoplay.interval < playing.autoplay.interval)
        #expect(AppUpdate.update(playing, .key(.character("-"))).state.autoplay.interval > playing.autoplay.interval)
        let atEnd = Fixtures.send(AppUpdate.update(playing, .key(.end)).state, Array(repeating: .tick, count: ticksPerStep))
        #expect(!atEnd.autoplay.isOn && atEnd.step == count)
        #expect(!AppUpdate.update(playing, .key(.character("P"))).state.autoplay.isOn)
    }

    @Test("resize keeps the size for clicks; q and Ctrl-C quit")
    func resizeAndQuit() {
        let small = AppUpdate.update(basic, .resize(width: 60, height: 20)).state
        #expect(small.size == Size(width: 60, height: 20))
        let screen = AppView.render(small, size: small.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(screen.contains("terminal too small: 60x20, need 80x24"))
        #expect(AppUpdate.update(basic, .key(.character("q"))).quit)
        #expect(AppUpdate.update(basic, .key(.ctrlC)).quit)
        #expect(!AppUpdate.update(basic, .key(.right)).quit)
    }

    @Test("a click focuses the pane and selects the line or message under it")
    func clicks() throws {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let layout = state.layout
        let responder = try #require(layout.pane(.responder))
        let clicked = AppUpdate.update(state, .click(x: responder.x + 3, y: responder.y + 3)).state
        #expect(clicked.focus == .party(.responder) && clicked.panes.selection[.responder] == 2)
        let wire = try #require(layout.wire)
        // Row 0 inside the frame holds the lane names; row 1 the first message.
        let onMessage = AppUpdate.update(state, .click(x: wire.x + 20, y: wire.y + 2)).state
        #expect(onMessage.focus == .wire && onMessage.inspectedStep == 2)
        let help = AppUpdate.update(state, .key(.character("?"))).state
        #expect(AppUpdate.update(help, .click(x: 0, y: 0)).state.overlay == nil, "a click beside an overlay closes it")
    }

    @Test("in the group's narrow panes a line takes two rows, and a click on either row selects it")
    func stackedClicks() throws {
        let state = Fixtures.state(.group, step: Fixtures.model(.group)?.stepCount ?? 1)
        let layout = state.layout
        #expect(layout.rowsPerLine[.member(1)] == 2)
        #expect(Fixtures.state(.basic, at: Fixtures.keyAgreed).layout.rowsPerLine[.responder] == 1)
        let member = try #require(layout.pane(.member(1)))
        // Rows 0-1 inside the frame hold line 0, rows 2-3 line 1: name above, value below.
        for row in [2, 3] {
            let clicked = AppUpdate.update(state, .click(x: member.x + 3, y: member.y + 1 + row)).state
            #expect(clicked.focus == .party(.member(1)) && clicked.panes.selection[.member(1)] == 1, "row \(row)")
        }
        let screen = AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(screen.contains("group_key   ") && !screen.contains("grou…"), "the name is whole on its own row")
    }
}
