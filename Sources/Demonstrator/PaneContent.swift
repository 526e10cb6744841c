import Scenarios

/// The lines of a party's pane at a step, read from that step's ledger.
///
/// - An ordinary party: every value it holds at some point of the run, in display
///   order; a dash until it learns it, marked new at the step it does; "wiped at step
///   N" once it erased it; and what its ledger says it cannot compute, with the reason.
/// - The eavesdropper: the wire bytes she holds, what she knows, what she cannot compute.
/// - The KMS in the curious-KMS view: the keys it holds, the IBE layers on the wire,
///   what it reads inside them and that abP stays out of reach.
public enum PaneContent {
    public static func lines(for party: Party, in state: AppState) -> [PaneLine] {
        guard let model = state.model, let step = model.step(state.step) else { return [] }
        if party.id == model.eve?.id { return eveLines(party, model, step) }
        if party.id == model.kms?.id && state.kmsView { return curiousKMSLines(party, model, step) }
        return valueLines(party.id, names: model.rowNames[party.id] ?? [], step, model.timeline)
    }

    /// The lines a pane shows in `rows` slots: the eavesdropper's pane shortens her
    /// recording, others drop minor values; what still does not fit scrolls.
    static func fitted(_ lines: [PaneLine], rows: Int, isRecording: Bool) -> [PaneLine] {
        isRecording ? fitRecording(lines, rows: rows) : fit(lines, rows: rows)
    }

    /// Drops minor values that are neither new nor the only content, oldest-ranked
    /// last, until the lines fit `rows`.
    static func fit(_ lines: [PaneLine], rows: Int) -> [PaneLine] {
        guard lines.count > rows else { return lines }
        var kept = lines
        for index in lines.indices.reversed() where kept.count > rows {
            if case .value(let name, _, let isNew) = lines[index].kind, ValueOrder.isMinor(name), !isNew {
                kept.remove(at: index)
            }
        }
        return kept
    }

    /// The eavesdropper's pane keeps her ledger and impossibilities whole and shortens
    /// her recording instead: the oldest messages give way to a "+N earlier" note.
    static func fitRecording(_ lines: [PaneLine], rows: Int) -> [PaneLine] {
        let messages = lines.indices.filter {
            if case .message = lines[$0].kind { return true }
            return false
        }
        let excess = lines.count - rows
        guard excess > 0, messages.count > 2 else { return lines }
        // One line goes to the note, so drop one more message than the excess.
        let dropped = Array(messages.prefix(min(messages.count - 2, excess + 1)))
        var kept = lines
        for index in dropped.reversed() { kept.remove(at: index) }
        kept.insert(PaneLine(.note("+\(dropped.count) earlier messages")), at: dropped[0])
        return kept
    }

    /// One line per value name: the values held (several when a party holds distinct
    /// values of one name, as a malicious KMS holds two abP), else the impossibility,
    /// else a dash.
    static func valueLines(_ party: PartyID, names: [ValueName], _ step: Step, _ timeline: Timeline) -> [PaneLine] {
        let ledger = step.ledger[party]
        var lines = [PaneLine]()
        for name in names {
            let held = ledger?.knows.filter { $0.name == name } ?? []
            if held.isEmpty {
                if let cannot = ledger?.impossibility(name) {
                    lines.append(PaneLine(.cannot(name: cannot.name, why: cannot.why)))
                } else if let wiped = ledger?.wipe(name) {
                    lines.append(PaneLine(.wiped(name: name, step: wiped.step, isNew: wiped.step == step.index)))
                } else {
                    lines.append(PaneLine(.value(name: name, known: nil, isNew: false)))
                }
                continue
            }
            // Per-session values (a second RAND, CSB ID) show only the latest; others each.
            let shown = name == .rand || name == .csbID ? [held[held.count - 1]] : held
            let qualifiers = ValueQualifier.qualifiers(for: shown, of: party, in: timeline)
            for (value, qualifier) in zip(shown, qualifiers) {
                lines.append(PaneLine(.value(name: name, known: value, isNew: value.step == step.index), qualifier: qualifier))
            }
        }
        return lines
    }

    /// The wire messages the eavesdropper holds up to a step: those she recorded (her
    /// ledger's recording grew with them) and those she sent herself.
    static func heldMessages(_ eve: Party, _ model: ScenarioModel, through index: Int) -> [Int] {
        model.messageSteps(through: index).filter {
            model.recordedByEve.contains($0) || model.step($0)?.message?.from == eve.id
        }
    }

    /// "1 message", "2 messages".
    static func messageCount(_ count: Int) -> String { count == 1 ? "1 message" : "\(count) messages" }

    /// How many messages and octets the eavesdropper holds at the current step.
    public static func recording(of eve: Party, in state: AppState) -> (messages: Int, octets: Int)? {
        guard let model = state.model else { return nil }
        let messages = heldMessages(eve, model, through: state.step)
        return (messages.count, octets(of: messages, model))
    }

    /// The octets of the messages put on the wire at `steps`, in all.
    static func octets(of steps: [Int], _ model: ScenarioModel) -> Int {
        steps.compactMap { model.step($0)?.message?.octets.count }.reduce(0, +)
    }

    static func eveLines(_ eve: Party, _ model: ScenarioModel, _ step: Step) -> [PaneLine] {
        let ledger = step.ledger[eve.id]
        let messages = heldMessages(eve, model, through: step.index)
        let total = octets(of: messages, model)
        var lines = [PaneLine(.heading(messages.isEmpty ? "wire: nothing yet" : "wire: \(messageCount(messages.count)), \(total) octets"))]
        lines += messages.compactMap { index in messageLine(model, index, current: step.index) }

        let actions = actionLines(eve, model, step)
        if !actions.isEmpty {
            lines.append(PaneLine(.heading("what she did")))
            lines += actions
        }
        // What she holds, or held: a value she never holds shows only once she cannot compute it.
        let cannot = Set(ledger?.cannot.map(\.name) ?? [])
        let final = model.timeline.finalLedger?[eve.id]
        let held = Set((final?.knows.map(\.name) ?? []) + (final?.wiped.map(\.name) ?? []))
        let knows = (model.rowNames[eve.id] ?? []).filter { !cannot.contains($0) && held.contains($0) }
        if !knows.isEmpty {
            lines.append(PaneLine(.heading("knows")))
            lines += valueLines(eve.id, names: knows, step, model.timeline)
        }
        if let impossible = ledger?.cannot, !impossible.isEmpty {
            lines.append(PaneLine(.heading("cannot compute")))
            lines += impossible.map { PaneLine(.cannot(name: $0.name, why: $0.why)) }
        }
        return lines
    }

    /// Her steps so far, in her ledger's words where she acted on a message (what she
    /// altered, where; what she replayed or dropped), else by their titles.
    static func actionLines(_ eve: Party, _ model: ScenarioModel, _ step: Step) -> [PaneLine] {
        let interference = step.ledger[eve.id]?.interference ?? []
        return model.timeline.steps.prefix(step.index).filter { $0.actor == eve.id }.flatMap { action in
            let acts = interference.filter { $0.step == action.index }
            // Only what she did to a message is "new": her other steps (a summary, a leak) leave
            // the pane on what she learned or cannot compute.
            guard !acts.isEmpty else { return [PaneLine(.action(action.title, isNew: false))] }
            let isNew = action.index == step.index
            // Where she altered it on a line of its own, so a narrow pane keeps the offset.
            return acts.flatMap { act in
                [PaneLine(.action(act.headline, isNew: isNew))] + (act.detail.map { [PaneLine(.action("  \($0)", isNew: isNew))] } ?? [])
            }
        }
    }

    /// The private keys a KMS can hold.
    static let kmsKeys: [ValueName] = [.masterSecret, .initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey]

    static func curiousKMSLines(_ kms: Party, _ model: ScenarioModel, _ step: Step) -> [PaneLine] {
        let ledger = step.ledger[kms.id]
        let names = model.rowNames[kms.id] ?? []
        var lines = [PaneLine(.heading("holds"))]
        lines += valueLines(kms.id, names: names.filter(kmsKeys.contains), step, model.timeline)

        let layered = model.messageSteps(through: step.index).filter { index in
            guard let notation = model.step(index)?.message?.notation else { return false }
            return !NotationLayers.parse(notation).isEmpty
        }
        // s yields the private key of any identity, so every IBE layer is open to it.
        let opener = ledger?.value(.masterSecret) != nil ? "open with s" : "IBE layers"
        lines.append(PaneLine(.heading(layered.isEmpty ? "\(opener): none on the wire yet" : "\(opener): every IBE layer")))
        lines += layered.compactMap { messageLine(model, $0, current: step.index) }

        lines.append(PaneLine(.heading("reads inside")))
        for name in [ValueName.aP, .bP] {
            let inside = layered.first { index in
                NotationLayers.parse(model.step(index)?.message?.notation ?? "").contains { $0.items.contains(name.rawValue) }
            }
            let known = ledger?.value(name)
            lines.append(PaneLine(.readable(name: name, known: known, isNew: known?.step == step.index,
                                            inside: inside.flatMap { model.step($0)?.message?.kind.name })))
        }
        let held = ledger?.knows.filter { $0.name == .abP } ?? []
        // A run that does not cast the KMS as curious does not track it: its reason comes
        // from the table, and only once abP exists (before that nobody "cannot" compute it).
        let exists = step.ledger.parties.contains { $0.value(.abP) != nil }
        if let cannot = ledger?.impossibility(.abP), held.isEmpty {
            lines.append(PaneLine(.cannot(name: .abP, why: cannot.why)))
        } else if held.isEmpty, exists, kms.kind != .curiousKMS {
            lines.append(PaneLine(.cannot(name: .abP, why: Impossibility.reason(.abP, for: .curiousKMS))))
        } else if held.isEmpty {
            lines.append(PaneLine(.value(name: .abP, known: nil, isNew: false)))
        } else {
            lines += held.map { PaneLine(.value(name: .abP, known: $0, isNew: $0.step == step.index)) }
        }
        for other in ledger?.cannot ?? [] where other.name != .abP {
            lines.append(PaneLine(.cannot(name: other.name, why: other.why)))
        }
        return lines
    }

    static func messageLine(_ model: ScenarioModel, _ index: Int, current: Int) -> PaneLine? {
        guard let message = model.step(index)?.message else { return nil }
        return PaneLine(.message(step: index, name: message.kind.name, octets: message.octets.count, notation: message.notation,
                                 isNew: index == current))
    }
}
