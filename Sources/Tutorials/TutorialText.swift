import Scenarios

/// A tutorial as plain text (`tutorial NAME --plain`): each section's text, what the
/// demo shows at that point, the question and its answer, and the checked claims.
public enum TutorialText {
    public static func lines(_ document: TutorialDocument, resolved: [ResolvedSection]) -> [String] {
        var lines = ["\(document.title) (\(document.minutes) min)", document.summary]
        for (index, entry) in resolved.enumerated() {
            let step = entry.step
            let actor = entry.timeline.tag(step.actor)
            lines += ["", "\(index + 1)/\(resolved.count). \(entry.section.title)"]
            lines += entry.section.body.filter { !$0.isEmpty }.map { "  \($0)" }
            lines.append("  [demo: \(entry.scene.scenario.rawValue), step \(entry.stepIndex + 1)/\(entry.timeline.steps.count): \(actor) \(step.action.rawValue): \(step.title)]")
            if let message = step.message { lines.append("  [wire: \(message.kind), \(message.octets.count) octets: \(message.notation)]") }
            lines.append("  [narration: \(step.narration)]")
            if let question = entry.section.question { lines.append("  Question: \(question)") }
            if let answer = entry.section.answer { lines.append("  Answer: \(answer)") }
            for claim in entry.section.claims { lines.append("  Checked on the ledger: \(claim.text)") }
        }
        return lines
    }
}
