import Scenarios
import TUI

/// The demonstrator's pure view: the whole screen from the state, at any size, in
/// any theme and glyph set. Every frame is drawn whole; the backend sends only changes.
///
/// This is the one place that reads the whole `AppState`: it takes from it what each
/// component draws (its content, its own state, whether it has focus) and hands each
/// only that, with the `Look`.
public enum AppView {
    /// Presenter mode draws in the high-contrast theme (a mono session stays mono).
    public static func render(_ state: AppState, size: Size, theme: Theme, glyphs: Glyphs) -> Canvas {
        let theme = state.presenter ? theme.forPresenter : theme
        let screen = state.screen(size: size)
        let layout = screen.layout
        guard layout.mode != .tooSmall else {
            return TooSmallScreen.render(size: size, minimum: LayoutRules.minimum, theme: theme)
        }
        var canvas = Canvas(size: size)
        let look = Look(theme: theme, glyphs: glyphs, isCompact: layout.mode == .compact)
        if let model = state.model {
            if let presenter = layout.presenter {
                if let slide = PresenterSlide(state: state) { PresenterView.draw(slide, of: model, in: presenter, look: look, into: &canvas) }
            } else if let area = layout.whoKnows {
                if let content = WhoKnowsContent(state) { WhoKnowsView.draw(content, in: area, look: look, into: &canvas) }
            } else {
                drawDemo(model, state, screen, look, into: &canvas)
            }
        } else {
            ProgressView.draw(ProgressContent(state), in: layout.main, look: look, into: &canvas)
        }
        NarrationView.draw(NarrationContent(state), in: layout.narration, look: look, into: &canvas)
        if let area = layout.tutorial, let content = TutorialPanelContent(state) {
            TutorialPanel.draw(content, in: area, beside: layout.tutorialIsBeside, look: look, into: &canvas)
        }
        StatusLine.draw(StatusContent(state, separator: glyphs.separator), in: layout.status, look: look, into: &canvas)
        switch state.overlay {
        case .help(let scroll)?:
            HelpOverlay.draw(keysOf: KeyContext.screen(state), scroll: scroll, look: look, into: &canvas)
        case .scenarioMenu(let selected)?:
            let unavailable = ScenarioName.ibakeScenarios.reduce(into: [ScenarioName: String]()) { found, name in
                if case .failed(let reason)? = state.load(name) { found[name] = reason }
            }
            ScenarioMenuOverlay.draw(selected: selected, current: state.scenario, unavailable: unavailable, look: look, into: &canvas)
        case .valueDetail?:
            if let (party, line) = AppUpdate.detailTarget(state) { ValueDetailOverlay.draw(party: party, line: line, look: look, into: &canvas) }
        case .goTo(let text, let error)?:
            GoToOverlay.draw(text: text, error: error, stepCount: state.model?.stepCount ?? 0, look: look, into: &canvas)
        case .attackMenu(let selected)?:
            if let content = AttackMenuContent(state) { AttackMenuOverlay.draw(content, selected: selected, look: look, into: &canvas) }
        case .modes(let selected)?:
            ModesOverlay.draw(ModesContent(state), selected: selected, look: look, into: &canvas)
        case nil:
            break
        }
        return glyphs.isASCII ? ASCIIFold.fold(canvas) : canvas
    }

    /// The panes, the wire and the inspector, each from its own inputs and state.
    static func drawDemo(_ model: ScenarioModel, _ state: AppState, _ screen: Screen, _ look: Look, into canvas: inout Canvas) {
        let layout = screen.layout
        let titles = screen.parties.compactMap { party in layout.pane(party.id).map { (PaneView.Title(party, in: state), $0) } }
        // Identities side by side in one form: the shortest any pane needs.
        let form = titles.map { $0.0.identityFormNeeded(width: $0.1.width, look: look) }.max() ?? 0
        for (title, rect) in titles {
            guard let pane = screen.panes[title.party.id] else { continue }
            PaneView.draw(pane, in: rect, title: title.text(width: rect.width, look: look, identityForm: form), focused: title.focused,
                          look: look, into: &canvas)
        }
        if let wire = layout.wire {
            let marks = WireMarks(current: state.step, inspected: state.inspectedStep, focused: state.focus == .wire)
            WireView.draw(in: wire, model, rows: state.wireRows(frame: wire, compact: look.isCompact), marks: marks, look: look,
                          into: &canvas)
        }
        if let inspector = layout.inspector {
            InspectorView.draw(in: inspector, document: state.inspectorDocument, step: state.inspectedStep,
                               sip: model.sipView(at: state.step, inspected: state.inspectedStep),
                               state: state.inspector, focused: state.focus == .inspector, look: look, into: &canvas)
        }
    }
}

/// What the progress box says, as data: the scenario being built (or its failure),
/// with what, and whose keys work meanwhile.
struct ProgressContent {
    let scenario: ScenarioName
    /// Why the build failed, if it did.
    let failure: String?
    let parameterSet: (name: String, summary: String)
    let spinnerTick: Int
    let inTutorial: Bool
    let keyContext: KeyContext

    init(_ state: AppState) {
        scenario = state.scenario
        failure = state.failure
        parameterSet = (state.config.parameterSet.name, state.config.parameterSet.summary)
        spinnerTick = state.ticks
        inTutorial = state.tutorial != nil
        keyContext = KeyContext.screen(state).last ?? .demo
    }
}

/// While the scenario on screen is being built (a progress line with a spinner), or
/// when it could not be built (its error, and the keys that lead elsewhere).
enum ProgressView {
    static func draw(_ content: ProgressContent, in area: Rect, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let width = min(area.width - 4, 84)
        var lines: [(String, Style)]
        let title: String
        if let failure = content.failure {
            title = "The \(content.scenario.rawValue) scenario could not be built"
            lines = TextWrap.lines(failure, width: width - 4).map { ($0, theme.error) }
            let keys: [KeyAction] = content.inTutorial ? [.nextSection, .previousSection, .quit] : [.openScenarioMenu, .forking, .quit]
            lines += [("", theme.text), (hints(keys, content.keyContext, glyphs), theme.keyHint)]
        } else {
            let spinner = glyphs.spinner[content.spinnerTick % glyphs.spinner.count]
            title = "Building the \(content.scenario.rawValue) scenario"
            let set = content.parameterSet
            lines = TextWrap.lines("\(spinner) running the real protocol with \(set.name): \(set.summary)", width: width - 4)
                .map { ($0, theme.warning) }
            let keys: [KeyAction] = content.inTutorial ? [.nextSection, .previousSection, .quit] : [.openScenarioMenu, .openHelp, .quit]
            lines += [("", theme.text), ("keys work meanwhile: " + hints(keys, content.keyContext, glyphs), theme.keyHint)]
        }
        let box = area.centered(width: width, height: lines.count + 4)
        let inner = canvas.frame(box, title: title, style: theme.border, titleStyle: theme.title, glyphs: glyphs)
        canvas.withRegion(inner.inset(horizontal: 1, vertical: 1)) { region in
            for (y, line) in lines.enumerated() { region.put(line.0, x: 0, y: y, style: line.1) }
        }
    }

    /// The status-line hints of `actions`: "s scenarios   ? help   q quit".
    static func hints(_ actions: [KeyAction], _ context: KeyContext, _ glyphs: Glyphs) -> String {
        actions.map { Keymap.hint(for: $0, in: context, .screen(glyphs)) }.joined(separator: "   ")
    }
}
