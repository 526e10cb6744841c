import Scenarios
import TUI

/// `A`: what Eve can do to the message of the current step (issue 12), each entry an
/// attack the engine runs as a "what if" branch. Built from the state by `init(_:)`, so
/// the update (which attack Enter picks) and the overlay (what it lists) read the same.
struct AttackMenuContent: Equatable {
    /// One line of the menu: an attack, or a line saying why one is not offered.
    struct Entry: Equatable {
        let label: String
        /// What the status line says once chosen ("flip IBAKE.U at I_MESSAGE_1").
        let title: String
        let attack: Attack?
        /// A line that names the group below it.
        var heading = false
    }

    /// The message attacked, by name ("I_MESSAGE_1"); nil at a step without one, where
    /// only the attacks that need no message are offered.
    let message: String?
    /// The step that sends the message, else the step the menu was opened at.
    let step: Int
    let entries: [Entry]

    /// The menu for the state's current step: the attacks on its message in transit, when
    /// it shows one, then those that act once the step is over (Eve's own exchange, a
    /// leaked key). Each entry is validated against the run, so every one offered builds.
    init?(_ state: AppState) {
        guard let model = state.model, let current = state.currentStep else { return nil }
        let timeline = model.timeline, parameterSet = model.config.parameterSet
        func attack(_ action: AttackAction) -> Attack? {
            let attack = Attack(step: current.index, action: action)
            return (try? attack.validate(against: timeline, parameterSet: parameterSet)) == nil ? nil : attack
        }
        var entries = [Entry]()
        var message: String?
        var step = current.index
        if let shown = current.message, MessageKind.attackable.contains(shown.kind),
           let sent = Attack(step: current.index, action: .drop).messageStep(in: timeline.steps),
           let wire = model.step(sent)?.message {
            message = wire.kind.name
            step = sent
            entries = Self.inTransit(state, wire, sent: sent, parties: timeline.parties.map(\.id), attack: attack)
        }
        let after = " after step \(current.index)"
        // The KMS starts no exchange of its own, so Eve has nothing to claim as the KMS.
        let others: [Entry] = timeline.parties.filter { $0.identity != nil && $0.id != .kms }.compactMap { party in
            attack(.impersonate(party.id)).map { Entry(label: "Eve starts her own exchange as \(party.id.rawValue)",
                                                       title: $0.action.phrase + after, attack: $0) }
        } + LeakedKey.allCases.compactMap { key in
            attack(.leak(key)).map { Entry(label: "leak \(key.rawValue) to Eve", title: $0.action.phrase + after, attack: $0) }
        }
        guard !others.isEmpty || !entries.isEmpty else { return nil }
        if !others.isEmpty {
            entries.append(Entry(label: "once step \(current.index) is over:", title: "", attack: nil, heading: true))
            entries += others
        }
        self.message = message
        self.step = step
        self.entries = entries
    }

    /// The attacks on `message`, sent at step `sent`, while it travels.
    private static func inTransit(_ state: AppState, _ message: WireMessage, sent: Int, parties: [PartyID],
                                  attack: (AttackAction) -> Attack?) -> [Entry] {
        let at = " at \(message.kind.name)"
        func entry(_ label: String, _ action: AttackAction) -> Entry? {
            attack(action).map { Entry(label: label, title: action.phrase + at, attack: $0) }
        }
        var entries = [Entry?]()
        // flip acts on the field the inspector has chosen in this very message.
        let surface = AttackSurface(message.octets, parameterSet: state.config.parameterSet)
        if state.inspectedStep == sent, let line = state.inspector.selection, line.buffer == .message,
           let octets = line.octets,
           // The inspector shows the BF ciphertext whole until its layers are opened: its U comes first.
           let field = surface.fields.first(where: { $0.range == octets }) ?? surface.fields.first(where: { $0.range.contains(octets.lowerBound) }) {
            entries.append(entry("flip \(field.path) (its last bit)", .flip(field: field.path, bit: nil)))
        } else {
            entries.append(Entry(label: "flip: choose a field first (Tab to the inspector, then Up/Down)", title: "", attack: nil))
        }
        entries.append(entry("drop", .drop))
        entries.append(entry("delay 10 minutes", .delay(seconds: 600)))
        entries.append(entry("replay \(message.kind.name) a minute later", .replay(message.kind, afterSeconds: 60)))
        // Not to Eve: she holds every message already, so that would only be a drop.
        entries += parties.filter { $0 != message.to && $0 != .eve }.map { entry("redirect to \($0.rawValue)", .redirect($0)) }
        entries.append(entry("substitute-share (Eve's own aP or bP)", .substituteShare))
        entries.append(entry("rogue-kms (the KMS in the middle)", .rogueKMS))
        return entries.compactMap { $0 }
    }
}

/// Draws the attack menu over the screen, entry `selected` highlighted; on a low screen
/// the list scrolls to keep it in view.
enum AttackMenuOverlay {
    static func draw(_ content: AttackMenuContent, selected: Int, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let width = min(canvas.size.width - 4, 76)
        let rows = max(1, min(content.entries.count, canvas.size.height - 8))
        let first = max(0, min(selected - rows / 2, content.entries.count - rows))
        let box = OverlayBox.rect(size: canvas.size, width: width, height: rows + 6)
        let subject = content.message.map { "\($0) (step \(content.step))" } ?? "step \(content.step)"
        let inner = OverlayBox.draw(box, title: "What if Eve... \(glyphs.separator) \(subject)", look: look, into: &canvas)
        canvas.withRegion(inner) { region in
            let textWidth = region.bounds.width
            region.put(TextFit.end("The same run until this step, then Eve acts; the real checks decide.",
                                   width: textWidth, ellipsis: glyphs.ellipsis), x: 0, y: 0, style: theme.label)
            for (row, index) in (first..<first + rows).enumerated() {
                let entry = content.entries[index]
                let style = entry.attack == nil ? theme.label : index == selected ? theme.selection : theme.text
                let indent = entry.heading ? 0 : 2
                region.put(TextFit.end(entry.label, width: textWidth - indent, ellipsis: glyphs.ellipsis), x: indent, y: 2 + row, style: style)
            }
            var hint = Keymap.overlayHint(.attackMenu, .screen(glyphs))
            if rows < content.entries.count {
                hint += "  \(first + 1)-\(first + rows) of \(content.entries.count)"
            }
            region.put(TextFit.end(hint, width: textWidth, ellipsis: glyphs.ellipsis), x: 0, y: 3 + rows,
                       style: theme.keyHint)
        }
    }
}
