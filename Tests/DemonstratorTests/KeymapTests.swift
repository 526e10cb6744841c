import Demonstrator
import Foundation
import Scenarios
import Testing
import TUI
import TUITestSupport

/// The keymap is the one source of the keys: no key bound twice in a context, every
/// action reachable, every key documented, the README's table rendered from it, and
/// a key event in each context doing what its row says.
@Suite("Demonstrator: keymap")
struct KeymapTests {
    /// Every chain `KeyContext.active` produces, one state each.
    static func states() throws -> [(chain: [KeyContext], state: AppState)] {
        let demo = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        let tutorial = try Fixtures.tutorial("exchange", section: 2)
        func with(_ state: AppState, _ keys: Key...) -> AppState { Fixtures.send(state, keys.map { .key($0) }) }
        let states = [
            demo, tutorial, with(demo, .character("z")), with(tutorial, .character("z")),
            with(demo, .character("?")), with(demo, .character("s")), with(demo, .tab, .down, .down, .down, .down, .character("v")),
            with(demo, .character("w")), with(demo, .character(":")),
            with(Fixtures.state(.basic, at: .sends(.iMessage1)), .character("A")), with(demo, .character("m")),
            try Fixtures.liveCaller(),
        ]
        return states.map { (KeyContext.active($0), $0) }
    }

    @Test("the states cover every context, presenter mode over the demo and over a tutorial")
    func chains() throws {
        let chains = try Self.states().map(\.chain)
        #expect(chains == [[.demo], [.tutorial], [.presenter, .demo], [.presenter, .tutorial], [.help], [.scenarioMenu],
                           [.valueDetail], [.whoKnows, .demo], [.goTo], [.attackMenu], [.modes], [.party]])
        #expect(Set(chains.flatMap { $0 }) == Set(KeyContext.allCases))
    }

    @Test("within each context no key is bound twice")
    func unique() {
        for context in KeyContext.allCases {
            let keys = Keymap.rows(in: context).flatMap(\.keys)
            let twice = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys
            #expect(twice.isEmpty, "\(context.title): \(twice.map(\.description).sorted())")
        }
    }

    @Test("every action is reached by some key in some context, and every row by one of its keys")
    func reachable() throws {
        let chains = try Self.states().map(\.chain)
        var reached = Set<KeyAction>()
        var shown = Set<String>()
        for chain in chains {
            for key in Set(Keymap.rows.flatMap(\.keys)) {
                if let action = Keymap.action(for: key, in: chain) { reached.insert(action) }
            }
            shown.formUnion(Keymap.visibleRows(in: chain).map(\.help))
        }
        #expect(Set(KeyAction.allCases).subtracting(reached).isEmpty, "unreachable: \(Set(KeyAction.allCases).subtracting(reached))")
        #expect(Set(Keymap.rows.map(\.help)).subtracting(shown).isEmpty, "rows no key reaches")
    }

    @Test("every key of a screen is named in its help overlay; an overlay's keys in the README table")
    func documented() throws {
        let table = Keymap.markdownTable()
        for (chain, state) in try Self.states() {
            let bound = Set(chain.flatMap { Keymap.rows(in: $0).flatMap(\.keys) })
            if state.overlay == nil {
                let names = Set(Keymap.helpEntries(for: chain, .unicode).flatMap { $0.key.split(separator: " ").map(String.init) })
                for key in bound {
                    #expect(names.contains(Keymap.name(key, .screen(.unicode))), "\(chain.map(\.title)): \(key)")
                }
            } else {
                for key in bound {
                    let name = Keymap.name(key, .markdown)
                    #expect(table.split(separator: "\n").contains { $0.contains(name) && ($0.contains(chain[0].title) || $0.contains("everywhere")) },
                            "\(chain[0].title): \(key)")
                }
            }
        }
    }

    @Test("a is the answer in a tutorial and nothing else anywhere; P is autoplay, in the demo only")
    func answerAndAutoplay() {
        for context in KeyContext.allCases {
            let answer = Keymap.action(for: .character("a"), in: [context])
            #expect(answer == nil || answer == .toggleAnswer || answer == context.otherKeys, "\(context.title)")
            let play = Keymap.action(for: .character("P"), in: [context])
            #expect(play == nil || play == .toggleAutoplay || play == context.otherKeys, "\(context.title)")
        }
        #expect(Keymap.action(for: .character("a"), in: [.tutorial]) == .toggleAnswer)
        #expect(Keymap.action(for: .character("P"), in: [.demo]) == .toggleAutoplay)
    }

    @Test("the README's key table is the keymap's")
    func readme() throws {
        let readme = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = Keymap.markdownTable()
        #expect(readme.contains(table), "README.md should contain:\n\(table)")
    }

    @Test("the commands' --help name the main keys of the demo and of a tutorial")
    func summaries() {
        #expect(Keymap.summary(.demo).hasPrefix("Left/Right step, : go to, Tab focus"))
        #expect(Keymap.summary(.demo).contains("P play") && Keymap.summary(.demo).hasSuffix("? help, q quit"))
        #expect(Keymap.summary(.tutorial).hasPrefix("Enter next, Backspace back, a answer, n/p step"))
    }

    // MARK: Dispatch, one context at a time

    @Test("demo: P plays, + and - change the pace, a does nothing, s opens the menu")
    func demo() {
        let state = Fixtures.state(.basic, at: Fixtures.keyAgreed)
        #expect(AppUpdate.update(state, .key(.character("P"))).state.autoplay.isOn)
        #expect(AppUpdate.update(state, .key(.character("="))).state.autoplay.speed == state.autoplay.speed - 1)
        #expect(AppUpdate.update(state, .key(.character("_"))).state.autoplay.speed == state.autoplay.speed + 1)
        let a = AppUpdate.update(state, .key(.character("a"))).state
        #expect(!a.autoplay.isOn && a.step == state.step && a.overlay == nil && a.notice == nil)
        #expect(AppUpdate.update(state, .key(.character("s"))).state.overlay == .scenarioMenu(selected: 0))
        #expect(AppUpdate.update(state, .key(.escape)).state.presenter == false)
    }

    @Test("tutorial: a shows the answer, P and + do nothing, PgDn scrolls the text, Enter goes on")
    func tutorial() throws {
        let state = try Fixtures.tutorial("exchange", section: 2, size: Size(width: 80, height: 24))
        #expect(AppUpdate.update(state, .key(.character("a"))).state.tutorial?.answerShown == true)
        let play = AppUpdate.update(state, .key(.character("P"))).state
        #expect(!play.autoplay.isOn && play.notice == nil)
        let long = try Fixtures.tutorial("why", section: 1, size: Size(width: 80, height: 24))
        let scrolled = AppUpdate.update(long, .key(.pageDown)).state
        #expect(scrolled.tutorial?.scroll ?? 0 > 0)
        #expect(AppUpdate.update(scrolled, .key(.pageUp)).state.tutorial?.scroll == 0)
        #expect(AppUpdate.update(state, .key(.enter)).state.tutorial?.section == 3)
        #expect(AppUpdate.update(state, .key(.character("n"))).state.step == state.step + 1)
    }

    @Test("presenter mode: z and Esc leave it, the demo's and the tutorial's keys still work")
    func presenter() throws {
        for start in [Fixtures.state(.basic, at: Fixtures.keyAgreed), try Fixtures.tutorial("exchange", section: 2)] {
            let presenting = AppUpdate.update(start, .key(.character("z"))).state
            #expect(presenting.presenter)
            #expect(!AppUpdate.update(presenting, .key(.escape)).state.presenter)
            #expect(!AppUpdate.update(presenting, .key(.character("z"))).state.presenter)
            #expect(AppUpdate.update(presenting, .key(.character("?"))).state.overlay == .help)
        }
    }

    @Test("overlays: their own keys, any other key closes, q quits")
    func overlays() throws {
        let states = try Self.states()
        let help = states[4].state, menu = states[5].state, detail = states[6].state
        let closed = AppUpdate.update(help, .key(.character("x"))).state
        #expect(closed.overlay == nil && closed.inspector.mode == help.inspector.mode, "x closes the help, nothing more")
        #expect(AppUpdate.update(help, .key(.ctrlC)).quit)
        #expect(AppUpdate.update(menu, .key(.down)).state.overlay == .scenarioMenu(selected: 1))
        #expect(AppUpdate.update(menu, .key(.end)).state.overlay == .scenarioMenu(selected: ScenarioName.ibakeScenarios.count - 1))
        #expect(AppUpdate.update(menu, .key(.escape)).state.overlay == nil)
        #expect(AppUpdate.update(menu, .key(.character("q"))).quit)
        let down = AppUpdate.update(detail, .key(.down)).state
        #expect(down.overlay == .valueDetail && down.panes != detail.panes)
        #expect(AppUpdate.update(detail, .key(.character("v"))).state.overlay == nil)
    }
}
