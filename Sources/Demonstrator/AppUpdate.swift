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
            return .next(s)
        }
    }

    /// Applies one terminal event.
    public static func update(_ state: AppState, _ event: Event) -> Transition<AppState> {
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
            if key == .ctrlC { return .quit(s) }
            if s.overlay != nil { return overlayKey(s, key) }
            return globalKey(s, key)
        }
        return .next(s)
    }

    /// Keys with no overlay open. A tutorial takes its own keys first (`tutorialKey`).
    static func globalKey(_ state: AppState, _ key: Key) -> Transition<AppState> {
        var s = state
        s.notice = nil
        if s.tutorial != nil, tutorialKey(&s, key) { return .next(s) }
        switch key {
        case .character("q"):
            return .quit(s)
        case .right, .enter, .character("l"), .character("n"), .character(" "):
            move(&s, to: s.step + 1)
        case .left, .backspace, .character("h"), .character("p"):
            move(&s, to: s.step - 1)
        case .home, .character("g"):
            move(&s, to: 1)
        case .end, .character("G"):
            move(&s, to: s.model?.stepCount ?? s.step)
        case .tab:
            cycleFocus(&s, by: 1)
        case .backTab:
            cycleFocus(&s, by: -1)
        case .up:
            moveSelection(&s, by: -1)
        case .down:
            moveSelection(&s, by: 1)
        case .pageUp:
            moveSelection(&s, by: -pageSize(s))
        case .pageDown:
            moveSelection(&s, by: pageSize(s))
        case .character("x"):
            s.inspectorMode = s.inspectorMode == .fields ? .hex : .fields
            s.inspectorScroll = 0
        case .character("a"):
            s.autoplay.isOn.toggle()
            s.autoplay.elapsed = .zero
        case .character("+"), .character("="):
            s.autoplay.speed = max(0, s.autoplay.speed - 1)
        case .character("-"), .character("_"):
            s.autoplay.speed = min(AppState.Autoplay.intervals.count - 1, s.autoplay.speed + 1)
        case .character("z"):
            s.presenter.toggle()
        case .character("?"):
            s.overlay = .help
        case .character("s"):
            s.overlay = .scenarioMenu(selected: ScenarioName.allCases.firstIndex(of: s.scenario) ?? 0)
        case .character("v"):
            showDetail(&s)
        case .character("e"):
            toggleEve(&s)
        case .character("k"):
            s.kmsView.toggle()
            if s.kmsView, let kms = s.model?.kms { s.focus = .party(kms.id) }
        case .character("f"):
            trigger(&s, .forking)
        case .character("r"):
            trigger(&s, .retargeting)
        case .character("d"):
            trigger(&s, .deferred)
        case .escape:
            s.presenter = false
        default:
            break
        }
        return .next(s)
    }

    /// Keys while an overlay is open: it takes them, except quitting.
    static func overlayKey(_ state: AppState, _ key: Key) -> Transition<AppState> {
        var s = state
        switch (s.overlay, key) {
        case (_, .character("q")):
            return .quit(s)
        case (.scenarioMenu(let selected), .up):
            s.overlay = .scenarioMenu(selected: max(0, selected - 1))
        case (.scenarioMenu(let selected), .down):
            s.overlay = .scenarioMenu(selected: min(ScenarioName.allCases.count - 1, selected + 1))
        case (.scenarioMenu, .home):
            s.overlay = .scenarioMenu(selected: 0)
        case (.scenarioMenu, .end):
            s.overlay = .scenarioMenu(selected: ScenarioName.allCases.count - 1)
        case (.scenarioMenu(let selected), .enter), (.scenarioMenu(let selected), .character(" ")),
             (.scenarioMenu(let selected), .right):
            s.overlay = nil
            switchScenario(&s, to: ScenarioName.allCases[min(max(selected, 0), ScenarioName.allCases.count - 1)])
        case (.valueDetail, .up):
            moveSelection(&s, by: -1)
        case (.valueDetail, .down):
            moveSelection(&s, by: 1)
        default:
            // Esc, the overlay's own key and anything else close it.
            s.overlay = nil
        }
        return .next(s)
    }
}
