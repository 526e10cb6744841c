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
    }

    /// The message attacked, by name ("I_MESSAGE_1").
    let message: String
    let step: Int
    let entries: [Entry]

    /// The menu for the state's current step, or nil when the step has no message an
    /// attack in transit can reach.
    init?(_ state: AppState) {
        guard let model = state.model, let current = state.currentStep, let shown = current.message,
              MessageKind.attackable.contains(shown.kind) else { return nil }
        let probe = Attack(step: current.index, action: .drop)
        guard let sent = probe.messageStep(in: model.timeline.steps), let message = model.step(sent)?.message else { return nil }
        let name = message.kind.name
        let at = " at \(name)"
        func entry(_ label: String, _ action: AttackAction, title: String? = nil) -> Entry {
            Entry(label: label, title: (title ?? label) + at, attack: Attack(step: current.index, action: action))
        }
        var entries = [Entry]()
        // flip acts on the field the inspector has chosen in this very message.
        let surface = AttackSurface(message.octets, parameterSet: model.config.parameterSet)
        if state.inspectedStep == sent, let line = state.inspector.selection, line.buffer == .message,
           let octets = line.octets,
           // The inspector shows the BF ciphertext whole until its layers are opened: its U comes first.
           let field = surface.fields.first(where: { $0.range == octets }) ?? surface.fields.first(where: { $0.range.contains(octets.lowerBound) }) {
            entries.append(entry("flip \(field.path) (its last bit)", .flip(field: field.path, bit: nil), title: "flip \(field.path)"))
        } else {
            entries.append(Entry(label: "flip: choose a field first (Tab to the inspector, then Up/Down)", title: "", attack: nil))
        }
        entries.append(entry("drop", .drop))
        entries.append(entry("delay 10 minutes", .delay(seconds: 600)))
        entries.append(entry("replay \(name) later", .replay(message.kind, afterSeconds: 60)))
        if AttackAction.substituteShare.applies(to: message.kind) {
            entries.append(entry("substitute-share (Eve's own aP or bP)", .substituteShare, title: "substitute-share"))
        }
        if AttackAction.rogueKMS.applies(to: message.kind) {
            entries.append(entry("rogue-kms (the KMS in the middle)", .rogueKMS, title: "rogue-kms"))
        }
        self.message = name
        step = sent
        self.entries = entries
    }
}

/// Draws the attack menu over the screen, entry `selected` highlighted.
enum AttackMenuOverlay {
    static func draw(_ content: AttackMenuContent, selected: Int, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let width = min(canvas.size.width - 4, 76)
        let box = OverlayBox.rect(size: canvas.size, width: width, height: content.entries.count + 6)
        let inner = OverlayBox.draw(box, title: "What if Eve... \(glyphs.separator) \(content.message) (step \(content.step))",
                                    look: look, into: &canvas)
        canvas.withRegion(inner) { region in
            let textWidth = region.bounds.width
            region.put(TextFit.end("The same run until this message, then Eve acts; the real checks decide.",
                                   width: textWidth, ellipsis: glyphs.ellipsis), x: 0, y: 0, style: theme.label)
            for (index, entry) in content.entries.enumerated() {
                let style = entry.attack == nil ? theme.label : index == selected ? theme.selection : theme.text
                region.put(TextFit.end(entry.label, width: textWidth - 2, ellipsis: glyphs.ellipsis), x: 2, y: 2 + index, style: style)
            }
            let hint = Keymap.overlayHint(.attackMenu, .screen(glyphs))
            region.put(TextFit.end(hint, width: textWidth, ellipsis: glyphs.ellipsis), x: 0, y: 3 + content.entries.count,
                       style: theme.keyHint)
        }
    }
}
