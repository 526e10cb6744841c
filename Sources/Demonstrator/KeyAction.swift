/// What a key does, as data: `Keymap` maps keys to these per context, and
/// `AppUpdate.perform` is the only place that gives them meaning.
public enum KeyAction: Hashable, Sendable, CaseIterable {
    case quit
    // Stepping through the scenario on screen.
    case nextStep, previousStep, firstStep, lastStep
    case nextMessage, previousMessage, nextPhase, previousPhase
    /// `:`: a prompt for a step (a number or a reference such as `receive:R_MESSAGE_1`).
    case openGoTo, goToType, goToErase, goToConfirm
    // Focus, selection and scrolling in the focused area.
    case focusNext, focusPrevious
    case selectPrevious, selectNext
    case pagePrevious, pageNext
    // Views of the step.
    case showValue, toggleInspectorMode, openLayersAs, toggleEve, toggleKMS
    case toggleWhoKnows, togglePin
    /// `A`: the attack menu for the current step's message; Esc: back from a "what if"
    /// branch to the main line (issue 12).
    case openAttackMenu, leaveBranch
    case enterPresenter, leavePresenter
    /// Saving the frame on screen as files (the shell writes them).
    case saveFrame
    // Other scenarios and autoplay.
    case forking, retargeting, deferred
    case openScenarioMenu, openModes
    case toggleAutoplay, faster, slower
    case openHelp
    // A tutorial.
    case nextSection, previousSection, toggleAnswer, sectionStep
    /// `t`: the tutorial's text hidden, so the demo (panes, wire, inspector) has the
    /// screen, or shown again.
    case toggleText
    case scrollTextPageUp, scrollTextPageDown
    /// A scenario key in a tutorial: a notice that each section chooses its scenario.
    case scenarioChosenBySection
    /// A scenario, mode or attack key on a network party's screen: a notice that the
    /// screen follows that party's real calls (issue 14).
    case followsOneParty
    // Overlays.
    case closeOverlay
    case helpScrollUp, helpScrollDown
    case menuPrevious, menuNext, menuFirst, menuLast, menuChoose
}

/// Where keys are looked up. The screen without an overlay is the demo or a
/// tutorial, with presenter mode over either; an open overlay takes every key
/// (`otherKeys`), quitting aside.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case demo, tutorial, presenter, whoKnows
    /// A network party's own screen (`mikey-ibake net` on a terminal).
    case party
    case help, scenarioMenu, valueDetail, goTo, attackMenu, modes

    /// Its name in the README's key table.
    public var title: String {
        switch self {
        case .demo: "demo"
        case .tutorial: "tutorial"
        case .presenter: "presenter mode"
        case .whoKnows: "who-knows view"
        case .party: "network party"
        case .help: "help"
        case .scenarioMenu: "scenario menu"
        case .valueDetail: "value detail"
        case .goTo: "go-to prompt"
        case .attackMenu: "attack menu"
        case .modes: "modes table"
        }
    }

    /// What a key without a row of its own does here: an overlay closes.
    public var otherKeys: KeyAction? {
        switch self {
        case .demo, .tutorial, .presenter, .whoKnows, .party: nil
        case .help, .scenarioMenu, .valueDetail, .attackMenu, .modes: .closeOverlay
        // Every key without a row of its own is typed into the prompt.
        case .goTo: .goToType
        }
    }

    /// The contexts whose rows apply to `state`, the first winning: an open overlay
    /// alone; otherwise presenter mode (when on) over the demo or the tutorial.
    public static func active(_ state: AppState) -> [KeyContext] {
        switch state.overlay {
        case .help?: return [.help]
        case .scenarioMenu?: return [.scenarioMenu]
        case .valueDetail?: return [.valueDetail]
        case .goTo?: return [.goTo]
        case .attackMenu?: return [.attackMenu]
        case .modes?: return [.modes]
        case nil: return screen(state)
        }
    }

    /// The contexts of the screen under any overlay: presenter mode (when on), else
    /// the who-knows view (when open), over the demo or the tutorial. The status line
    /// and the help show their keys.
    public static func screen(_ state: AppState) -> [KeyContext] {
        let view: [KeyContext] = state.presenter ? [.presenter] : state.whoKnows.isOpen ? [.whoKnows] : []
        return view + [state.live ? .party : state.tutorial != nil ? .tutorial : .demo]
    }
}
