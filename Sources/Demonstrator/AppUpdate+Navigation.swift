import Scenarios
import TUI

// Stepping, focus and selection.
extension AppUpdate {
    /// Goes to step `index` (clamped). A new step starts fresh: selections follow the
    /// new values, the inspector follows the step's message, autoplay restarts its wait.
    static func move(_ s: inout AppState, to index: Int) {
        guard let model = s.model else { return }
        let target = min(max(index, 1), model.stepCount)
        guard target != s.step else { return }
        s.step = target
        s.resetSelections()
        s.autoplay.elapsed = .zero
        s.anchor = StepAnchor(model: model, step: target)
    }

    /// What Tab visits, in order: the panes left to right, the wire and the inspector
    /// (unless a tutorial's text took their place), the tutorial text.
    static func focusOrder(_ s: AppState) -> [AppState.Focus] {
        let layout = s.screen.layout
        let bottom: [AppState.Focus] = layout.wire != nil || layout.inspector != nil ? [.wire, .inspector] : []
        let text: [AppState.Focus] = (layout.narration.height > 1 ? [.narration] : []) + (layout.tutorial != nil ? [.tutorial] : [])
        if layout.whoKnows != nil { return [.whoKnows] + text }
        return s.visiblePanes.map { .party($0.id) } + bottom + text
    }

    static func cycleFocus(_ s: inout AppState, by delta: Int) {
        let order = focusOrder(s)
        guard !order.isEmpty else { return }
        let current = order.firstIndex(of: s.focus) ?? 0
        s.focus = order[((current + delta) % order.count + order.count) % order.count]
    }

    /// Keeps focus on something that is on screen after the panes changed.
    static func normalizeFocus(_ s: inout AppState) {
        if case .party(let id) = s.focus, !s.visiblePanes.contains(where: { $0.id == id }) {
            s.focus = s.visiblePanes.first.map { .party($0.id) } ?? .wire
        }
        if s.focus == .whoKnows, !s.whoKnows.isOpen { s.focus = s.visiblePanes.first.map { .party($0.id) } ?? .wire }
    }

    /// Up/Down (and page keys) in the focused area: the next selectable line of a
    /// pane, the previous or next message on the wire, the previous or next field of the inspector.
    static func moveSelection(_ s: inout AppState, by delta: Int) {
        guard let model = s.model else { return }
        switch s.focus {
        case .party(let id):
            guard let pane = s.screen.panes[id] else { return }
            let selectable = pane.lines.indices.filter { pane.lines[$0].isSelectable }
            guard !selectable.isEmpty else { return }
            let current = pane.selected.flatMap { selectable.firstIndex(of: $0) } ?? 0
            s.panes.selection[id] = selectable[min(max(current + delta, 0), selectable.count - 1)]
        case .wire:
            let messages = model.messageSteps(through: s.step)
            guard let shown = s.inspectedStep, let position = messages.firstIndex(of: shown) else { return }
            let next = position + delta
            // Past the newest message the wire follows the current step again.
            s.inspect(next >= messages.count - 1 ? nil : messages[max(0, next)])
        case .inspector:
            moveInspectorSelection(&s, by: delta)
        case .tutorial:
            scrollText(&s, by: delta)
        case .narration:
            s.narration.scroll = min(max(0, s.narration.scroll + delta), NarrationView.maxScroll(s))
        case .whoKnows:
            guard let content = WhoKnowsContent(s), !content.matrix.rows.isEmpty else { return }
            let rows = content.matrix.rows
            let next = min(max((content.selectedRow ?? 0) + delta, 0), rows.count - 1)
            s.whoKnows.selection = rows[next].name
        }
    }

    /// `w`: the who-knows view in place of the panes, or the panes again.
    static func toggleWhoKnows(_ s: inout AppState) {
        s.whoKnows.isOpen.toggle()
        if s.whoKnows.isOpen { s.focus = .whoKnows } else { normalizeFocus(&s) }
    }

    /// `m` in the who-knows view: pins the chosen value to its top, or unpins it.
    static func togglePin(_ s: inout AppState) {
        guard let chosen = WhoKnowsContent(s)?.selected else { return }
        if let index = s.whoKnows.pinned.firstIndex(of: chosen) {
            s.whoKnows.pinned.remove(at: index)
        } else {
            s.whoKnows.pinned.append(chosen)
        }
    }

    /// Rows a page key moves: most of the focused area's height.
    static func pageSize(_ s: AppState) -> Int {
        let layout = s.screen.layout
        let area: Rect? = switch s.focus {
        case .party(let id): layout.pane(id)
        case .wire: layout.wire
        case .inspector: layout.inspector
        case .tutorial: layout.tutorial
        case .whoKnows: layout.whoKnows
        case .narration: layout.narration
        }
        return max(1, (area?.height ?? 4) - 3)
    }

    /// The pane line the value-detail overlay shows: the focused pane's selection.
    static func detailTarget(_ s: AppState) -> (party: Party, line: PaneLine)? {
        guard case .party(let id) = s.focus, let party = s.visiblePanes.first(where: { $0.id == id }) else { return nil }
        guard let pane = s.screen.panes[id], let index = pane.selected else { return nil }
        let lines = pane.lines
        switch lines[index].kind {
        case .value(_, let known, _) where known != nil: return (party, lines[index])
        case .readable(_, let known, _, _) where known != nil: return (party, lines[index])
        case .cannot: return (party, lines[index])
        default: return nil
        }
    }

    /// `v`: the selected value in full; a selected message (Eve's recording, the
    /// layers a KMS could open) goes to the inspector instead.
    static func showDetail(_ s: inout AppState) {
        if detailTarget(s) != nil {
            s.overlay = .valueDetail
            return
        }
        if case .party(let id) = s.focus {
            if let pane = s.screen.panes[id], let index = pane.selected, case .message(let step, let name, _, _, _) = pane.lines[index].kind {
                s.inspect(step)
                s.notice = "\(name) of step \(step) is in the inspector"
                return
            }
        }
        s.notice = "select a value in a pane first (Tab, Up/Down)"
    }

    /// `e`: the eavesdropper's pane on or off. Focus stays where it was, so her pane
    /// opens on what she cannot compute rather than on a selection (Tab reaches it).
    static func toggleEve(_ s: inout AppState) {
        guard let model = s.model else { return }
        guard model.eve != nil else {
            s.notice = "the \(model.scenario.rawValue) scenario has no eavesdropper"
            return
        }
        s.eveView = !s.showsEve
        normalizeFocus(&s)
    }
}
