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
    /// Focused, the area shows the step's whole text (each check in words too), scrolled.
    let focused: Bool
    let scroll: Int

    init(body: Body, bottom: BottomLine?, focused: Bool = false, scroll: Int = 0) {
        self.body = body
        self.bottom = bottom
        self.focused = focused
        self.scroll = scroll
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
        } else if let notice = state.notice, !state.showsTutorialText {
            // While a tutorial's text shows, notices go to its panel, where the reader looks.
            bottom = .notice(notice)
        } else if let checks = state.currentStep?.checks, !checks.isEmpty {
            bottom = .checks(checks)
        } else {
            bottom = nil
        }
        focused = state.focus == .narration
        scroll = state.narration.scroll
    }
}

/// Below the panes: the step's title and references, its narration (from
/// `Step.narration`, wrapped) and the acting role's notes, and a line for the checks it
/// ran, or for a notice or the progress of a timeline being built. What does not fit is
/// one key away: focused (Tab), the area shows the whole text, each check in words,
/// and Up/Down scroll it; unfocused, a last line says how much more there is.
enum NarrationView {
    static func draw(_ content: NarrationContent, in area: Rect, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        guard area.height >= 2 else { return }
        let ruled = !look.isCompact
        if ruled {
            canvas.horizontalRule(x: area.x, y: area.y, length: area.width, style: content.focused ? theme.focusedBorder : theme.border,
                                  glyphs: glyphs)
        }
        let body = area.inset(top: ruled ? 1 : 0, left: 1, bottom: 0, right: 1)
        canvas.withRegion(body) { region in
            let width = region.bounds.width, height = region.bounds.height
            guard height > 0 else { return }
            switch content.body {
            case .step(let step, let count, let tag):
                drawHeading(step, stepCount: count, actorTag: tag, focused: content.focused, width: width, look: look, into: &region)
                let lines = textLines(content, width: width, look: look)
                if content.focused {
                    drawScrolled(lines, scroll: content.scroll, rows: 1..<height, width: width, look: look, into: &region)
                    return
                }
                // Unfocused: the text as room allows (the bottom row is the checks'), and
                // if some is left, a row that says how to read it.
                let room = max(0, height - 2)
                let shown = lines.count <= room ? lines : Array(lines.prefix(max(0, room - 1)))
                for (offset, line) in shown.enumerated() { region.put(line.text, x: 0, y: 1 + offset, style: line.style) }
                if shown.count < lines.count {
                    let more = "\(glyphs.ellipsis) +\(lines.count - shown.count) more lines: Tab to the narration, then \(glyphs.isASCII ? "Down" : "↓")"
                    region.put(TextFit.end(more, width: width, ellipsis: glyphs.ellipsis), x: 0, y: 1 + shown.count, style: theme.keyHint)
                }
            case .about(let scenario):
                // Building, or the build failed (the box above says why): what the scenario is.
                let about = "\(scenario.rawValue): \(scenario.summary)"
                for (y, line) in TextWrap.lines(about, width: width, maxLines: height - 1, ellipsis: glyphs.ellipsis).enumerated() {
                    region.put(line, x: 0, y: y, style: y == 0 ? theme.title : theme.narration)
                }
            }
            if height > 1, let bottom = content.bottom {
                let line = text(of: bottom, width: width, look)
                region.put(TextFit.end(line.text, width: width, ellipsis: glyphs.ellipsis), x: 0, y: height - 1, style: line.style)
            }
        }
    }

    /// The furthest the focused narration scrolls at the state's size (for update).
    static func maxScroll(_ state: AppState) -> Int {
        let layout = state.layout
        let look = Look.measuring(layout)
        let rows = max(0, layout.narration.height - (look.isCompact ? 0 : 1) - 1)
        let lines = textLines(NarrationContent(state), width: max(0, layout.narration.width - 2), look: look)
        return max(0, lines.count - rows)
    }

    private static func drawHeading(_ step: Step, stepCount: Int, actorTag: String, focused: Bool, width: Int, look: Look,
                                    into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs, sep = glyphs.separator
        let heading = (focused ? "* " : "") + "Step \(step.index)/\(stepCount) \(sep) \(actorTag) \(step.action.rawValue) \(sep) \(step.title)"
        let references = step.citation
        let end = canvas.put(TextFit.end(heading, width: width, ellipsis: glyphs.ellipsis), x: 0, y: 0, style: theme.title)
        if end + 2 + references.count <= width {
            canvas.put(references, x: width - references.count, y: 0, style: theme.label)
        }
    }

    /// The step's whole text below its heading: the narration wrapped, the notes, and,
    /// for the focused view, each check with what it found (the unfocused view keeps
    /// them on its bottom row), and the references when the heading had no room.
    static func textLines(_ content: NarrationContent, width: Int, look: Look) -> [(text: String, style: Style)] {
        guard case .step(let step, _, _) = content.body, width > 4 else { return [] }
        let theme = look.theme, glyphs = look.glyphs
        var lines = TextWrap.lines(step.narration, width: width).map { (text: $0, style: theme.narration) }
        // What the acting role observed ("answered by ..., not the identity called").
        for note in step.notes {
            let wrapped = TextWrap.lines(note, width: width - 2)
            lines += wrapped.enumerated().map { (($0.offset == 0 ? "\(glyphs.separator) " : "  ") + $0.element, theme.label) }
        }
        guard content.focused else { return lines }
        for check in step.checks {
            let mark = check.passed ? glyphs.passMark : glyphs.failMark
            let found = check.detail.isEmpty ? "" : ": \(check.detail)"
            let wrapped = TextWrap.lines("\(mark) \(check.check.title)\(found)", width: width - 2)
            lines += wrapped.enumerated().map { (($0.offset == 0 ? "" : "  ") + $0.element, check.passed ? theme.label : theme.error) }
        }
        lines += TextWrap.lines("references: \(step.citation)", width: width).map { ($0, theme.label) }
        return lines
    }

    private static func drawScrolled(_ lines: [(text: String, style: Style)], scroll: Int, rows: Range<Int>, width: Int, look: Look,
                                     into canvas: inout Canvas) {
        let start = min(scroll, max(0, lines.count - rows.count))
        for (offset, line) in lines.dropFirst(start).prefix(rows.count).enumerated() {
            canvas.put(line.text, x: 0, y: rows.lowerBound + offset, style: line.style)
        }
        let below = lines.count - start - rows.count
        let label = Viewport.hidden(before: start, after: below, afterWord: "below")
        guard !label.isEmpty else { return }
        let text = " \(label.joined(separator: ", ")) "
        canvas.put(text, x: width - text.count, y: rows.upperBound - 1, style: look.theme.keyHint)
    }

    /// The bottom line's text. A list of checks too long for the row keeps its last
    /// ones, the checks particular to the step (the generic parse and type checks come first).
    private static func text(of bottom: NarrationContent.BottomLine, width: Int, _ look: Look) -> (text: String, style: Style) {
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
            let marks = checks.map { "\(glyphs.passMark) \($0.check.title)" }
            for dropped in 0..<marks.count {
                let head = dropped == 0 ? "checks: " : "checks (+\(dropped) more): "
                let line = head + marks.dropFirst(dropped).joined(separator: "  ")
                if line.count <= width { return (line, theme.label) }
            }
            return ("checks (+\(marks.count - 1) more): " + (marks.last ?? ""), theme.label)
        }
    }
}
