import Scenarios
import TUI
import Tutorials

/// The lines of the tutorial panel for the current section: its title, its text,
/// the question (and the answer once revealed), and its claims checked on the ledger
/// of the step on screen. Styled runs, so the panel only places them.
enum TutorialPanelText {
    typealias Line = [(text: String, style: Style)]

    static func lines(_ content: TutorialPanelContent, width: Int, roomy: Bool, look: Look) -> [Line] {
        let play = content.play, theme = look.theme, glyphs = look.glyphs
        guard width > 4 else { return [] }
        let section = play.current
        var lines = [Line]()
        func blank() { if roomy { lines.append([]) } }
        // "Question: ..." with the label in front and the rest under the text.
        func labelled(_ label: String, _ text: String, _ style: Style) {
            for line in MarkdownLines.wrap(MarkdownLines.inline(text), width: width, first: label + " ", rest: "  ") {
                lines.append(line.map { ($0.text, $0.kind == .marker ? theme.keyHint : Self.style(for: $0.kind, base: style, theme)) })
            }
        }

        for line in TextWrap.lines(section.title, width: width) { lines.append([(line, theme.title)]) }
        if !roomy, let (step, model) = content.demo {
            // Below the demo there is no narration: say where the demo is.
            let text = "demo: step \(step.index)/\(model.stepCount) \(glyphs.separator) \(step.title)"
            lines.append([(TextFit.end(text, width: width, ellipsis: glyphs.ellipsis), theme.label)])
        }
        blank()
        for line in MarkdownLines.lines(section.body, width: width, bullet: String(glyphs.bullet)) {
            lines.append(line.map { ($0.text, Self.style(for: $0.kind, base: theme.narration, theme)) })
        }
        if let question = section.question {
            blank()
            labelled("Question:", question, theme.title)
            if play.answerShown, let answer = section.answer {
                labelled("Answer:", answer, theme.narration)
            } else {
                lines.append([("  \(Keymap.keys(for: .toggleAnswer, in: .tutorial, .screen(glyphs)).joined(separator: " ")): show the answer", theme.label)])
            }
        }
        if !section.claims.isEmpty {
            blank()
            lines += claimLines(section.claims, content, width: width, roomy: roomy, look: look)
        }
        return lines
    }

    /// Each claim as a statement with ✓ (or ✗) from the ledger of the step on screen.
    static func claimLines(_ claims: [Claim], _ content: TutorialPanelContent, width: Int, roomy: Bool, look: Look) -> [Line] {
        let theme = look.theme, glyphs = look.glyphs
        var lines = [Line]()
        guard let (step, model) = content.demo, content.play.placed else {
            lines.append([("Claims (checked once the run is built):", theme.label)])
            for claim in claims { lines.append([("\(glyphs.dash) \(statement(claim, nil))", theme.unknownValue)]) }
            return lines
        }
        if !content.atSectionStep {
            let text = "The demo is at step \(step.index), not this section's: the claims are checked there. "
                + "\(Keymap.keys(for: .sectionStep, in: .tutorial, .screen(glyphs)).first ?? "") goes back."
            lines += TextWrap.lines(text, width: width).map { [($0, theme.warning)] }
        } else if roomy {
            lines.append([("Checked on the ledger at step \(step.index):", theme.label)])
        }
        for claim in claims {
            let holds = claim.holds(in: step.ledger)
            let mark = holds ? glyphs.passMark : glyphs.failMark
            for (index, line) in TextWrap.lines(statement(claim, model), width: width - mark.count - 1).enumerated() {
                let prefix = index == 0 ? mark + " " : String(repeating: " ", count: mark.count + 1)
                lines.append([(prefix, holds ? theme.label : theme.error), (line, holds ? theme.text : theme.error)])
            }
        }
        return lines
    }

    /// "Responder knows aP, bP", "Eve cannot compute abP", "KMS does not know a".
    static func statement(_ claim: Claim, _ model: ScenarioModel?) -> String {
        let party = model?.timeline.name(claim.party) ?? claim.party.rawValue
        let verb = switch claim.relation {
        case .knows: "knows"
        case .lacks: "does not know"
        case .cannot: "cannot compute"
        }
        return "\(party) \(verb) \(claim.values.map(\.rawValue).joined(separator: ", "))"
    }

    static func style(for kind: MarkdownLines.Kind, base: Style, _ theme: Theme) -> Style {
        switch kind {
        case .plain: base
        case .strong: theme.title
        case .code, .marker: theme.label
        }
    }
}

