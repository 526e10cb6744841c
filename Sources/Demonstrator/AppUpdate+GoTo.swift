import Scenarios
import TUI
import Tutorials

// Long runs (group's 137 steps): jumps by message, and a prompt for any step.
extension AppUpdate {
    /// `]` and `[`: the next or previous step that puts a message on the wire.
    static func moveToMessage(_ s: inout AppState, forward: Bool) {
        guard let model = s.model else { return }
        let target = forward ? model.messageSteps.first { $0 > s.step } : model.messageSteps.last { $0 < s.step }
        if let target { move(&s, to: target) }
    }

    /// `}`: the first step of the next phase; `{`: the first step of this phase, or
    /// of the previous one when already there.
    static func moveToPhase(_ s: inout AppState, forward: Bool) {
        guard let model = s.model else { return }
        let steps = model.timeline.steps
        let starts = steps.indices.filter { $0 == 0 || steps[$0].phase != steps[$0 - 1].phase }.map { $0 + 1 }
        let target = forward ? starts.first { $0 > s.step } : starts.last { $0 < s.step }
        if let target { move(&s, to: target) }
    }

    /// A key typed into the go-to prompt: printable characters only, 40 at most.
    static func typeInGoTo(_ s: inout AppState, _ key: Key) {
        guard case .goTo(let text, _)? = s.overlay, case .character(let character) = key, text.count < 40,
              character.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) else { return }
        s.overlay = .goTo(text: text + String(character), error: nil)
    }

    /// Enter in the go-to prompt: the step the text names, as a tutorial names steps
    /// (`13`, `last`, `send:I_MESSAGE_1`, `receive:R_MESSAGE_1#2`, `action:refuse`), or
    /// why it names none, and the prompt stays for another try.
    static func confirmGoTo(_ s: inout AppState) {
        guard case .goTo(let text, _)? = s.overlay, let model = s.model else { return }
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard let reference = StepReference(parsing: typed) else {
            s.overlay = .goTo(text: text, error: "\"\(typed)\" is not one of the forms above")
            return
        }
        guard let index = reference.resolve(in: model.timeline.steps) else {
            s.overlay = .goTo(text: text, error: "\(model.timeline.name) has no such step (steps 1 to \(model.stepCount))")
            return
        }
        s.overlay = nil
        move(&s, to: index + 1)
    }
}
