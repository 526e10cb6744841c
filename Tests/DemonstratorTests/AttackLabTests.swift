@testable import Demonstrator
import IBAKE
import Scenarios
import Testing
import TUI
import TUITestSupport
import Tutorials

/// The attack lab in the demonstrator (issue 12): `A` opens the menu for the current
/// step's message, Enter runs the chosen attack as a "what if" branch built like any
/// timeline, Esc returns to the main line at the step the branch was opened at.
@Suite("Demonstrator: attack lab")
struct AttackLabTests {
    /// Basic at I_MESSAGE_1, the inspector on its IBE ciphertext (whose first field is U).
    static func atIMessage1(fieldChosen: Bool) throws -> AppState {
        var state = Fixtures.state(.basic, at: .sends(.iMessage1))
        if fieldChosen {
            let document = try #require(state.model?.inspector[state.step])
            state.focus = .inspector
            let ciphertext = try #require(document.lines.first { $0.name == "Encr data" })
            state.inspector.selection = ciphertext
        }
        return state
    }

    static func branch(_ state: AppState) -> AppState {
        Fixtures.deliverBuilds(Fixtures.send(state, Fixtures.keys(.character("A"), .enter)))
    }

    @Test("A on a step without a message offers what needs none: Eve's own exchange and the leaks; each builds")
    func noMessage() throws {
        let state = Fixtures.send(Fixtures.state(.basic, step: 1), Fixtures.keys(.character("A")))
        let menu = try #require(AttackMenuContent(state))
        #expect(menu.message == nil)
        #expect(menu.entries[0].heading && menu.entries[0].attack == nil)
        #expect(menu.entries.compactMap(\.attack?.action) == [.impersonate(.initiator), .impersonate(.responder)]
                + LeakedKey.allCases.map { .leak($0) })
        #expect(state.overlay == .attackMenu(selected: 1))
        // leak s: Eve holds the master secret in the branch, and the branch says so.
        let leak = try #require(menu.entries.firstIndex { $0.attack?.action == .leak(.masterSecret) })
        let branch = Fixtures.deliverBuilds(Fixtures.send(state, Array(repeating: .key(.down), count: leak - 1) + Fixtures.keys(.enter)))
        #expect(branch.branch?.title == "leak s after step 1")
        let last = try #require(branch.model?.timeline.steps.last)
        #expect(last.ledger.knows(.eve, .masterSecret))
        #expect(Fixtures.model(.basic)?.timeline.steps.last?.ledger.knows(.eve, .masterSecret) == false)
    }

    @Test("an unseeded session says why it cannot attack: a branch replays the run")
    func unseeded() throws {
        var state = Fixtures.state(.basic, step: 9)
        state.config.seed = nil
        let after = Fixtures.send(state, Fixtures.keys(.character("A")))
        #expect(after.overlay == nil && after.notice?.contains("--seed") == true)
    }

    @Test("without a chosen field the menu says how to choose one, and the highlight starts on drop")
    func menuWithoutField() throws {
        let state = Fixtures.send(try Self.atIMessage1(fieldChosen: false), Fixtures.keys(.character("A")))
        let menu = try #require(AttackMenuContent(state))
        #expect(menu.message == "I_MESSAGE_1")
        #expect(menu.entries[0].attack == nil && menu.entries[0].label.contains("Tab to the inspector"))
        #expect(menu.entries.compactMap(\.attack?.action).prefix(7) == [.drop, .delay(seconds: 600), .replay(.iMessage1, afterSeconds: 60),
                                                                      .redirect(.initiator), .redirect(.kms),
                                                                      .substituteShare, .rogueKMS])
        #expect(state.overlay == .attackMenu(selected: 1))
        // Up does not land on the line that offers nothing; Esc closes.
        #expect(Fixtures.send(state, Fixtures.keys(.up)).overlay == .attackMenu(selected: 1))
        #expect(Fixtures.send(state, Fixtures.keys(.down)).overlay == .attackMenu(selected: 2))
        #expect(Fixtures.send(state, Fixtures.keys(.escape)).overlay == nil)
    }

    @Test("flip offers the inspector's field; Enter shows the branch at the same step, marked what if")
    func flipBranch() throws {
        let start = try Self.atIMessage1(fieldChosen: true)
        let opened = Fixtures.send(start, Fixtures.keys(.character("A")))
        #expect(opened.overlay == .attackMenu(selected: 0))
        #expect(try #require(AttackMenuContent(opened)).entries[0].attack?.action == .flip(field: "IBAKE.U", bit: nil))
        let chosen = Fixtures.send(opened, Fixtures.keys(.enter))
        // Built in the background like any timeline: the shell is asked for it.
        #expect(chosen.wantedBuilds.first?.attacks == [Attack(step: start.step, action: .flip(field: "IBAKE.U", bit: nil))])
        let state = Fixtures.deliverBuilds(chosen)
        #expect(state.step == start.step)
        #expect(state.branch?.title == "flip IBAKE.U at I_MESSAGE_1")
        #expect(state.model?.timeline.steps.contains(where: \.branch) == true)
        #expect(StatusContent(state, separator: "·").name == "basic · what if: flip IBAKE.U at I_MESSAGE_1")
        // Stepping on plays the branch: the responder refuses the altered message.
        let refusal = try #require(state.model?.timeline.steps.first { $0.branch && $0.action == .refuse })
        let there = Fixtures.send(state, Array(repeating: .key(.right), count: refusal.index - state.step))
        #expect(there.currentStep?.action == .refuse && there.currentStep?.actor == .responder)
        #expect(try #require(PresenterSlide(state: there)).headline.hasPrefix("refused: "))
        // A again inside a branch explains instead of stacking attacks.
        #expect(Fixtures.send(there, Fixtures.keys(.character("A"))).overlay == nil)
    }

    @Test("Esc leaves the branch for the main line at the step it was opened at; without a branch it does nothing")
    func leaveBranch() throws {
        let start = try Self.atIMessage1(fieldChosen: true)
        let branch = Fixtures.send(Self.branch(start), Fixtures.keys(.right, .right))
        let back = Fixtures.send(branch, Fixtures.keys(.escape))
        #expect(back.branch == nil && back.step == start.step)
        #expect(back.model?.stepCount == Fixtures.model(.basic)?.stepCount)
        #expect(back.model?.timeline.steps.contains(where: \.branch) == false)
        #expect(Fixtures.send(start, Fixtures.keys(.escape)).step == start.step)
        // Presenter mode takes Esc first: it leaves presenter mode, the branch stays.
        let presenting = Fixtures.send(branch, Fixtures.keys(.character("z"), .escape))
        #expect(!presenting.presenter && presenting.branch != nil)
    }

    @Test("switching scenario leaves the branch")
    func switchLeaves() throws {
        let branch = Self.branch(try Self.atIMessage1(fieldChosen: true))
        let forking = Fixtures.deliverBuilds(Fixtures.send(branch, Fixtures.keys(.character("f"))))
        #expect(forking.scenario == .forking && forking.branch == nil)
    }

    @Test("a branch at 120x40 and at 80x24: the status line and the wire say what if")
    func golden() throws {
        let start = try Self.atIMessage1(fieldChosen: true)
        let state = Fixtures.send(Self.branch(start), Fixtures.keys(.right, .right))
        let screen = AppView.render(state, size: Size(width: 120, height: 40), theme: .color, glyphs: .unicode)
        try assertSnapshot(screen, named: "attack-branch-flip-U-120x40")
        #expect(screen.plainText().contains("what if: flip IBAKE.U at I_MESSAGE_1"))
        var small = Fixtures.send(Self.branch(start), Fixtures.keys(.right, .right))
        small = AppUpdate.update(small, .event(.resize(width: 80, height: 24))).state
        let compact = AppView.render(small, size: Size(width: 80, height: 24), theme: .color, glyphs: .unicode)
        try assertSnapshot(compact, named: "attack-branch-flip-U-80x24")
        let menu = Fixtures.send(start, Fixtures.keys(.character("A")))
        try assertSnapshot(AppView.render(menu, size: Size(width: 120, height: 40), theme: .color, glyphs: .unicode),
                           named: "attack-menu-120x40")
    }

    @Test("in a tutorial: a section's attack is its run; A elsewhere opens the reader's own what if, Esc returns to the section's run")
    func inATutorial() throws {
        let document = try #require(Fixtures.tutorials.first { $0.id == "break-it" })
        let resolved = try document.resolve(with: TimelineCache())
        let attacked = try #require(resolved.firstIndex { !$0.scene.attacks.isEmpty })
        let plainSection = try #require(resolved.firstIndex { $0.scene.attacks.isEmpty })
        // A section with attack= shows that branch, and A says it already is a what if.
        let section = try Fixtures.tutorial("break-it", section: attacked)
        #expect(section.branch?.attacks == resolved[attacked].scene.attacks)
        #expect(section.model?.timeline.steps.contains(where: \.branch) == true)
        #expect(Fixtures.send(section, Fixtures.keys(.escape)).branch == section.branch)
        let again = Fixtures.send(section, Fixtures.keys(.character("A")))
        #expect(again.overlay == nil && again.notice?.contains("already shows a what if") == true)
        // A plain section: the reader's own attack, then Esc back to the section's run.
        let plain = try Fixtures.tutorial("break-it", section: plainSection)
        #expect(plain.branch == nil)
        let mine = Fixtures.deliverBuilds(Fixtures.send(plain, Fixtures.keys(.character("A"), .enter)))
        #expect(mine.branch != nil && mine.tutorial?.section == plainSection)
        let panel = AppView.render(mine, size: Size(width: 120, height: 40), theme: .color, glyphs: .unicode).plainText()
        #expect(panel.contains("your what if"))
        let back = Fixtures.send(mine, Fixtures.keys(.escape))
        #expect(back.branch == nil && back.step == plain.step)
    }
}
