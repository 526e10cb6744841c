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
}
