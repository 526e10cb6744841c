import Scenarios

/// What a step position means, so that switching scenarios lands on the step that
/// means the same thing: "the responder has just opened I_MESSAGE_1" in the basic
/// run is "a device has just opened I_MESSAGE_1" in the forking run.
///
/// A step is described by the latest message on the wire at or before it (which
/// occurrence of that name, and how many steps after it) and by its action. When the
/// other timeline has no such message the position is kept as a fraction of the run.
public struct StepAnchor: Sendable, Equatable {
    /// The latest message at or before the step; nil before the first message.
    public var messageKind: MessageKind?
    /// Which occurrence of `messageKind` (1 = the first one in the timeline).
    public var occurrence: Int
    /// Steps between that message and this step (0 = the message step itself).
    public var offset: Int
    public var action: StepAction
    /// Position in the run: 0 at the first step, 1 at the last.
    public var fraction: Double

    public init(model: ScenarioModel, step index: Int) {
        let steps = model.timeline.steps
        let index = min(max(index, 1), max(steps.count, 1))
        let messageStep = model.messageSteps.last { $0 <= index }
        let kind = messageStep.flatMap { model.step($0)?.message?.kind }
        messageKind = kind
        occurrence = messageStep.map { at in
            model.messageSteps.filter { $0 <= at && model.step($0)?.message?.kind == kind }.count
        } ?? 0
        offset = messageStep.map { index - $0 } ?? 0
        action = model.step(index)?.action ?? .compute
        fraction = steps.count > 1 ? Double(index - 1) / Double(steps.count - 1) : 0
    }

    /// The 1-based step of `model` that means the same as this anchor.
    public func step(in model: ScenarioModel) -> Int {
        let count = model.stepCount
        guard count > 0 else { return 1 }
        let byFraction = min(count, max(1, Int((fraction * Double(count - 1)).rounded()) + 1))
        guard let messageKind else { return byFraction }
        let matches = model.messageSteps.filter { model.step($0)?.message?.kind == messageKind }
        // The same occurrence when the other run has it, else its last one (a fork's third
        // copy of I_MESSAGE_1 maps to the basic run's only copy).
        guard let start = matches.count >= occurrence && occurrence > 0 ? matches[occurrence - 1] : matches.last else {
            return byFraction
        }
        // Stay among the steps that follow this message, before the next message.
        let end = (model.messageSteps.first { $0 > start } ?? count + 1) - 1
        let wanted = start + offset
        if wanted <= end, model.step(wanted)?.action == action { return wanted }
        if offset > 0, let same = (start + 1...max(start + 1, end)).first(where: { $0 <= end && model.step($0)?.action == action }) {
            return same
        }
        return min(wanted, end)
    }
}
