import Scenarios
import TUI

/// Presenter mode (`z`, `--presenter`), for a projector: the current step's headline
/// in the block font, as large as fits (`BlockHeadline`), a few lines under it
/// (`PresenterSlide`), and the narration in short. Everything centred, nothing else.
enum PresenterView {
    /// `slide`, a step of `model`, framed in `area`.
    static func draw(_ slide: PresenterSlide, of model: ScenarioModel, in area: Rect, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs, sep = glyphs.separator
        let title = "Presenter \(sep) \(model.timeline.name) \(sep) step \(slide.step.index)/\(model.stepCount)"
        let inner = canvas.frame(area, title: title, style: theme.border, titleStyle: theme.title, glyphs: glyphs)
        let leave = Keymap.keys(for: .leavePresenter, in: .presenter, .screen(glyphs)).joined(separator: " or ")
        canvas.bottomLabel("\(leave): leave", in: area, style: theme.label)
        let body = inner.inset(horizontal: 2, vertical: 0)
        guard body.height >= 3, body.width >= 10 else { return }

        // The block headline comes first: in a small area the narration, then the
        // details, give way to it.
        let parts = lines(slide, model, width: body.width, look: look)
        var rows = parts.main + parts.details + parts.narration
        var headline: BlockHeadline?
        for candidate in [rows, parts.main + parts.details, parts.main] {
            if let fitted = BlockHeadline.fit(slide.headline, width: body.width, rows: body.height - candidate.count - 1) {
                (rows, headline) = (candidate, fitted)
                break
            }
        }
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

    /// "Responder learns", "Initiator and Responder learn", "Everyone learns" (sP at
    /// set-up), "KMS, Member 1 and 3 others learn".
    static func learners(_ parties: [Party], _ model: ScenarioModel) -> String {
        let names = parties.map(\.name)
        switch names.count {
        case 0: return "Nobody learns"
        case 1: return "\(names[0]) learns"
        case model.timeline.parties.count: return "Everyone learns"
        case 2, 3: return names.dropLast().joined(separator: ", ") + " and \(names[names.count - 1]) learn"
        default: return "\(names[0]), \(names[1]) and \(names.count - 2) others learn"
        }
    }

    /// The lines under the headline, blank lines included: what it is (sender and
    /// recipient, notation; who learned the value and the value; who acted), details
    /// (size; who cannot compute it; the checks), and the narration in short.
    static func lines(_ slide: PresenterSlide, _ model: ScenarioModel, width: Int,
                      look: Look) -> (main: [Row], details: [Row], narration: [Row]) {
        let theme = look.theme, glyphs = look.glyphs
        let step = slide.step
        var rows = [Row](), details = [Row]()
        let blank: Row = []
        switch slide.kind {
        case .message(let message):
            let from = model.timeline.name(message.from)
            let to = model.timeline.name(message.to)
            rows.append([("\(from) \(glyphs.arrowRight) \(to)", theme.title)])
            rows.append(blank)
            rows.append([(" \(message.notation) ", theme.newValue)])
            details.append(blank)
            details.append([("\(message.octets.count) octets on the wire", theme.label)])
        case .reveal(let name, let learned, let cannot):
            rows.append([(learners(learned.map(\.party), model) + " " + name.rawValue, theme.title)])
            rows.append(blank)
            if let value = learned.first?.value {
                let shown = ValueText.fitted(name, value.octets, width: min(width - 4, 48), glyphs: glyphs)
                rows.append([(" \(shown) ", theme.newValue)])
                rows.append([(ValueText.sourceForms(value.source, glyphs: glyphs)[0], theme.label)])
            }
            // Who holds it now, at a glance: the who-knows view's headline row.
            let matrix = KnowledgeMatrix(step: step, parties: model.timeline.parties, names: [name])
            if let row = matrix.rows.first {
                var standing = Row()
                for (column, party) in matrix.parties.enumerated() {
                    let (mark, style) = WhoKnowsView.mark(row[column], stepIndex: step.index, look: look)
                    standing += [("\(column == 0 ? "" : "   ")\(party.tag) ", theme.title), (mark, style)]
                }
                rows.append(blank)
                rows.append(standing)
            }
            if !cannot.isEmpty { details.append(blank) }
            // The ledger's reason, on two lines at most: a projector needs the words whole.
            for entry in cannot.prefix(3) {
                let text = "\(entry.party.name) cannot compute \(name.rawValue): \(entry.why)"
                for (index, line) in TextWrap.lines(text, width: min(width - 6, 96), maxLines: 2, ellipsis: glyphs.ellipsis).enumerated() {
                    details.append([(index == 0 ? "\(glyphs.failMark) " : "  ", theme.warning), (line, theme.text)])
                }
            }
        case .title:
            let actor = model.timeline.name(step.actor)
            rows.append([("\(actor) \(glyphs.separator) \(step.action.rawValue)", theme.title)])
            if let failed = step.checks.first(where: { !$0.passed }) {
                // A refusal is the point of its step: it stays with the title.
                rows.append(blank)
                rows.append([("\(glyphs.failMark) refused by the \(failed.check.title) check: \(failed.detail)", theme.error)])
            } else if !step.checks.isEmpty {
                details.append(blank)
                details.append([(step.checks.map { "\(glyphs.passMark) \($0.check.title)" }.joined(separator: "  "), theme.label)])
            }
        }
        let narration = [blank] + TextWrap.lines(slide.shortNarration, width: min(width - 4, 90), maxLines: 3,
                                                 ellipsis: glyphs.ellipsis).map { [($0, theme.narration)] }
        return (rows, details, narration)
    }
}
