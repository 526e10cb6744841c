import Scenarios

/// A tutorial as plain text (`tutorial NAME --plain`): each section's text, what the
/// demo shows at that point (the field the inspector selects, with its octets), the
/// question and its answer, and the checked claims, in the panel's sentences.
public enum TutorialText {
    /// Octets of a selected field written out in full; longer fields end in an ellipsis.
    static let octetsShown = 32

    public static func lines(_ document: TutorialDocument, resolved: [ResolvedSection], cache: TimelineCache) -> [String] {
        var lines = ["\(document.title) (\(document.minutes) min)", document.summary]
        for (index, entry) in resolved.enumerated() {
            let step = entry.step
            let actor = entry.timeline.tag(step.actor)
            lines += ["", "\(index + 1)/\(resolved.count). \(entry.section.title)"]
            if index > 0, let note = entry.goesBack(after: resolved[index - 1]) { lines.append("  \(note)") }
            lines += entry.section.body.filter { !$0.isEmpty }.map { "  \($0)" }
            lines.append("  [demo: \(entry.scene.scenario.rawValue), step \(entry.stepIndex + 1)/\(entry.timeline.steps.count): \(actor) \(step.action.rawValue): \(step.title)]")
            if let message = step.message { lines.append("  [wire: \(message.kind), \(message.octets.count) octets: \(message.notation)]") }
            lines.append("  [narration: \(step.narration)]")
            if let inspected = try? entry.inspected(cache: cache, file: document.file) {
                lines.append("  [inspector: \(inspector(inspected, timeline: entry.timeline, party: entry.section.inspection?.party))]")
            }
            if let question = entry.section.question { lines.append("  Question: \(question)") }
            if let answer = entry.section.answer { lines.append("  Answer: \(answer)") }
            for claim in entry.section.claims {
                lines.append("  Checked on the ledger: \(TutorialSentences.claim(claim, in: entry.timeline))")
            }
        }
        return lines
    }

    /// "step 9, I_MESSAGE_1, opened as the responder: IBAKE > ECCPT, 16 octets: 0e f0 04 …"
    static func inspector(_ inspected: InspectedMessage, timeline: Timeline, party: PartyID?) -> String {
        let opened = party.map { ", opened as " + TutorialSentences.subject($0, in: timeline).lowercasedArticle } ?? ""
        var text = "step \(inspected.step), \(inspected.document.name)\(opened)"
        if let line = inspected.line, let path = line.path {
            let octets = inspected.octets
            let hex = octets.prefix(octetsShown).map(hexPair).joined(separator: " ") + (octets.count > octetsShown ? " …" : "")
            text += ": \(path), \(octets.count) octet\(octets.count == 1 ? "" : "s"): \(hex)"
        }
        return text
    }
}

private func hexPair(_ octet: UInt8) -> String {
    let digits = String(octet, radix: 16)
    return digits.count == 1 ? "0" + digits : digits
}

private extension String {
    /// "The responder" in the middle of a sentence: "the responder"; a name stays as it is.
    var lowercasedArticle: String { hasPrefix("The ") ? "the" + dropFirst(3) : self }
}
