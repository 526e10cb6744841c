import Demonstrator
import Scenarios
import Testing
import TUI

/// `m` (issue 13): MIKEY's modes side by side, their rows from the runs the shell builds,
/// and Enter opening a mode's run in the panes.
@Suite("Demonstrator: the modes table")
struct ModesViewTests {
    static func text(_ state: AppState) -> String {
        AppView.render(state, size: state.size, theme: .mono, glyphs: .unicode).plainText()
    }

    @Test("m asks for every mode's runs; until they arrive a row says it is measuring, then shows what the runs showed")
    func rowsFillInAsRunsArrive() {
        let opened = AppUpdate.update(Fixtures.state(.basic), .key(.character("m"))).state
        #expect(opened.overlay == .modes(selected: MIKEYMode.allCases.firstIndex(of: .ibake) ?? -1), "the mode on screen is chosen")
        let wanted = Set(opened.wantedBuilds.map(\.scenario))
        #expect(wanted.isSuperset(of: Set(MIKEYMode.allCases.flatMap(\.runs)).subtracting([.basic])))
        let waiting = Self.text(opened)
        #expect(waiting.contains("MIKEY-SAKKE") && waiting.contains("measuring"))
        let built = Fixtures.deliverBuilds(opened)
        let table = Self.text(built)
        #expect(!table.contains("measuring"))
        let sakke = table.split(separator: "\n").first { $0.contains("MIKEY-SAKKE") }.map(String.init) ?? ""
        #expect(sakke.contains("KMS") && sakke.contains(" no "), "SAKKE: escrow to the KMS, no forward secrecy: \(sakke)")
        let ibake = table.split(separator: "\n").first { $0.contains("MIKEY-IBAKE") }.map(String.init) ?? ""
        #expect(ibake.contains("I+R") && ibake.contains("none"), "IBAKE: both contribute, no escrow: \(ibake)")
    }

    @Test("Up and Enter open the chosen mode's run at the step that means the same; Esc closes; 80x24 keeps the key columns")
    func openingARun() {
        let built = Fixtures.deliverBuilds(AppUpdate.update(Fixtures.state(.basic), .key(.character("m"))).state)
        let first = Fixtures.send(built, Fixtures.keys(.home, .enter))
        #expect(first.overlay == nil && first.scenario == MIKEYMode.allCases[0].exchange)
        #expect(AppUpdate.update(built, .key(.escape)).state.overlay == nil)
        var small = built
        small.size = Size(width: 80, height: 24)
        let narrow = Self.text(small)
        #expect(narrow.contains("mutual auth") && narrow.contains("fwd secrecy") && narrow.contains("escrow"))
    }

    @Test("A in a mode's run says why the attack lab does not apply, and opens nothing")
    func noAttackLab() {
        let state = AppUpdate.update(Fixtures.state(.modePSK, step: 3), .key(.character("A"))).state
        #expect(state.overlay == nil && state.notice?.contains("MIKEY-IBAKE") == true)
    }
}
