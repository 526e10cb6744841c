import Scenarios
import TUI

/// The demonstrator's pure view: the whole screen from the state, at any size, in
/// any theme and glyph set. Every frame is drawn whole; the backend sends only changes.
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
        let context = ViewContext(state: state, screen: screen, theme: theme, glyphs: glyphs)
        if let model = state.model {
            if let presenter = layout.presenter {
                PresenterView.draw(in: presenter, context, into: &canvas)
            } else {
                drawDemo(model, context, into: &canvas)
            }
        } else {
            ProgressView.draw(in: layout.main, context, into: &canvas)
        }
        NarrationView.draw(in: layout.narration, context, into: &canvas)
        if let tutorial = layout.tutorial { TutorialPanel.draw(in: tutorial, context, into: &canvas) }
        StatusLine.draw(in: layout.status, context, into: &canvas)
        switch state.overlay {
        case .help?: HelpOverlay.draw(context, into: &canvas)
        case .scenarioMenu(let selected)?: ScenarioMenuOverlay.draw(selected: selected, context, into: &canvas)
        case .valueDetail?: ValueDetailOverlay.draw(context, into: &canvas)
        case nil: break
        }
        return glyphs.isASCII ? ASCIIFold.fold(canvas) : canvas
    }

    /// The panes, the wire and the inspector, each from its own inputs and state.
    static func drawDemo(_ model: ScenarioModel, _ context: ViewContext, into canvas: inout Canvas) {
        let state = context.state, layout = context.layout, look = context.look
        for party in context.screen.parties {
            guard let rect = layout.pane(party.id), let pane = context.screen.panes[party.id] else { continue }
            let focused = state.focus == .party(party.id)
            PaneView.draw(pane, in: rect, title: PaneView.title(party, context, focused: focused, width: rect.width),
                          focused: focused, look: look, into: &canvas)
        }
        if let wire = layout.wire {
            let marks = WireMarks(current: state.step, inspected: state.inspectedStep, focused: state.focus == .wire)
            WireView.draw(in: wire, model, rows: state.wireRows(frame: wire, compact: look.isCompact), marks: marks, look: look,
                          into: &canvas)
        }
        if let inspector = layout.inspector {
            InspectorView.draw(in: inspector, document: state.inspectedStep.flatMap { model.inspector[$0] }, step: state.inspectedStep,
                               state: state.inspector, focused: state.focus == .inspector, look: look, into: &canvas)
        }
    }
}

/// While the scenario on screen is being built (a progress line with a spinner), or
/// when it could not be built (its error, and the keys that lead elsewhere).
enum ProgressView {
    static func draw(in area: Rect, _ context: ViewContext, into canvas: inout Canvas) {
        let state = context.state, theme = context.theme, glyphs = context.glyphs
        let set = state.config.parameterSet
        let width = min(area.width - 4, 84)
        var lines: [(String, Style)]
        let title: String
        if let failure = state.failure {
            title = "The \(state.scenario.rawValue) scenario could not be built"
            lines = TextWrap.lines(failure, width: width - 4).map { ($0, theme.error) }
            let keys: [KeyAction] = state.tutorial != nil ? [.nextSection, .previousSection, .quit] : [.openScenarioMenu, .forking, .quit]
            lines += [("", theme.text), (hints(keys, state, glyphs), theme.keyHint)]
        } else {
            let spinner = glyphs.spinner[state.ticks % glyphs.spinner.count]
            title = "Building the \(state.scenario.rawValue) scenario"
            lines = [("\(spinner) running the real protocol with \(set.name): \(set.summary)", theme.warning)]
            lines = lines.flatMap { line in TextWrap.lines(line.0, width: width - 4).map { ($0, line.1) } }
            let keys: [KeyAction] = state.tutorial != nil ? [.nextSection, .previousSection, .quit] : [.openScenarioMenu, .openHelp, .quit]
            lines += [("", theme.text), ("keys work meanwhile: " + hints(keys, state, glyphs), theme.keyHint)]
        }
        let box = area.centered(width: width, height: lines.count + 4)
        let inner = canvas.frame(box, title: title, style: theme.border, titleStyle: theme.title, glyphs: glyphs)
        canvas.withRegion(inner.inset(horizontal: 1, vertical: 1)) { region in
            for (y, line) in lines.enumerated() { region.put(line.0, x: 0, y: y, style: line.1) }
        }
    }

    /// The status-line hints of `actions` on this screen: "s scenarios   ? help   q quit".
    static func hints(_ actions: [KeyAction], _ state: AppState, _ glyphs: Glyphs) -> String {
        let context = KeyContext.screen(state).last ?? .demo
        return actions.map { Keymap.hint(for: $0, in: context, .screen(glyphs)) }.joined(separator: "   ")
    }
}
