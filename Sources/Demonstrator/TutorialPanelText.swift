import Scenarios
import TUI
import Tutorials

/// The lines of the tutorial panel for the current section: its title, its text,
/// the question (and the answer once revealed), and its claims checked on the ledger
/// of the step on screen. Styled runs, so the panel only places them.
enum TutorialPanelText {
    typealias Line = [(text: String, style: Style)]

    /// The lines, and where the question and the answer are among them (for `a`, which
    /// scrolls the answer into view).
    struct Text {
        var lines: [Line] = []
        /// The question's lines, through its answer's when it is shown.
        var question: Range<Int>?
        var answer: Range<Int>?
    }

    static func lines(_ content: TutorialPanelContent, width: Int, roomy: Bool, look: Look) -> [Line] {
        text(content, width: width, roomy: roomy, look: look).lines
    }

    static func text(_ content: TutorialPanelContent, width: Int, roomy: Bool, look: Look) -> Text {
        let play = content.play, theme = look.theme, glyphs = look.glyphs
        guard width > 4 else { return Text() }
        let section = play.current
        var lines = [Line]()
        var question: Range<Int>?, answer: Range<Int>?
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
        if let model = content.demo?.model, let note = play.goesBack(in: model.timeline.steps) {
            lines += TextWrap.lines(note, width: width).map { [($0, theme.warning)] }
        }
        blank()
        for line in MarkdownLines.lines(section.body, width: width, bullet: String(glyphs.bullet)) {
            lines.append(line.map { ($0.text, Self.style(for: $0.kind, base: theme.narration, theme)) })
        }
        if let text = section.question {
            blank()
            let start = lines.count
            labelled("Question:", text, theme.title)
            if play.answerShown, let text = section.answer {
                let first = lines.count
                labelled("Answer:", text, theme.narration)
                answer = first..<lines.count
            } else {
                lines.append([("  \(Keymap.keys(for: .toggleAnswer, in: .tutorial, .screen(glyphs)).joined(separator: " ")): show the answer", theme.label)])
            }
            question = start..<lines.count
        }
        if !section.claims.isEmpty {
            blank()
            lines += claimLines(section.claims, content, width: width, roomy: roomy, look: look)
        }
        return Text(lines: lines, question: question, answer: answer)
    }

    /// Each claim as a statement with ✓ (or ✗) from the ledger of the step on screen.
    static func claimLines(_ claims: [Claim], _ content: TutorialPanelContent, width: Int, roomy: Bool, look: Look) -> [Line] {
        let theme = look.theme, glyphs = look.glyphs
        var lines = [Line]()
        guard let (step, model) = content.demo, content.play.placed else {
            lines.append([("Claims (checked once the run is built):", theme.label)])
            for claim in claims {
                lines.append([("\(glyphs.dash) \(TutorialSentences.claim(claim, in: nil))", theme.unknownValue)])
            }
            return lines
        }
        if !content.onSectionRun {
            let escape = Keymap.keys(for: .leaveBranch, in: .tutorial, .screen(glyphs)).first ?? ""
            let text = "The demo shows your what if, not this section's run: its claims are not checked there. \(escape) goes back."
            return lines + TextWrap.lines(text, width: width).map { [($0, theme.warning)] }
        }
        if !content.atSectionStep {
            let text = "The demo is at step \(step.index), not this section's: the claims are checked there. "
                + "\(Keymap.keys(for: .sectionStep, in: .tutorial, .screen(glyphs)).first ?? "") goes back."
            lines += TextWrap.lines(text, width: width).map { [($0, theme.warning)] }
        } else if roomy {
            lines.append([("Checked on the ledger at step \(step.index):", theme.label)])
        }
        for claim in claims {
            let holds = claim.holds(at: step.index - 1, in: model.timeline)
            let mark = holds ? glyphs.passMark : glyphs.failMark
            let sentence = TutorialSentences.claim(claim, in: model.timeline)
            for (index, line) in TextWrap.lines(sentence, width: width - mark.count - 1).enumerated() {
                let prefix = index == 0 ? mark + " " : String(repeating: " ", count: mark.count + 1)
                lines.append([(prefix, holds ? theme.label : theme.error), (line, holds ? theme.text : theme.error)])
            }
        }
        return lines
    }

    static func style(for kind: MarkdownLines.Kind, base: Style, _ theme: Theme) -> Style {
        switch kind {
        case .plain: base
        case .strong: theme.title
        case .code, .marker: theme.label
        }
    }
}

