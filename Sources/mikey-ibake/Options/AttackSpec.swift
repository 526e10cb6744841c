import ArgumentParser
import Scenarios
import Tutorials

/// One `--attack AT:ACTION[:ARG...]` (issue 12): AT is a step reference as the tutorials
/// write it (`9`, `first`, `last`, `send:I_MESSAGE_1`, `receive:R_MESSAGE_1#2`), the
/// action one of ``AttackAction/forms``.
struct AttackSpec: Sendable {
    let text: String
    let at: StepReference
    let action: AttackAction

    /// Splits `text` where the step reference ends: it takes two colon-separated parts
    /// (`send:I_MESSAGE_1`) when they read as one, else one.
    init(parsing text: String) throws(AttackSpecError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let usage = "--attack takes AT:ACTION[:ARG...], AT a step (\(StepReference.forms)), ACTION one of: \(AttackAction.forms.joined(separator: ", "))"
        for length in [2, 1] where parts.count > length {
            guard let at = StepReference(parsing: parts.prefix(length).joined(separator: ":")) else { continue }
            self.text = text
            self.at = at
            action = try AttackAction(parsing: parts.dropFirst(length).joined(separator: ":"))
            return
        }
        throw AttackSpecError("\"\(text)\": \(usage)")
    }

    /// The attack on `plain` (the run it branches from); a usage failure when AT does not resolve.
    func attack(on plain: Timeline) throws -> Attack {
        guard let index = at.resolve(in: plain.steps) else {
            throw CommandFailure.usage("--attack \(text): step \(at) is not in the run (\(plain.steps.count) steps)")
        }
        return Attack(step: index + 1, action: action)
    }

    /// For `@Option(transform:)`: a spec that does not parse is a usage error naming the forms.
    static func transform(_ text: String) throws -> AttackSpec {
        do {
            return try AttackSpec(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
