import IBAKE
import Scenarios
import TUI

/// Presenter mode (`z`, `--presenter`), for a projector: the current step's headline
/// in the block font, as large as fits (`BlockHeadline`), a few lines under it
/// (`PresenterSlide`), and the narration in short. Everything centred, nothing else.
enum PresenterView {
    static func draw(in area: Rect, _ context: ViewContext, into canvas: inout Canvas) {
        let state = context.state, theme = context.theme, glyphs = context.glyphs, sep = glyphs.separator
        guard let model = state.model, let slide = PresenterSlide(state: state) else { return }
        let title = "Presenter \(sep) \(model.scenario.rawValue) \(sep) step \(state.step)/\(model.stepCount)"
        let inner = canvas.frame(area, title: title, style: theme.border, titleStyle: theme.title, glyphs: glyphs)
        canvas.bottomLabel("z or Esc: leave", in: area, style: theme.label)
        let body = inner.inset(horizontal: 2, vertical: 0)
        guard body.height >= 3, body.width >= 10 else { return }

        let rows = lines(slide, model, width: body.width, context)
        let headline = BlockHeadline.fit(slide.headline, width: body.width, rows: body.height - rows.count - 1)
        let total = (headline?.height ?? 1) + 1 + rows.count
        // A little above the middle: the eye starts at the top of a projected screen.
        var y = body.y + max(0, (body.height - total) / 3)
        if let headline {
            headline.draw(in: Rect(x: body.x, y: y, width: body.width, height: headline.height), style: theme.headline,
                          glyphs: glyphs, into: &canvas)
            y += headline.height
        } else {
            let text = TextFit.end(slide.headline, width: body.width, ellipsis: glyphs.ellipsis)
            canvas.put(text, x: body.x + (body.width - text.count) / 2, y: y, style: theme.headline)
            y += 1
        }
        y += 1
        for row in rows where y < body.maxY {
            // Each row centred as a whole; its runs (a mark, then text) keep their styles.
            var room = body.width
            let fitted = row.map { run -> (String, Style) in
                let text = TextFit.end(run.text, width: room, ellipsis: glyphs.ellipsis)
                room -= text.count
                return (text, run.style)
            }
            var x = body.x + room / 2
            for run in fitted { x = canvas.put(run.0, x: x, y: y, style: run.1) }
            y += 1
        }
    }

    typealias Row = [(text: String, style: Style)]

    /// The lines under the headline, blank lines included.
    static func lines(_ slide: PresenterSlide, _ model: ScenarioModel, width: Int, _ context: ViewContext) -> [Row] {
        let theme = context.theme, glyphs = context.glyphs
        let step = slide.step
        var rows = [Row]()
        let blank: Row = []
        switch slide.kind {
        case .message(let message):
            let from = model.timeline.party(message.from)?.name ?? message.from
            let to = model.timeline.party(message.to)?.name ?? message.to
            rows.append([("\(from) \(glyphs.arrowRight) \(to)", theme.title)])
            rows.append(blank)
            rows.append([(" \(message.notation) ", theme.newValue)])
            rows.append(blank)
            rows.append([("\(message.octets.count) octets on the wire", theme.label)])
        case .reveal(let name, let learned, let cannot):
            let names = learned.map(\.party.name)
            let who = names.count <= 1 ? names.joined()
                : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            rows.append([("\(who) \(names.count == 1 ? "learns" : "learn") \(name.rawValue)", theme.title)])
            rows.append(blank)
            if let value = learned.first?.value {
                let shown = ValueText.fitted(name, value.octets, width: min(width - 4, 48), glyphs: glyphs)
                rows.append([(" \(shown) ", theme.newValue)])
                rows.append([(ValueText.sourceForms(value.source, glyphs: glyphs)[0], theme.label)])
            }
            if !cannot.isEmpty { rows.append(blank) }
            // The ledger's reason, on two lines at most: a projector needs the words whole.
            for entry in cannot.prefix(3) {
                let text = "\(entry.party.name) cannot compute \(name.rawValue): \(entry.why)"
                for (index, line) in TextWrap.lines(text, width: min(width - 6, 96), maxLines: 2, ellipsis: glyphs.ellipsis).enumerated() {
                    rows.append([(index == 0 ? "\(glyphs.failMark) " : "  ", theme.warning), (line, theme.text)])
                }
            }
        case .title:
            let actor = model.timeline.party(step.actor)?.name ?? step.actor
            rows.append([("\(actor) \(glyphs.separator) \(step.action.rawValue)", theme.title)])
            if let failed = step.checks.first(where: { !$0.passed }) {
                rows.append(blank)
                rows.append([("\(glyphs.failMark) refused by the \(failed.check.title) check: \(failed.detail)", theme.error)])
            } else if !step.checks.isEmpty {
                rows.append(blank)
                rows.append([(step.checks.map { "\(glyphs.passMark) \($0.check.title)" }.joined(separator: "  "), theme.label)])
            }
        }
        rows.append(blank)
        rows += TextWrap.lines(slide.shortNarration, width: min(width - 4, 90), maxLines: 3, ellipsis: glyphs.ellipsis)
            .map { [($0, theme.narration)] }
        return rows
    }
}
