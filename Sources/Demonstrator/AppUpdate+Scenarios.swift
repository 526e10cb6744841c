import Scenarios
import TUI

// Switching scenarios, timelines arriving from the background, autoplay.
extension AppUpdate {
    /// The scenarios built in the background once the first one is on screen, so the
    /// trigger keys (`f`, `r`, `d`) and the way back to basic switch at once.
    static let prefetched: [ScenarioName] = [.forking, .retargeting, .deferred, .basic]

    /// `f`, `r`, `d`: to that special case, or back to the basic run when already there.
    static func trigger(_ s: inout AppState, _ name: ScenarioName) {
        switchScenario(&s, to: s.scenario == name ? .basic : name)
    }

    /// Shows `name` at the step that means the same as the current one. A scenario
    /// not built yet is awaited while the current one stays on screen with a progress
    /// line; with nothing on screen yet it takes the screen at once (a progress screen).
    static func switchScenario(_ s: inout AppState, to name: ScenarioName) {
        guard name != s.scenario || s.awaiting != nil else { return }
        if name == s.scenario {
            s.awaiting = nil
            return
        }
        if s.load(name) == nil, s.model != nil {
            s.awaiting = name
            return
        }
        show(&s, name)
    }

    /// Puts `name` on screen (built or not), mapping the step through the anchor.
    static func show(_ s: inout AppState, _ name: ScenarioName) {
        s.awaiting = nil
        s.branch = nil
        s.scenario = name
        s.resetSelections()
        s.autoplay.elapsed = .zero
        guard let model = s.model else { return }
        s.step = s.anchor?.step(in: model) ?? min(max(s.step, 1), model.stepCount)
        s.anchor = StepAnchor(model: model, step: s.step)
        normalizeFocus(&s)
    }

    /// A build finished: keep it, and show it if it is the scenario on screen (its
    /// first timeline) or the one awaited. In a tutorial, the section waiting for this
    /// timeline goes to its step.
    static func receive(_ s: inout AppState, _ key: BuildKey, _ load: ScenarioLoad) {
        if s.live { return receiveLive(&s, key, load) }
        let first = s.loads.values.allSatisfy { $0.model == nil }
        s.loads[key] = load
        s.prefetch.removeAll { $0 == key }
        guard key.config == s.config else { return }
        let name = key.scenario
        if s.tutorial != nil {
            if name == s.scenario, s.tutorial?.placed == false { placeSection(&s) }
            return
        }
        if name == s.awaiting {
            show(&s, name)
        } else if name == s.scenario, let model = load.model {
            // The first build of what is on screen: start where --step asked.
            s.step = s.anchor?.step(in: model) ?? min(max(s.step, 1), model.stepCount)
            s.anchor = StepAnchor(model: model, step: s.step)
            normalizeFocus(&s)
        }
        if first, load.model != nil {
            s.prefetch = prefetched.map(s.key).filter { s.loads[$0] == nil && !s.prefetch.contains($0) }
        }
    }

    /// A network party's timeline grew: the screen follows it while the user is at the
    /// last step, and stays where the user went back to otherwise.
    static func receiveLive(_ s: inout AppState, _ key: BuildKey, _ load: ScenarioLoad) {
        guard key == s.key(s.scenario), let model = load.model else { return }
        let following = s.step >= (s.model?.stepCount ?? 0)
        s.loads[key] = load
        if following { s.step = model.stepCount }
        s.anchor = StepAnchor(model: model, step: s.step)
        normalizeFocus(&s)
    }

    /// One timer tick of autoplay: a step every interval, stopping at the last step.
    /// Paused while an overlay is open or a timeline is awaited.
    static func advanceAutoplay(_ s: inout AppState) {
        guard s.autoplay.isOn, let model = s.model, s.overlay == nil, s.awaiting == nil else { return }
        s.autoplay.elapsed += AppState.tickInterval
        guard s.autoplay.elapsed >= s.autoplay.interval else { return }
        if s.step >= model.stepCount {
            s.autoplay.isOn = false
            s.notice = "autoplay stopped at the last step"
        } else {
            move(&s, to: s.step + 1)
        }
    }
}
