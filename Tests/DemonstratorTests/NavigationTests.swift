import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI

/// Long runs are walkable: `]` and `[` jump by message, `:` goes to any step named as
/// a tutorial names it.
@Suite("Demonstrator: navigation")
struct NavigationTests {
    func press(_ state: AppState, _ keys: Key...) -> AppState { Fixtures.send(state, keys.map { .key($0) }) }
    func type(_ state: AppState, _ text: String) -> AppState { Fixtures.send(state, text.map { .key(.character($0)) }) }

    @Test("] and [ move to the next and previous step that sends a message, and stop at the ends")
    func messages() throws {
        let model = try #require(Fixtures.model(.group))
        let start = Fixtures.state(.group, step: 1)
        let first = press(start, .character("]"))
        #expect(first.step == model.messageSteps[0])
        #expect(press(first, .character("]")).step == model.messageSteps[1])
        #expect(press(first, .character("[")).step == first.step, "no message before the first: stays")
        let last = Fixtures.state(.group, at: .last)
        #expect(press(last, .character("[")).step == model.messageSteps.last { $0 < last.step })
    }

    @Test(": takes a number or a reference; a miss keeps the prompt with the reason; Esc leaves")
    func goTo() throws {
        let start = Fixtures.state(.basic, step: 1)
        let open = press(start, .character(":"))
        #expect(open.overlay == .goTo(text: "", error: nil) && KeyContext.active(open) == [.goTo])
        #expect(press(type(open, "13"), .enter).step == 13 && press(type(open, "13"), .enter).overlay == nil)
        let received = press(type(open, "receive:R_MESSAGE_1"), .enter)
        #expect(received.step == Fixtures.step(.basic, .learns(.initiator, .abP)), "I opens R_MESSAGE_1 where it learns abP")
        let typo = press(type(open, "recieve:R_MESSAGE_1"), .enter)
        guard case .goTo(_, let error?)? = typo.overlay else { Issue.record("the prompt stays with a reason"); return }
        #expect(error.contains("recieve") && typo.step == 1)
        let tooFar = press(type(open, "999"), .enter)
        guard case .goTo(_, let far?)? = tooFar.overlay else { Issue.record("999 names no step"); return }
        #expect(far.contains("1 to 19"))
        #expect(press(type(open, "q1"), .backspace, .backspace).overlay == .goTo(text: "", error: nil), "q is typed, not quit")
        #expect(press(type(open, "12"), .escape).overlay == nil && press(type(open, "12"), .escape).step == 1)
    }

    /// The phases of a run in order, each once.
    static func phases(_ name: ScenarioName) -> [String] {
        (Fixtures.model(name)?.timeline.steps ?? []).map(\.phase.name).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
    }

    @Test("runs are in named phases; } and { walk them; the status line names the phase")
    func phases() throws {
        #expect(Self.phases(.basic) == ["provisioning", "exchange", "media"])
        #expect(Self.phases(.group) == ["provisioning", "agreement", "join", "leave"])
        #expect(Self.phases(.deferred) == ["provisioning", "exchange", "deposit", "provisioning", "pickup"])
        #expect(Self.phases(.forwardSecrecy).last == "leak")
        let model = try #require(Fixtures.model(.group))
        let steps = model.timeline.steps
        var state = Fixtures.state(.group, step: 1)
        var visited = [String]()
        for _ in 0..<4 {
            state = press(state, .character("}"))
            visited.append(steps[state.step - 1].phase.name)
            #expect(steps[state.step - 2].phase != steps[state.step - 1].phase, "a phase's first step")
        }
        #expect(visited == ["agreement", "join", "leave", "leave"], "the last phase: stays")
        let inJoin = Fixtures.state(.group, step: try #require(steps.first { $0.phase.name == "join" }).index + 5)
        let back = press(inJoin, .character("{"))
        #expect(steps[back.step - 1].phase.name == "join" && steps[back.step - 2].phase.name == "agreement", "{ goes to this phase's start")
        #expect(steps[press(back, .character("{")).step - 1].phase.name == "agreement", "then to the previous phase's")
        let screen = AppView.render(inJoin, size: inJoin.size, theme: .mono, glyphs: .unicode).plainText()
        #expect(screen.split(separator: "\n").last?.contains("· join ·") == true)
    }

    @Test("the help scrolls on a low screen, so its last row (the click) can be read at 80x24")
    func helpScrolls() throws {
        let size = Size(width: 80, height: 24)
        let help = press(Fixtures.state(.basic, at: Fixtures.keyAgreed, size: size), .character("?"))
        func text(_ state: AppState) -> String { AppView.render(state, size: size, theme: .mono, glyphs: .unicode).plainText() }
        let last = "select a pane, a value, a message or the text"
        #expect(!text(help).contains(last) && text(help).contains("below"))
        var scrolled = help
        for _ in 0..<30 { scrolled = press(scrolled, .down) }
        #expect(text(scrolled).contains(last) && !text(scrolled).contains("below"), "the list's end")
        #expect(press(scrolled, .escape).overlay == nil && press(help, .character("x")).overlay == nil, "other keys still close it")
    }
}
