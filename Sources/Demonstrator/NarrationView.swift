import Scenarios
import TUI

/// Below the panes: the step's title and references, its narration (from
/// `Step.narration`, wrapped), and a line for the checks it ran, or for a notice or
/// the progress of a timeline being built.
enum NarrationView {
    static func draw(in area: Rect, _ context: ViewContext, into canvas: inout Canvas) {
        let state = context.state, theme = context.theme, glyphs = context.glyphs
        guard area.height >= 2 else { return }
        let ruled = !context.isCompact
        if ruled { canvas.horizontalRule(x: area.x, y: area.y, length: area.width, style: theme.border, glyphs: glyphs) }
        let body = area.inset(top: ruled ? 1 : 0, left: 1, bottom: 0, right: 1)
        canvas.withRegion(body) { region in
            let width = region.bounds.width, height = region.bounds.height
            guard height > 0 else { return }
            if let model = state.model, let step = state.currentStep {
                drawStep(step, model, width: width, height: height, into: &region, context)
            } else {
                // Building, or the build failed (the box above says why): what the scenario is.
                let about = "\(state.scenario.rawValue): \(state.scenario.summary)"
                for (y, line) in TextWrap.lines(about, width: width, maxLines: height - 1, ellipsis: glyphs.ellipsis).enumerated() {
                    region.put(line, x: 0, y: y, style: y == 0 ? theme.title : theme.narration)
                }
            }
            if height > 1, let line = bottomLine(context) {
                region.put(TextFit.end(line.text, width: width, ellipsis: glyphs.ellipsis), x: 0, y: height - 1, style: line.style)
            }
        }
    }

    private static func drawStep(_ step: Step, _ model: ScenarioModel, width: Int, height: Int,
                                 into canvas: inout Canvas, _ context: ViewContext) {
        let theme = context.theme, glyphs = context.glyphs, sep = glyphs.separator
        let heading = "Step \(step.index)/\(model.stepCount) \(sep) \(model.tag(step.actor)) \(step.action.rawValue) \(sep) \(step.title)"
        let references = step.citation
        let end = canvas.put(TextFit.end(heading, width: width, ellipsis: glyphs.ellipsis), x: 0, y: 0, style: theme.title)
        if end + 2 + references.count <= width {
            canvas.put(references, x: width - references.count, y: 0, style: theme.label)
        }
        let room = height - 2
        let narration = TextWrap.lines(step.narration, width: width, maxLines: room, ellipsis: glyphs.ellipsis)
        for (y, line) in narration.enumerated() {
            canvas.put(line, x: 0, y: y + 1, style: theme.narration)
        }
        // What the acting role observed ("answered by ..., not the identity called"), as room allows.
        var y = narration.count + 1
        for note in step.notes where y <= room {
            canvas.put(TextFit.end("\(glyphs.separator) \(note)", width: width, ellipsis: glyphs.ellipsis), x: 0, y: y, style: theme.label)
            y += 1
        }
    }

    /// The last line: progress of an awaited build, else a notice, else the checks.
    private static func bottomLine(_ context: ViewContext) -> (text: String, style: Style)? {
        let state = context.state, theme = context.theme, glyphs = context.glyphs
        if let awaited = state.awaiting {
            let spinner = glyphs.spinner[state.ticks % glyphs.spinner.count]
            return ("\(spinner) computing the \(awaited.rawValue) scenario with \(state.config.parameterSet.name) "
                    + "(real pairings); it appears here when done, keys still work", theme.warning)
        }
        // In a tutorial, notices go to its panel, where the reader looks.
        if let notice = state.notice, state.tutorial == nil { return (notice, theme.warning) }
        guard let step = state.currentStep, !step.checks.isEmpty else { return nil }
        if let failed = step.checks.first(where: { !$0.passed }) {
            return ("\(glyphs.failMark) refused by the \(failed.check.title) check: \(failed.detail)", theme.error)
        }
        let passed = step.checks.map { "\(glyphs.passMark) \($0.check.title)" }.joined(separator: "  ")
        return ("checks: " + passed, theme.label)
    }
}

/// The bottom line: what is shown (scenario, step k/n, seed, parameter set and curve)
/// and the main keys, as many as fit.
enum StatusLine {
    static func draw(in area: Rect, _ context: ViewContext, into canvas: inout Canvas) {
        let state = context.state, theme = context.theme, glyphs = context.glyphs, sep = glyphs.separator
        canvas.fill(area, style: theme.statusBar)
        let seed = "seed \(state.config.seed.map(String.init) ?? "none")"
        let params = state.config.parameterSet.name
        var position = [String]()
        if let model = state.model { position = ["step \(state.step)/\(model.stepCount)", "\(state.step)/\(model.stepCount)"] }
        var play = ""
        if state.autoplay.isOn { play = " \(sep) \(glyphs.isASCII ? ">" : "▶") every \(seconds(state.autoplay.interval))" }
        // The same facts, shorter and shorter: the curve's short name, then "k/n".
        // In a tutorial: which one and which section first.
        let name = (state.tutorial.map { "\($0.document.id) \($0.section + 1)/\($0.count) \(sep) " } ?? "") + state.scenario.rawValue
        let long: [String] = [name] + Array(position.prefix(1)) + [seed, params, state.config.curveName]
        let shorter: [String] = [name] + Array(position.prefix(1)) + [seed, params, state.config.shortCurveName]
        let shortest: [String] = [name] + Array(position.suffix(1)) + [seed, params, state.config.shortCurveName]
        // Presenter mode: where we are, and little else.
        let sets = state.presenter ? [[name] + Array(position.prefix(1))] : [long, shorter, shortest]
        let infos: [String] = sets.map { parts in " " + parts.joined(separator: " \(sep) ") + play }
        let hints = Keymap.hintLines(for: KeyContext.screen(state), .screen(glyphs))
        // All the facts first, then as many keys as fit; the last resort (the last
        // line, rank 0) keeps help and quit.
        var chosen = (info: infos[infos.count - 1], hint: hints.last ?? "")
        search: for info in infos {
            for hint in hints.dropLast() where info.count + 2 + hint.count <= area.width {
                chosen = (info, hint)
                break search
            }
        }
        canvas.put(chosen.info, x: area.x, y: area.y, style: theme.statusBar, maxWidth: area.width - chosen.hint.count - 1)
        canvas.put(chosen.hint, x: area.maxX - chosen.hint.count, y: area.y, style: theme.statusBar)
    }

    /// `2s`, `1.5s`, `500ms`.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        if milliseconds > 1000 { return "\(milliseconds / 1000).\(milliseconds % 1000 / 100)s" }
        return "\(milliseconds)ms"
    }
}
