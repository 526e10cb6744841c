import Scenarios
import TUI

/// The demonstrator's state transitions. Pure: the same state and message always
/// give the same result, so every key is tested without a terminal, and autoplay or
/// a tutorial is just a list of events.
public enum AppUpdate {
    /// Applies one message: a terminal event, or a timeline built in the background.
    public static func update(_ state: AppState, _ message: AppMessage) -> Transition<AppState> {
        switch message {
        case .event(let event):
            return update(state, event)
        case .built(let key, let load):
            var s = state
            receive(&s, key, load)
            s.refreshLayout()
            s.refreshOpenings()
            s.revealInspectorSelection()
            return .next(s)
        case .snapshotSaved(let outcome):
            var s = state
            s.snapshotRequest = nil
            s.notice = outcome.notice
            return .next(s)
        }
    }

    /// Applies one terminal event. The state that comes out keeps its layout
    /// (`AppState.layoutMemo`), recomputed only when the size or arrangement changed.
    public static func update(_ state: AppState, _ event: Event) -> Transition<AppState> {
        var next = apply(state, event)
        next.state.refreshLayout()
        next.state.refreshOpenings()
        next.state.revealInspectorSelection()
        return next
    }

    static func apply(_ state: AppState, _ event: Event) -> Transition<AppState> {
        var s = state
        switch event {
        case .resize(let width, let height):
            s.size = Size(width: width, height: height)
        case .tick:
            s.ticks &+= 1
            advanceAutoplay(&s)
        case .click(let x, let y):
            click(&s, x: x, y: y)
        case .key(let key):
            let contexts = KeyContext.active(s)
            if s.overlay == nil { s.notice = nil }
            guard let action = Keymap.action(for: key, in: contexts) else { return .next(s) }
            if action == .goToType {
                typeInGoTo(&s, key)
                return .next(s)
            }
            return perform(action, s)
        }
        return .next(s)
    }

    /// Does what a key bound to `action` does (`Keymap` chose it for the state's contexts).
    static func perform(_ action: KeyAction, _ state: AppState) -> Transition<AppState> {
        var s = state
        switch action {
        case .quit: return .quit(s)
        case .nextStep: move(&s, to: s.step + 1)
        case .previousStep: move(&s, to: s.step - 1)
        case .firstStep: move(&s, to: 1)
        case .lastStep: move(&s, to: s.model?.stepCount ?? s.step)
        case .nextMessage: moveToMessage(&s, forward: true)
        case .previousMessage: moveToMessage(&s, forward: false)
        case .nextPhase: moveToPhase(&s, forward: true)
        case .previousPhase: moveToPhase(&s, forward: false)
        case .openGoTo: s.overlay = .goTo(text: "", error: nil)
        case .goToType: break
        case .goToErase:
            if case .goTo(let text, _)? = s.overlay { s.overlay = .goTo(text: String(text.dropLast()), error: nil) }
        case .goToConfirm: confirmGoTo(&s)
        case .focusNext: cycleFocus(&s, by: 1)
        case .focusPrevious: cycleFocus(&s, by: -1)
        case .selectPrevious: moveSelection(&s, by: -1)
        case .selectNext: moveSelection(&s, by: 1)
        case .pagePrevious: moveSelection(&s, by: -pageSize(s))
        case .pageNext: moveSelection(&s, by: pageSize(s))
        case .showValue: showDetail(&s)
        case .toggleInspectorMode: toggleInspectorMode(&s)
        case .openLayersAs: cycleOpener(&s)
        case .toggleEve: toggleEve(&s)
        case .toggleKMS:
            s.kmsView.toggle()
            if s.kmsView, let kms = s.model?.kms { s.focus = .party(kms.id) }
        case .toggleWhoKnows: toggleWhoKnows(&s)
        case .togglePin: togglePin(&s)
        case .openAttackMenu: openAttackMenu(&s)
        case .leaveBranch: leaveBranch(&s)
        case .saveFrame: s.snapshotRequest = SnapshotRequest(s)
        case .enterPresenter: s.presenter = true
        case .leavePresenter: s.presenter = false
        case .forking: trigger(&s, .forking)
        case .retargeting: trigger(&s, .retargeting)
        case .deferred: trigger(&s, .deferred)
        case .openScenarioMenu:
            s.overlay = .scenarioMenu(selected: ScenarioName.ibakeScenarios.firstIndex(of: s.scenario) ?? 0)
        case .openModes: openModes(&s)
        case .toggleAutoplay:
            s.autoplay.isOn.toggle()
            s.autoplay.elapsed = .zero
        case .faster: s.autoplay.speed = max(0, s.autoplay.speed - 1)
        case .slower: s.autoplay.speed = min(AppState.Autoplay.intervals.count - 1, s.autoplay.speed + 1)
        case .openHelp: s.overlay = .help
        case .nextSection, .previousSection, .toggleAnswer, .sectionStep, .toggleText, .scrollTextPageUp, .scrollTextPageDown,
             .scenarioChosenBySection:
            tutorialAction(&s, action)
        case .followsOneParty:
            s.notice = "this screen follows this party's real calls; scenarios, modes and attacks: run mikey-ibake itself"
        case .closeOverlay: s.overlay = nil
        case .helpScrollUp, .helpScrollDown:
            guard case .help(let scroll)? = s.overlay else { break }
            let most = HelpOverlay.maxScroll(keysOf: KeyContext.screen(s), size: s.size)
            s.overlay = .help(scroll: min(max(0, scroll + (action == .helpScrollDown ? 1 : -1)), most))
        case .menuPrevious, .menuNext, .menuFirst, .menuLast, .menuChoose:
            menuAction(&s, action)
        }
        return .next(s)
    }

    /// The scenario menu's keys: move the highlight, or switch to its scenario.
    static func menuAction(_ s: inout AppState, _ action: KeyAction) {
        if case .attackMenu(let selected)? = s.overlay { return attackMenuAction(&s, action, selected: selected) }
        if case .modes(let selected)? = s.overlay { return modesAction(&s, action, selected: selected) }
        guard case .scenarioMenu(let selected)? = s.overlay else { return }
        listAction(&s, action, selected: selected, among: ScenarioName.ibakeScenarios, overlay: AppState.Overlay.scenarioMenu)
    }

    /// The keys of an overlay listing `scenarios` (the scenario menu, the modes table):
    /// move the highlight (`overlay` is the overlay with another entry chosen), or close
    /// it and switch to the chosen entry's scenario.
    static func listAction(_ s: inout AppState, _ action: KeyAction, selected: Int, among scenarios: [ScenarioName],
                           overlay: (Int) -> AppState.Overlay) {
        let last = scenarios.count - 1
        switch action {
        case .menuPrevious: s.overlay = overlay(max(0, selected - 1))
        case .menuNext: s.overlay = overlay(min(last, selected + 1))
        case .menuFirst: s.overlay = overlay(0)
        case .menuLast: s.overlay = overlay(last)
        default:
            s.overlay = nil
            switchScenario(&s, to: scenarios[min(max(selected, 0), last)])
        }
    }
}
