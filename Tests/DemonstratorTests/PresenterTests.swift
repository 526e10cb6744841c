@testable import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI

/// Presenter mode's choices: what makes the headline, and how large it can be drawn.
@Suite("Demonstrator: presenter mode")
struct PresenterTests {
    @Test("the headline is the largest block layout that fits, on two lines only for a long title")
    func headlineScale() throws {
        let value = try #require(BlockHeadline.fit("abP", width: 116, rows: 30))
        #expect(value.scale == .init(x: 4, y: 2) && value.height == 10)
        #expect(BlockHeadline.fit("I_MESSAGE_1", width: 116, rows: 30)?.scale == .init(x: 2, y: 1))
        #expect(BlockHeadline.fit("REQUEST_KEY_RESP", width: 116, rows: 30)?.scale == .init(x: 1, y: 1))
        let title = try #require(BlockHeadline.fit("I sends I_MESSAGE_1", width: 74, rows: 20))
        #expect(title.lines == ["I sends", "I_MESSAGE_1"] && title.scale == .init(x: 1, y: 1))
        #expect(BlockHeadline.fit("abP", width: 116, rows: 4) == nil, "too low: plain text")
        #expect(BlockHeadline.fit("M1 computes X1 = r1·(z2 − z4)", width: 116, rows: 30) == nil, "· and − are not in the font")
    }

    @Test("a send step heads with its message, a reveal with the telling value, anything else with its title")
    func slides() throws {
        func slide(_ name: ScenarioName, _ step: Int?) throws -> PresenterSlide {
            let index = try #require(step)
            return try #require(PresenterSlide(state: Fixtures.state(name, step: index)))
        }
        let basic = try #require(Fixtures.model(.basic)?.timeline)
        #expect(try slide(.basic, basic.steps(sending: .iMessage1).first?.index).headline == "I_MESSAGE_1")
        let abP = try slide(.basic, Fixtures.firstStep(.basic, where: .initiator, knows: .abP))
        guard case .reveal(.abP, let learned, let cannot) = abP.kind else { Issue.record("\(abP.kind)"); return }
        #expect(learned.map(\.party.id) == [.initiator] && cannot.map(\.party.id) == [.eve])
        #expect(try slide(.basic, Fixtures.firstStep(.basic, where: .initiator, knows: .aP)).headline == "aP",
                "I picks a and computes aP: aP, not a, CSB ID or RAND")
        #expect(try slide(.basic, 1).headline == "sP")
        let refusal = try slide(.tamper, Fixtures.refusals(.tamper).first)
        #expect(refusal.headline == refusal.step.title)
    }
}

@Suite("Word wrapping counts terminal columns")
struct TextWrapWidthTests {
    @Test("wide characters wrap at their columns, combining marks count nothing")
    func wrapping() {
        let cjk = TextWrap.lines("鍵鍵鍵 鍵鍵 鍵", width: 7)
        #expect(cjk == ["鍵鍵鍵", "鍵鍵 鍵"])
        #expect(cjk.allSatisfy { TextWidth.columns($0) <= 7 })
        #expect(TextWrap.lines("鍵鍵鍵 鍵鍵 鍵", width: 6) == ["鍵鍵鍵", "鍵鍵", "鍵"], "one column short: 鍵鍵 鍵 takes 7")
        #expect(TextWrap.lines("鍵鍵鍵鍵", width: 3) == ["鍵", "鍵", "鍵", "鍵"], "a long word is cut between characters")
        #expect(TextWrap.lines("鍵", width: 1) == ["鍵"], "a wide character alone in a one-column line is kept, not lost")
        let accents = TextWrap.lines("re\u{301}sume\u{301} cafe\u{301} ole\u{301}", width: 11)
        #expect(accents == ["re\u{301}sume\u{301} cafe\u{301}", "ole\u{301}"])
        let cut = TextWrap.lines("鍵鍵 鍵鍵 鍵鍵", width: 4, maxLines: 2, ellipsis: "…")
        #expect(cut == ["鍵鍵", "鍵…"])
    }
}
