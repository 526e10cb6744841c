import Scenarios
import TUI

/// What the narration area shows, as data: the step on screen (or what the scenario
/// is, while it is being built), and the last line's news.
struct NarrationContent {
    enum Body {
        /// The step: its heading facts, narration and the acting role's notes.
        case step(Step, stepCount: Int, actorTag: String)
        /// No step yet: which scenario this is and what it shows.
        case about(ScenarioName)
    }

    /// The last line: the progress of an awaited build, else a notice, else the checks.
    enum BottomLine {
        case building(ScenarioName, parameterSet: String, spinnerTick: Int)
        case notice(String)
        case checks([CheckOutcome])
    }

    let body: Body
    let bottom: BottomLine?

    init(body: Body, bottom: BottomLine?) {
        self.body = body
        self.bottom = bottom
    }

    /// The narration of `state`'s screen.
    init(_ state: AppState) {
        if let model = state.model, let step = state.currentStep {
            body = .step(step, stepCount: model.stepCount, actorTag: model.tag(step.actor))
        } else {
            body = .about(state.scenario)
        }
        if let awaited = state.awaiting {
            bottom = .building(awaited, parameterSet: state.config.parameterSet.name, spinnerTick: state.ticks)
        } else if let notice = state.notice, state.tutorial == nil {
            // In a tutorial, notices go to its panel, where the reader looks.
            bottom = .notice(notice)
        } else if let checks = state.currentStep?.checks, !checks.isEmpty {
            bottom = .checks(checks)
        } else {
            bottom = nil
        }
    }
}

/// Below the panes: the step's title and references, its narration (from
/// `Step.narration`, wrapped), and a line for the checks it ran, or for a notice or
/// the progress of a timeline being built.
enum NarrationView {
    static func draw(_ content: NarrationContent, in area: Rect, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        guard area.height >= 2 else { return }
        let ruled = !look.isCompact
        if ruled { canvas.horizontalRule(x: area.x, y: area.y, length: area.width, style: theme.border, glyphs: glyphs) }
        let body = area.inset(top: ruled ? 1 : 0, left: 1, bottom: 0, right: 1)
        canvas.withRegion(body) { region in
            let width = region.bounds.width, height = region.bounds.height
            guard height > 0 else { return }
            switch content.body {
            case .step(let step, let count, let tag):
                drawStep(step, stepCount: count, actorTag: tag, width: width, height: height, look: look, into: &region)
            case .about(let scenario):
                // Building, or the build failed (the box above says why): what the scenario is.
                let about = "\(scenario.rawValue): \(scenario.summary)"
                for (y, line) in TextWrap.lines(about, width: width, maxLines: height - 1, ellipsis: glyphs.ellipsis).enumerated() {
                    region.put(line, x: 0, y: y, style: y == 0 ? theme.title : theme.narration)
                }
            }
            if height > 1, let bottom = content.bottom {
                let line = text(of: bottom, look)
                region.put(TextFit.end(line.text, width: width, ellipsis: glyphs.ellipsis), x: 0, y: height - 1, style: line.style)
            }
        }
    }

    private static func drawStep(_ step: Step, stepCount: Int, actorTag: String, width: Int, height: Int, look: Look,
                                 into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs, sep = glyphs.separator
        let heading = "Step \(step.index)/\(stepCount) \(sep) \(actorTag) \(step.action.rawValue) \(sep) \(step.title)"
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

    private static func text(of bottom: NarrationContent.BottomLine, _ look: Look) -> (text: String, style: Style) {
        let theme = look.theme, glyphs = look.glyphs
        switch bottom {
        case .building(let awaited, let set, let tick):
            let spinner = glyphs.spinner[tick % glyphs.spinner.count]
            return ("\(spinner) computing the \(awaited.rawValue) scenario with \(set) "
                    + "(real pairings); it appears here when done, keys still work", theme.warning)
        case .notice(let notice):
            return (notice, theme.warning)
        case .checks(let checks):
            if let failed = checks.first(where: { !$0.passed }) {
                return ("\(glyphs.failMark) refused by the \(failed.check.title) check: \(failed.detail)", theme.error)
            }
            return ("checks: " + checks.map { "\(glyphs.passMark) \($0.check.title)" }.joined(separator: "  "), theme.label)
        }
    }
}
