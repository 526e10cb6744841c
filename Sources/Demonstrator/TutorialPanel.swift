import Scenarios
import TUI

/// What the tutorial's panel shows, as data: the tutorial being played, the demo's
/// step beside it (the claims are checked on its ledger), and the panel's own news.
struct TutorialPanelContent {
    let play: TutorialPlay
    /// The step on screen and its scenario, once built.
    let demo: (step: Step, model: ScenarioModel)?
    /// Whether the demo is at the step the section names (else the claims say so).
    let atSectionStep: Bool
    /// Whether the demo shows the section's run, not the reader's own what-if.
    let onSectionRun: Bool
    let notice: String?
    let focused: Bool

    /// The panel of `state`'s screen, if a tutorial plays.
    init?(_ state: AppState) {
        guard let play = state.tutorial else { return nil }
        self.play = play
        if let model = state.model, let step = state.currentStep { demo = (step, model) } else { demo = nil }
        atSectionStep = AppUpdate.atSectionStep(state)
        onSectionRun = AppUpdate.onSectionRun(state)
        notice = state.notice
        focused = state.focus == .tutorial
    }
}

/// The tutorial's panel: framed beside the demo, or under a rule below it. Its title
/// names the tutorial, its edge the progress ("section 3/10"); the text scrolls (PgUp,
/// PgDn, or Up/Down when it has focus); the last row holds a notice or the keys that go on.
enum TutorialPanel {
    /// Where the text goes inside the panel's area: within the frame, or below the rule.
    static func textArea(_ area: Rect, beside: Bool) -> Rect {
        beside ? area.inset(by: 1).inset(horizontal: 1, vertical: 0) : area.inset(top: 1, left: 1, bottom: 0, right: 1)
    }

    /// Rows of text the panel shows at once (its last row holds the keys).
    static func visibleRows(_ layout: ScreenLayout) -> Int {
        guard let area = layout.tutorial else { return 0 }
        return max(0, textArea(area, beside: layout.tutorialIsBeside).height - 1)
    }

    /// The furthest the text can scroll at the state's size.
    static func maxScroll(_ state: AppState) -> Int {
        guard let text = text(state) else { return 0 }
        return max(0, text.lines.count - visibleRows(state.layout))
    }

    /// The scroll that shows the question and its answer whole, moving as little as
    /// possible; when both do not fit, the whole answer under as much of the question
    /// as fits (or, longer than the panel, the answer from its first line).
    static func scrollShowingAnswer(_ state: AppState) -> Int? {
        guard let text = text(state), let answer = text.answer, let question = text.question,
              let current = state.tutorial?.scroll else { return nil }
        let rows = visibleRows(state.layout)
        guard rows > 0 else { return nil }
        let scroll = min(current, max(0, text.lines.count - rows))
        if question.count <= rows {
            if question.lowerBound < scroll { return question.lowerBound }
            return question.upperBound > scroll + rows ? question.upperBound - rows : scroll
        }
        return answer.count <= rows ? answer.upperBound - rows : answer.lowerBound
    }

    /// The panel's text at the state's size: for update, which has no theme (wrapping
    /// does not depend on it) and counts with the Unicode glyphs.
    private static func text(_ state: AppState) -> TutorialPanelText.Text? {
        let layout = state.layout
        guard let area = layout.tutorial, let content = TutorialPanelContent(state) else { return nil }
        let look = Look.measuring(layout)
        let width = textArea(area, beside: layout.tutorialIsBeside).width
        return TutorialPanelText.text(content, width: width, roomy: layout.tutorialIsBeside, look: look)
    }

    /// The panel in `area`: framed beside the demo when `beside`, else under a rule.
    static func draw(_ content: TutorialPanelContent, in area: Rect, beside: Bool, look: Look, into canvas: inout Canvas) {
        let play = content.play, theme = look.theme, glyphs = look.glyphs
        guard area.height >= 3 else { return }
        let focused = content.focused
        let title = (focused ? "* " : "") + play.document.title
        let progress = "section \(play.section + 1)/\(play.count)"
        let inner = textArea(area, beside: beside)
        if beside {
            canvas.frame(area, title: title, style: focused ? theme.focusedBorder : theme.border, titleStyle: theme.title,
                         glyphs: glyphs)
        } else {
            canvas.sectionTitle(title, x: area.x, y: area.y, width: area.width - progress.count - 3, theme: theme, glyphs: glyphs)
            canvas.horizontalRule(x: area.maxX - progress.count - 3, y: area.y, length: progress.count + 3,
                                  style: focused ? theme.focusedBorder : theme.border, glyphs: glyphs)
            canvas.put(" \(progress) ", x: area.maxX - progress.count - 3, y: area.y, style: theme.title)
        }
        guard inner.height >= 2, inner.width > 4 else { return }

        let lines = TutorialPanelText.lines(content, width: inner.width, roomy: beside, look: look)
        let visible = inner.height - 1
        let start = min(play.scroll, max(0, lines.count - visible))
        canvas.withRegion(inner) { region in
            for (row, line) in lines.dropFirst(start).prefix(visible).enumerated() {
                var x = 0
                for run in line { x = region.put(run.text, x: x, y: row, style: run.style, maxWidth: inner.width - x) }
            }
            let hint: (String, Style)
            if let notice = content.notice {
                hint = (notice, theme.warning)
            } else {
                // Below the demo the text hides the wire and the inspector: say which key brings them.
                let keys: [KeyAction] = (play.isLast ? [.previousSection, .quit]
                    : [.nextSection, .previousSection] + (play.current.question != nil ? [.toggleAnswer] : []))
                    + (beside ? [] : [.toggleText])
                let line = keys.map { Keymap.hint(for: $0, in: .tutorial, .screen(glyphs)) }.joined(separator: "  ")
                hint = ((play.isLast ? "The end.  " : "") + line, theme.keyHint)
            }
            region.put(TextFit.end(hint.0, width: inner.width, ellipsis: glyphs.ellipsis), x: 0, y: inner.height - 1, style: hint.1)
        }
        let below = lines.count - start - visible
        let hidden = Viewport.hidden(before: start, after: below, afterWord: "more, PgDn")
        if beside {
            canvas.bottomLabel(([progress] + hidden).joined(separator: ", "), in: area, style: theme.label)
        } else if !hidden.isEmpty {
            let label = " \(hidden.joined(separator: ", ")) "
            canvas.put(label, x: area.maxX - progress.count - 4 - label.count, y: area.y, style: theme.label)
        }
    }
}
