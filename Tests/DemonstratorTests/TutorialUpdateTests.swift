import Demonstrator
import IBAKE
import IBE
import Scenarios
import Testing
import TUI
import Tutorials

/// A tutorial played in the demonstrator: section navigation, the demo following the
/// text, the answer, the focus values, scrolling, and the keys a tutorial turns off.
@Suite("Demonstrator: tutorial mode")
struct TutorialUpdateTests {
    func exchange(section: Int = 0, size: Size = Size(width: 120, height: 40)) throws -> AppState {
        try Fixtures.tutorial("exchange", section: section, size: size)
    }

    @Test("a tutorial asks for every timeline it needs, the first section's first, and waits for it")
    func startsBuilding() throws {
        let document = try #require(Fixtures.tutorials.first { $0.id == "retargeting" })
        let play = try TutorialPlay(document: document, parameterSet: ParameterSet.named)
        let state = AppState(tutorial: play, size: Size(width: 120, height: 40))
        #expect(state.isLoading && state.tutorial?.placed == false)
        #expect(state.wantedBuilds.first == play.scenes[0].key)
        // The last section refuses: the same scenario under another policy is another build.
        let policies = Set(state.wantedBuilds.filter { $0.scenario == .retargeting }.map(\.config.policy))
        #expect(policies == [.continue, .refuse])
        let built = Fixtures.deliverBuilds(state)
        #expect(built.tutorial?.placed == true && built.wantedBuilds.isEmpty)
    }

    @Test("Enter, Space and Right go to the next section, Backspace and Left back; the ends say so")
    func navigation() throws {
        let first = try exchange()
        #expect(first.tutorial?.section == 0)
        for key: Key in [.enter, .character(" "), .right] {
            #expect(AppUpdate.update(first, .key(key)).state.tutorial?.section == 1, "\(key)")
        }
        let third = Fixtures.send(first, Fixtures.keys(.enter, .enter))
        for key: Key in [.backspace, .left] {
            #expect(AppUpdate.update(third, .key(key)).state.tutorial?.section == 1, "\(key)")
        }
        let back = AppUpdate.update(first, .key(.backspace)).state
        #expect(back.tutorial?.section == 0 && back.notice?.contains("first section") == true)
        let last = try exchange(section: 9)
        let past = AppUpdate.update(last, .key(.enter)).state
        #expect(past.tutorial?.section == 9 && past.notice?.contains("last section") == true)
        #expect(AppUpdate.update(last, .key(.character("q"))).quit)
    }

    @Test("every section of every tutorial puts the demo at the scenario and step the text names")
    func theDemoFollows() throws {
        let cache = TimelineCache()
        for document in Fixtures.tutorials {
            let resolved = try document.resolve(with: cache)
            var state = try Fixtures.tutorial(document.id)
            for (index, entry) in resolved.enumerated() {
                #expect(state.tutorial?.section == index)
                #expect(state.scenario == entry.scene.scenario && state.config.policy == entry.scene.policy,
                        "\(document.id) section \(index + 1)")
                #expect(state.step == entry.stepIndex + 1, "\(document.id) section \(index + 1)")
                #expect(state.currentStep?.title == entry.step.title)
                state = AppUpdate.update(state, .key(.enter)).state
            }
        }
    }

    @Test("a reveals the section's answer and hides it again; it stays revealed when coming back")
    func answer() throws {
        let question = try exchange(section: 2)
        #expect(question.tutorial?.current.question != nil && question.tutorial?.answerShown == false)
        let shown = AppUpdate.update(question, .key(.character("a"))).state
        #expect(shown.tutorial?.answerShown == true)
        #expect(shown.autoplay.isOn == false, "a is the answer in a tutorial, not autoplay")
        #expect(AppUpdate.update(shown, .key(.character("a"))).state.tutorial?.answerShown == false)
        let again = Fixtures.send(shown, Fixtures.keys(.enter, .backspace))
        #expect(again.tutorial?.section == 2 && again.tutorial?.answerShown == true)
        let noQuestion = AppUpdate.update(try exchange(), .key(.character("a"))).state
        #expect(noQuestion.tutorial?.answerShown == false && noQuestion.notice == "this section asks no question")
    }

    @Test("the answer shows in the panel only once revealed")
    func answerOnScreen() throws {
        let question = try exchange(section: 2)
        let answer = "Only a holder of R's"
        let hidden = AppView.render(question, size: question.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(hidden.contains("Question: Who can read the aP inside") && hidden.contains("a: show the answer"))
        #expect(!hidden.contains(answer))
        let shown = AppUpdate.update(question, .key(.character("a"))).state
        #expect(AppView.render(shown, size: shown.size, theme: .mono, glyphs: .unicode).plainText().contains("Answer: " + answer))
    }

    @Test("n and p step the demo inside the section; g goes back to its step; claims follow the demo")
    func exploring() throws {
        let state = try exchange(section: 3)
        #expect(state.step == Fixtures.step(.basic, .learns(.responder, .aP)), "the section where R reads aP")
        let back = AppUpdate.update(state, .key(.character("p"))).state
        #expect(back.step == state.step - 1 && back.tutorial?.section == 3)
        let screen = AppView.render(back, size: back.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(screen.contains("✗ The responder holds aP."), "one step earlier R does not hold aP yet")
        #expect(AppUpdate.update(back, .key(.character("n"))).state.step == state.step)
        #expect(AppUpdate.update(back, .key(.character("g"))).state.step == 10)
        let onStep = AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(onStep.contains("✓ The responder holds aP.") && onStep.contains("✓ The responder does not hold abP."))
    }

    @Test("the scenario keys and autoplay are off in a tutorial, with a word why")
    func scenarioKeysOff() throws {
        let state = try exchange(section: 2)
        for key in ["s", "f", "r", "d"] {
            let after = AppUpdate.update(state, .key(.character(Character(key)))).state
            #expect(after.scenario == .basic && after.awaiting == nil && after.overlay == nil, "\(key)")
            #expect(after.notice?.contains("each section chooses the scenario") == true)
        }
        #expect(AppUpdate.update(state, .key(.character("+"))).state.autoplay == state.autoplay)
        #expect(AppUpdate.update(state, .key(.character("P"))).state.autoplay == state.autoplay)
        #expect(AppUpdate.update(state, .key(.character("?"))).state.overlay == .help)
    }

    @Test("a section's focus value gets the pane's focus and stays highlighted")
    func focusValue() throws {
        let state = try exchange(section: 4)   // R picks b and already holds abP: focus responder abP
        #expect(state.focus == .party(.responder))
        func abPName(_ state: AppState) throws -> Style? {
            let screen = AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode)
            let pane = try #require(state.layout.pane(.responder))
            let rows = screen.plainText().split(separator: "\n", omittingEmptySubsequences: false)
            let y = try #require((pane.y..<pane.maxY).first { rows[$0].dropFirst(pane.x).prefix(pane.width).contains(" abP ") })
            return screen.cell(x: pane.x + 4, y: y)?.style   // frame, margin, mark, space
        }
        // Focused: it is the pane's selection (reversed), so v shows it in full.
        let selected = try abPName(state)
        #expect(selected == Theme.mono.selection)
        #expect(AppUpdate.update(state, .key(.character("v"))).state.overlay == .valueDetail)
        // Focus elsewhere: still marked, in bold.
        let marked = try abPName(AppUpdate.update(state, .key(.tab)).state)
        #expect(marked == Theme.mono.focusedBorder)
        let eve = try Fixtures.tutorial("secrecy", section: 2)
        #expect(eve.showsEve && eve.focus == .party(.eve), "a focus on Eve's value puts her pane forward")
    }

    @Test("the tutorial text scrolls with PgDn and PgUp, and with Up and Down when it has focus")
    func scrolling() throws {
        let state = try Fixtures.tutorial("why", section: 1, size: Size(width: 80, height: 24))
        let down = AppUpdate.update(state, .key(.pageDown)).state
        let scroll = try #require(down.tutorial?.scroll)
        #expect(scroll > 0)
        let far = Fixtures.send(down, Array(repeating: .key(.pageDown), count: 20))
        #expect((far.tutorial?.scroll ?? 0) < 40, "scrolling stops at the end of the text")
        #expect(AppUpdate.update(far, .key(.pageUp)).state.tutorial?.scroll ?? 0 < far.tutorial?.scroll ?? 0)
        var focused = state
        while focused.focus != .tutorial { focused = AppUpdate.update(focused, .key(.tab)).state }
        #expect(!focused.layout.panes.isEmpty)
        #expect(AppUpdate.update(focused, .key(.down)).state.tutorial?.scroll == 1)
        #expect(AppUpdate.update(state, .key(.enter)).state.tutorial?.scroll == 0, "a new section starts at its top")
    }

    @Test("Tab reaches the tutorial text; at 80x24 the text replaces the wire and inspector")
    func focusOrder() throws {
        var state = try exchange(size: Size(width: 80, height: 24))
        var seen = [state.focus]
        for _ in 0..<4 {
            state = AppUpdate.update(state, .key(.tab)).state
            seen.append(state.focus)
        }
        #expect(seen == [.party(.responder), .party(.kms), .tutorial, .party(.initiator), .party(.responder)])
        let large = try exchange()
        #expect(large.layout.wire != nil, "beside the text at 120x40 the wire stays")
    }

    @Test("a click on the tutorial text gives it focus")
    func click() throws {
        let state = try exchange()
        let text = try #require(state.layout.tutorial)
        #expect(AppUpdate.update(state, .click(x: text.x + 3, y: text.y + 3)).state.focus == .tutorial)
    }

    @Test("z toggles presenter mode in a tutorial too; the text stays beside it")
    func presenter() throws {
        let state = AppUpdate.update(try exchange(section: 4), .key(.character("z"))).state
        #expect(state.presenter)
        let layout = state.layout
        #expect(layout.presenter != nil && layout.tutorial != nil && layout.panes.isEmpty)
        #expect(AppUpdate.update(state, .key(.enter)).state.tutorial?.section == 5, "Enter still goes on")
    }
}
