import Scenarios
import TUI

extension AppState {
    /// What the inspector shows: the inspected message, its IBE layers opened as
    /// `inspector.openAs` when they are (`AppView` hands it to `InspectorView`).
    var inspectorDocument: InspectorDocument? {
        guard let model, let index = inspectedStep, let document = model.inspector[index] else { return nil }
        guard let openings = inspector.openings, openings.key == openingKey, !openings.layers.isEmpty,
              let message = model.step(index)?.message else { return document }
        return InspectorDocument(message: message, openings: openings.layers, openedAs: model.tag(openings.key.party))
    }

    /// The layers the inspector should show opened now: the inspected message, as the
    /// chosen party, with the keys its ledger holds at the current step.
    var openingKey: LayerOpenings.Key? {
        guard let model, let party = inspector.openAs, model.timeline.party(party) != nil,
              let index = inspectedStep else { return nil }
        return LayerOpenings.Key(build: key(scenario), message: index, step: step, party: party)
    }

    /// Opens the inspected message's layers again when the message, the step or the
    /// party changed: `update` calls it after each event, so the decryptions run once
    /// per change and never while drawing.
    mutating func refreshOpenings() {
        guard let wanted = openingKey else {
            inspector.openings = nil
            return
        }
        guard inspector.openings?.key != wanted, let model, let message = model.step(wanted.message)?.message,
              let party = model.timeline.party(wanted.party), let current = model.step(step) else { return }
        let layers = LayerOpening.open(message, as: party, at: current, parameterSet: model.config.parameterSet)
        inspector.openings = LayerOpenings(key: wanted, layers: layers)
    }

    /// Scrolls the chosen line to the inspector's top once the inspector is on screen
    /// (`update` calls it after each event): a tutorial section chooses a field before
    /// knowing where, or whether, the inspector is drawn.
    mutating func revealInspectorSelection() {
        guard inspector.reveal, let chosen = inspector.selection, let document = inspectorDocument,
              let frame = layout.inspector else { return }
        let area = InspectorView.textArea(frame)
        inspector.scroll = InspectorView.scroll(toTop: chosen, in: document, mode: document.isMIKEY ? inspector.mode : .hex,
                                                width: area.width, height: area.height)
        inspector.reveal = false
    }
}

// The inspector's keys: opening the IBE layers as a party, choosing a line.
extension AppUpdate {
    /// `o`: opens the IBE layers as the next party of the scenario (each in turn), then
    /// shows them as sent again.
    static func cycleOpener(_ s: inout AppState) {
        guard let model = s.model else { return }
        let parties = model.timeline.parties
        let next: Party?
        if let current = s.inspector.openAs, let position = parties.firstIndex(where: { $0.id == current }) {
            next = position + 1 < parties.count ? parties[position + 1] : nil
        } else {
            next = parties.first
        }
        s.inspector.openAs = next?.id
        s.refreshOpenings()
        guard let next else {
            s.notice = "IBE layers as sent (o: open them as a party)"
            return
        }
        let name = s.inspectorDocument?.name ?? "this message"
        s.notice = s.inspectorDocument?.hasIBELayers == true
            ? "IBE layers opened as \(next.name) with its keys at step \(s.step); o: next party"
            : "IBE layers open as \(next.name) where there are some; \(name) has none; o: next party"
        noteHiddenInspector(&s)
    }

    /// Below a tutorial's text the inspector is not on screen: an inspector key says
    /// which key shows it, rather than change something out of sight in silence.
    static func noteHiddenInspector(_ s: inout AppState) {
        guard s.showsTutorialText, s.screen.layout.inspector == nil else { return }
        let key = Keymap.keys(for: .toggleText, in: .tutorial, .text).first ?? "t"
        s.notice = (s.notice.map { $0 + "; " } ?? "") + "the text covers the inspector: \(key) shows it"
    }

    /// Up/Down in the inspector: the previous or next field (the hex view highlights its
    /// octets in place), scrolled into view; a message without fields just scrolls.
    static func moveInspectorSelection(_ s: inout AppState, by delta: Int) {
        if s.inspector.mode == .sip, let frame = s.screen.layout.inspector {
            // The SIP view has no fields to choose: the keys scroll it, over the rows as drawn (notes wrapped to the width).
            let area = InspectorView.textArea(frame)
            let rows = s.model?.sipView(at: s.step, inspected: s.inspectedStep).map { InspectorView.sipRows($0, width: area.width).count } ?? 0
            s.inspector.scroll = min(max(0, s.inspector.scroll + delta), max(0, rows - area.height))
            return
        }
        guard let document = s.inspectorDocument, let frame = s.screen.layout.inspector else {
            s.inspector.scroll = max(0, s.inspector.scroll + delta)
            return
        }
        let area = InspectorView.textArea(frame)
        let mode = document.isMIKEY ? s.inspector.mode : .hex
        let selectable = document.selectableLines
        guard !selectable.isEmpty else {
            s.inspector.scroll = max(0, s.inspector.scroll + delta)
            return
        }
        let current = s.inspector.selection.flatMap { document.lines.firstIndex(of: $0) }.flatMap { selectable.firstIndex(of: $0) }
        let position: Int
        if let current {
            position = min(max(current + delta, 0), selectable.count - 1)
            guard position != current else {
                // Past the first or last field the keys scroll what is left (a refusal's reason, say).
                let rows = InspectorView.rows(document, mode: mode, width: area.width, selection: s.inspector.selection).count
                s.inspector.scroll = min(max(0, s.inspector.scroll + delta), max(0, rows - area.height))
                return
            }
        } else {
            // The first key chooses the first field on screen, where the reader is looking.
            position = firstVisible(selectable, document, mode: mode, width: area.width, scroll: s.inspector.scroll)
        }
        let chosen = document.lines[selectable[position]]
        s.inspector.selection = chosen
        s.inspector.scroll = InspectorView.scroll(showing: chosen, in: document, mode: mode, width: area.width,
                                                  height: area.height, from: s.inspector.scroll)
    }

    /// The position in `selectable` of the first line drawn at or below the top row.
    private static func firstVisible(_ selectable: [Int], _ document: InspectorDocument, mode: InspectorState.Mode,
                                     width: Int, scroll: Int) -> Int {
        guard mode == .fields else { return 0 }
        let rows = InspectorView.fieldRows(document, width: width, selection: nil)
        let top = min(scroll, max(0, rows.count - 1))
        let line = rows[top...].lazy.compactMap(\.line).first { selectable.contains($0) }
        return line.flatMap { selectable.firstIndex(of: $0) } ?? selectable.count - 1
    }

    /// `x`: fields, hex, then the SIP carriage (PROFILE D23), then fields again; the chosen
    /// field stays chosen, in view in the fields and hex modes.
    static func toggleInspectorMode(_ s: inout AppState) {
        switch s.inspector.mode {
        case .fields: s.inspector.mode = .hex
        case .hex: s.inspector.mode = .sip
        case .sip: s.inspector.mode = .fields
        }
        s.inspector.scroll = 0
        noteHiddenInspector(&s)
        guard s.inspector.mode != .sip, let chosen = s.inspector.selection, let document = s.inspectorDocument,
              let frame = s.screen.layout.inspector else { return }
        let area = InspectorView.textArea(frame)
        s.inspector.scroll = InspectorView.scroll(showing: chosen, in: document, mode: s.inspector.mode, width: area.width,
                                                  height: area.height, from: 0)
    }
}
