import Scenarios
import TUI
import Tutorials

// Playing a tutorial: sections, the answer, and the demo following the text.
extension AppUpdate {
    /// A tutorial's own keys (`Keymap` binds them in the tutorial context; the demo's
    /// n/p stepping, Tab, v, x, e, k, z... work there too).
    static func tutorialAction(_ s: inout AppState, _ action: KeyAction) {
        guard let play = s.tutorial else { return }
        switch action {
        case .nextSection:
            if play.isLast {
                s.notice = "that was the last section: Backspace goes back, q quits"
            } else {
                enterSection(&s, play.section + 1)
            }
        case .previousSection:
            if play.section == 0 {
                s.notice = "this is the first section: Enter or Space goes on"
            } else {
                enterSection(&s, play.section - 1)
            }
        case .toggleAnswer:
            if play.current.answer == nil {
                s.notice = "this section asks no question"
            } else if play.answerShown {
                s.tutorial?.revealed.remove(play.section)
            } else {
                // The answer shows whole: the text comes back if `t` hid it, and scrolls to it.
                s.tutorial?.revealed.insert(play.section)
                s.tutorial?.textHidden = false
                if let scroll = TutorialPanel.scrollShowingAnswer(s) { s.tutorial?.scroll = scroll }
            }
        case .sectionStep: placeSection(&s)
        case .toggleText: toggleText(&s)
        case .scrollTextPageDown, .scrollTextPageUp:
            let page = max(1, TutorialPanel.visibleRows(s.screen.layout) - 1)
            scrollText(&s, by: action == .scrollTextPageDown ? page : -page)
        case .scenarioChosenBySection:
            s.notice = "in a tutorial each section chooses the scenario; n and p step inside it"
        default:
            break
        }
    }

    /// Goes to section `index`: its scenario under its configuration, at its step once
    /// the timeline is there. The panes start fresh: no selection, the eavesdropper's
    /// pane open only when the section points at one of her values, the inspector in
    /// fields with its layers as sent (unless the section's `inspect` says otherwise).
    static func enterSection(_ s: inout AppState, _ index: Int) {
        guard var play = s.tutorial, play.scenes.indices.contains(index) else { return }
        play.section = index
        play.scroll = 0
        play.placed = false
        play.textHidden = false
        s.tutorial = play
        let scene = play.scene
        s.config = scene.key.config
        s.scenario = scene.key.scenario
        s.branch = play.branch
        s.awaiting = nil
        s.kmsView = false
        s.eveView = nil
        s.whoKnows.isOpen = false
        s.inspector.openAs = nil
        s.inspector.mode = .fields
        placeSection(&s)
    }

    /// Puts the demo at the current section's step (again, after n/p explored it) and
    /// brings its focus values forward: their pane gets keyboard focus, unless the
    /// reader is in the tutorial text. Does nothing until the timeline is built.
    static func placeSection(_ s: inout AppState) {
        guard let play = s.tutorial, let model = s.model else { return }
        let index = play.scene.step.resolve(in: model.timeline.steps)
        s.step = (index ?? 0) + 1
        if index == nil { s.notice = "this section's step is not in the \(model.scenario.rawValue) run; showing step 1" }
        s.anchor = StepAnchor(model: model, step: s.step)
        s.resetSelections()
        s.tutorial?.placed = true
        let focus = play.current.focus
        if focus.contains(where: { $0.party == model.eve?.id }) { s.eveView = true }
        if s.focus != .tutorial, let first = focus.first(where: { f in s.visiblePanes.contains { $0.id == f.party } }) {
            s.focus = .party(first.party)
        }
        if let inspection = play.current.inspection { applyInspection(&s, inspection, in: model) }
        normalizeFocus(&s)
    }

    /// Sets the inspector up as the section's `inspect` says: the message chosen on the
    /// wire, its IBE layers opened as the party, fields or hex, the field chosen and
    /// scrolled to the top once the inspector is on screen. The inspector gets the
    /// keyboard when it is on screen (below the text at 80x24 it is not: `t` shows it).
    static func applyInspection(_ s: inout AppState, _ inspection: Inspection, in model: ScenarioModel) {
        s.inspect(inspection.message.flatMap { $0.resolve(in: model.timeline.steps) }.map { $0 + 1 })
        s.inspector.openAs = inspection.party
        s.inspector.mode = inspection.mode == .hex ? .hex : .fields
        s.refreshOpenings()
        s.inspector.selection = inspection.field.flatMap { s.inspectorDocument?.line(at: $0) }
        s.inspector.reveal = s.inspector.selection != nil
        if s.focus != .tutorial, s.screen.layout.inspector != nil { s.focus = .inspector }
    }

    /// `t`: hides the tutorial's text, so the demo has the screen (the inspector takes
    /// the keyboard when the section chose something in it), or shows it again (the
    /// text takes the keyboard when the area that had it is gone).
    static func toggleText(_ s: inout AppState) {
        guard let play = s.tutorial else { return }
        s.tutorial?.textHidden.toggle()
        if !play.textHidden {
            if play.current.inspection != nil {
                s.focus = .inspector
            } else if s.focus == .tutorial {
                s.focus = s.visiblePanes.first.map { .party($0.id) } ?? .wire
            }
        } else if !focusOrder(s).contains(s.focus) {
            s.focus = .tutorial
        }
    }

    /// Scrolls the tutorial text, within what there is to show.
    static func scrollText(_ s: inout AppState, by delta: Int) {
        guard let scroll = s.tutorial?.scroll else { return }
        let limit = TutorialPanel.maxScroll(s)
        s.tutorial?.scroll = min(max(0, scroll + delta), limit)
    }

    /// Whether the demo shows the section's own step (n/p may have moved it).
    static func atSectionStep(_ s: AppState) -> Bool {
        guard let play = s.tutorial, let model = s.model, play.placed else { return true }
        return play.scene.step.resolve(in: model.timeline.steps).map { $0 + 1 } == s.step
    }

    /// Whether the demo shows the section's own run, not a what-if the reader opened with `A`.
    static func onSectionRun(_ s: AppState) -> Bool {
        s.tutorial.map { $0.branch == s.branch } ?? true
    }
}
