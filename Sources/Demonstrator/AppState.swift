import Scenarios
import TUI

/// Everything the demonstrator's screen is drawn from. A value: `AppUpdate.update`
/// returns a new one for each event, `AppView.render` draws it, tests build and
/// compare them without a terminal.
public struct AppState: Sendable {
    /// Where keyboard input for Up/Down goes.
    public enum Focus: Sendable, Hashable {
        /// A party's pane (the eavesdropper's too), by party id.
        case party(PartyID)
        case wire
        case inspector
        /// The tutorial text (Up/Down scroll it).
        case tutorial
        /// The who-knows view's table (Up/Down choose a value).
        case whoKnows
        /// The narration below (Up/Down scroll its whole text).
        case narration
    }

    /// A box drawn over the screen; while one is open it takes the keys.
    public enum Overlay: Sendable, Equatable {
        /// The help as it opens, at its top.
        public static let help = Overlay.help(scroll: 0)

        /// The keys of the screen under it, scrolled past `scroll` rows on a low screen.
        case help(scroll: Int)
        /// The scenario catalogue, with the highlighted entry.
        case scenarioMenu(selected: Int)
        /// The selected value of the focused pane, in full.
        case valueDetail
        /// The go-to prompt: what has been typed, and why the last try named no step.
        case goTo(text: String, error: String?)
        /// The attacks on the current step's message, with the highlighted entry.
        case attackMenu(selected: Int)
        /// MIKEY's modes side by side (issue 13), with the highlighted mode.
        case modes(selected: Int)
    }

    /// A "what if" branch on screen (issue 12): the scenario run again under `attacks`
    /// (the one chosen with `A`, or a tutorial section's), and the main-line step Esc returns to.
    public struct Branch: Sendable, Equatable {
        public let attacks: [Attack]
        /// What the status line says: "flip IBAKE.U at I_MESSAGE_1".
        public let title: String
        /// The main-line step the branch was opened at.
        public let origin: Int
    }

    /// Stepping on a timer (`P`), at one of a few speeds (`+` / `-`).
    public struct Autoplay: Sendable, Equatable {
        public var isOn = false
        /// Index into `intervals`.
        public var speed = 3
        /// Time since the last automatic step.
        public var elapsed: Duration = .zero

        public static let intervals: [Duration] = [
            .milliseconds(500), .seconds(1), .milliseconds(1500), .seconds(2), .seconds(3), .seconds(5), .seconds(8),
        ]

        public var interval: Duration { Self.intervals[min(max(speed, 0), Self.intervals.count - 1)] }
    }

    /// How often the shell sends `.tick` (autoplay, the progress spinner).
    public static let tickInterval: Duration = .milliseconds(250)

    /// The configuration of what is on screen: the session's, or in a tutorial the
    /// current section's.
    public var config: AppConfig
    /// The scenario on screen (while its first build runs, a progress screen).
    public var scenario: ScenarioName
    /// Every timeline built so far in this session, or the error that stopped it.
    public var loads: [BuildKey: ScenarioLoad] = [:]
    /// A scenario asked for while another is on screen; shown when its build arrives.
    public var awaiting: ScenarioName?
    /// Timelines to build in the background, so their keys (or sections) switch at once.
    public var prefetch: [BuildKey] = []
    /// 1-based step of the scenario on screen.
    public var step: Int
    /// The meaning of the current step, kept for switching scenarios.
    public var anchor: StepAnchor?
    public var focus: Focus = .party(Party.initiator.id)
    /// The party panes' own state (the line chosen in each).
    public var panes = PanesState()
    /// The wire's own state (the message chosen on it).
    public var wire = WireState()
    /// The inspector's own state (scroll, fields, hex or SIP).
    public var inspector = InspectorState()
    public var overlay: Overlay?
    /// The "what if" branch on screen instead of the main line, if any.
    public var branch: Branch?
    /// The eavesdropper's pane; nil follows the scenario (open when she acts in it).
    public var eveView: Bool?
    /// The KMS pane shows what a curious KMS could read.
    public var kmsView = false
    /// The narration's own state (its scroll).
    public var narration = NarrationState()
    /// The who-knows view's own state (open or not, the chosen and the pinned values).
    public var whoKnows = WhoKnowsState()
    /// Presenter mode (`z`, `--presenter`): the current step's message or new value
    /// large, in high contrast, for a projector.
    public var presenter = false
    /// The tutorial being played, if any (`mikey-ibake tutorial NAME`).
    public var tutorial: TutorialPlay?
    /// A network party's own screen (`mikey-ibake net` on a terminal, issue 14): its
    /// timeline grows as its calls go on (``LiveParty``), nothing is built in the
    /// background, and the screen follows the newest step while the user is at the last.
    public var live = false
    public var autoplay = Autoplay()
    /// The screen size, kept current by resize events (clicks are mapped with it).
    public var size: Size
    /// A one-line remark about the last key (e.g. a view this scenario has not got).
    public var notice: String?
    /// The frame the save key asked for, until the shell has written it and answered
    /// with `AppMessage.snapshotSaved` (writing files is the shell's side effect).
    public var snapshotRequest: SnapshotRequest?
    /// Ticks seen, for the progress spinner.
    public var ticks = 0
    /// The layout for the size and arrangement after the last update (see `screen(size:)`).
    public var layoutMemo = LayoutMemo()

    /// A session that starts on `scenario` at `step` (applied once its timeline is built).
    public init(config: AppConfig, scenario: ScenarioName = .basic, step: Int = 1, size: Size, presenter: Bool = false) {
        self.config = config
        self.scenario = scenario
        self.step = max(1, step)
        self.size = size
        self.presenter = presenter
    }

    /// A session that plays `tutorial` from its first section; every timeline it needs
    /// is asked for at once, the first section's first.
    public init(tutorial: TutorialPlay, size: Size, presenter: Bool = false) {
        let first = tutorial.scenes[0]   // Invariant: a TutorialPlay has at least one section.
        self.init(config: first.key.config, scenario: first.key.scenario, size: size, presenter: presenter)
        self.tutorial = tutorial
        prefetch = tutorial.builds
        AppUpdate.enterSection(&self, 0)
    }

    /// The build of `name` under the configuration on screen (for the scenario on
    /// screen, under the branch's attack when one is open).
    public func key(_ name: ScenarioName) -> BuildKey {
        BuildKey(name, config, attacks: name == scenario ? branch?.attacks ?? [] : [])
    }

    /// The build of `name` under the configuration on screen, if it has arrived.
    public func load(_ name: ScenarioName) -> ScenarioLoad? { loads[key(name)] }

    /// The built model on screen, if its build succeeded.
    public var model: ScenarioModel? { load(scenario)?.model }

    /// The build error of the scenario on screen, if it failed.
    public var failure: String? {
        if case .failed(let reason)? = load(scenario) { return reason }
        return nil
    }

    /// Whether the scenario on screen is still being built.
    public var isLoading: Bool { load(scenario) == nil }

    /// Timelines the shell should build now, most wanted first: the one on screen or
    /// awaited, then the prefetches. Each is built once; results come back as `.built`.
    public var wantedBuilds: [BuildKey] {
        guard !live else { return [] }
        var wanted = [BuildKey]()
        let candidates = [key(scenario)] + (awaiting.map { [key($0)] } ?? []) + prefetch
        for build in candidates where loads[build] == nil && !wanted.contains(build) {
            wanted.append(build)
        }
        return wanted
    }

    /// The current step of the scenario on screen.
    public var currentStep: Step? { model?.step(step) }

    /// Whether the eavesdropper's pane is open.
    public var showsEve: Bool {
        guard let model, model.eve != nil else { return false }
        return eveView ?? model.eveActs
    }

    /// The message the inspector shows: the selected one, else the current step's, else
    /// the latest one so far.
    public var inspectedStep: Int? {
        guard let model else { return nil }
        if let chosen = wire.selection, model.messageSteps.contains(chosen), chosen <= step { return chosen }
        return model.messageSteps.last { $0 <= step }
    }

    /// What the run on screen is called: a network party's title, else the scenario's name.
    public var runName: String { model?.timeline.name ?? scenario.rawValue }

    /// A network party's screen (``live``) showing `model`, its timeline so far.
    public init(live model: ScenarioModel, size: Size) {
        self.init(config: model.config, scenario: model.scenario, size: size)
        live = true
        loads[key(scenario)] = .ready(model)
        focus = .party(model.timeline.viewpoint ?? Party.initiator.id)
        step = model.stepCount
    }

    /// Whether a tutorial's text is on screen (a tutorial plays and `t` has not hidden it).
    public var showsTutorialText: Bool { tutorial.map { !$0.textHidden } ?? false }

    /// The parties whose panes are on screen, left to right.
    public var visiblePanes: [Party] {
        guard let model else { return [] }
        return model.paneParties + (showsEve ? model.eve.map { [$0] } ?? [] : [])
    }
}

/// Input to `AppUpdate.update`: an event from the terminal, a timeline built in the
/// background, or what the shell made of a save request.
public enum AppMessage: Sendable {
    case event(Event)
    case built(BuildKey, ScenarioLoad)
    case snapshotSaved(SnapshotOutcome)
}
