import Demonstrator
import Scenarios
import TUI
import Tutorials

/// `snapshot`'s own values: the step reference, the size, and the step a reference
/// names in the run once it is built.
enum SnapshotArguments {
    /// The largest frame drawn: beyond any screen, and the canvas stays small.
    static let maximum = Size(width: 500, height: 200)

    /// `--step`: a step reference as tutorials write it (a plain number included).
    static func step(_ text: String) throws -> StepReference {
        guard let reference = StepReference(parsing: text) else {
            throw WholeNumber.Refused(description: "expected \(StepReference.forms)")
        }
        return reference
    }

    /// `--size WxH`, from the demonstrator's minimum to `maximum`.
    static func size(_ text: String) throws -> Size {
        let minimum = LayoutRules.minimum
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (minimum.width...maximum.width).contains(width), (minimum.height...maximum.height).contains(height) else {
            throw WholeNumber.Refused(description: "expected WIDTHxHEIGHT from \(minimum.width)x\(minimum.height) "
                + "to \(maximum.width)x\(maximum.height), e.g. 120x40")
        }
        return Size(width: width, height: height)
    }

    /// The step number `reference` names in `timeline`, or a usage failure that says
    /// what was given and what this run offers.
    static func resolve(_ reference: StepReference, in timeline: Timeline, scenario: ScenarioName) throws -> Int {
        let steps = timeline.steps
        if let index = reference.resolve(in: steps) { return index + 1 }
        var sent: [String] = []
        for step in steps where step.action == .send {
            if let name = step.message?.kind.name, !sent.contains(name) { sent.append(name) }
        }
        var actions: [String] = []
        for step in steps where !actions.contains(step.action.rawValue) { actions.append(step.action.rawValue) }
        throw CommandFailure.usage("--step \(reference) names no step of scenario \(scenario.rawValue) "
            + "(\(steps.count) steps): give 1 to \(steps.count), first, last, send:MESSAGE or receive:MESSAGE "
            + "for a message it sends (\(sent.joined(separator: ", "))), or action:ACTION for one it has "
            + "(\(actions.joined(separator: ", "))); add #N for the N-th")
    }
}
