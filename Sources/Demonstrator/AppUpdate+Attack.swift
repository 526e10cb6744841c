import Scenarios

/// The attack lab's keys (issue 12): `A` opens the menu of attacks on the current
/// step's message, Enter runs one as a "what if" branch (built in the background like
/// any timeline), Esc goes back to the main line.
extension AppUpdate {
    static func openAttackMenu(_ s: inout AppState) {
        guard s.branch == nil else {
            s.notice = s.branch == s.tutorial?.branch ? "this section already shows a what if: A attacks in a section that shows the plain run"
                : "already a what if: Esc returns to the main line, where A attacks again"
            return
        }
        guard !s.scenario.isMode else {
            s.notice = "A attacks MIKEY-IBAKE's runs; this mode's run ends with its own attack, the leak"
            return
        }
        // A branch replays the run up to the attack, which only a seeded run can (PROFILE D15).
        guard s.config.seed != nil else {
            s.notice = "an attack replays this run, and an unseeded run cannot be replayed: start with --seed"
            return
        }
        guard let menu = AttackMenuContent(s) else {
            s.notice = "no message Eve can reach at this step: ] goes to the next message"
            return
        }
        s.overlay = .attackMenu(selected: menu.entries.firstIndex { $0.attack != nil } ?? 0)
    }

    /// Up/Down skip the lines that offer no attack; Enter runs the highlighted one.
    static func attackMenuAction(_ s: inout AppState, _ action: KeyAction, selected: Int) {
        guard let menu = AttackMenuContent(s) else {
            s.overlay = nil
            return
        }
        let offered = menu.entries.indices.filter { menu.entries[$0].attack != nil }
        switch action {
        case .menuPrevious, .menuNext:
            let next = action == .menuNext ? offered.first { $0 > selected } : offered.last { $0 < selected }
            s.overlay = .attackMenu(selected: next ?? selected)
        case .menuChoose:
            s.overlay = nil
            guard menu.entries.indices.contains(selected), let attack = menu.entries[selected].attack else { return }
            // The branch is the same run up to the attacked step, so it opens at the same step.
            s.branch = AppState.Branch(attacks: [attack], title: menu.entries[selected].title, origin: s.step)
            s.resetSelections()
        default:
            break
        }
    }

    /// Back to the main line at the step the branch was opened at; in a tutorial, back
    /// to the section's own run (which may be a branch of its own).
    static func leaveBranch(_ s: inout AppState) {
        guard let branch = s.branch, branch != s.tutorial?.branch else { return }
        s.branch = s.tutorial?.branch
        s.resetSelections()
        s.step = branch.origin
        if let model = s.model {
            s.step = min(max(s.step, 1), model.stepCount)
            // The anchor named a step of the branch; a scenario switch from here maps the main line's.
            s.anchor = StepAnchor(model: model, step: s.step)
        }
    }
}
