import Primitives
import Scenarios

/// The timeline as plain lines: one step after another, actor and action, the message
/// (summary and size), the values learned (shortened in the middle), the narration
/// and the ledger changes. No box drawing, no colour: for screen readers and grep.
struct TimelineText {
    let timeline: Timeline
    let parameterSummary: String
    /// The `--attack` specs the run branches under (issue 12), as given.
    var attacks: [String] = []

    static func shortened(_ octets: [UInt8], keep: Int = 8) -> String {
        let hex = Hex.encode(octets)
        guard hex.count > 2 * keep + 1 else { return hex }
        return "\(hex.prefix(keep))…\(hex.suffix(keep)) (\(octets.count) octets)"
    }

    var header: [String] {
        ["MIKEY-IBAKE Lab: scenario \(timeline.scenario.rawValue): \(timeline.scenario.summary)",
         "parameters: \(timeline.cryptography?.summary ?? "\(timeline.parameterSet) (\(parameterSummary))"); seed: \(timeline.seed.map(String.init) ?? "none (fresh randomness)")"
            + (timeline.seed == nil ? "" : "; a seeded run is for demonstration, not for use (PROFILE D15)"),
         "parties: " + timeline.parties.map { "\($0.tag) = \($0.name)\($0.identity.map { " <\($0)>" } ?? "")" }.joined(separator: ", ")]
            + (attacks.isEmpty ? [] : ["attacks: \(attacks.joined(separator: ", ")); steps marked (branch) differ from the plain run"])
    }

    func lines(for step: Step, previous: Ledger?) -> [String] {
        let total = timeline.steps.count
        let actor = timeline.tag(step.actor)
        var lines = [""]
        // A new part of the run gets a heading of its own.
        if step.index == 1 || timeline.steps[step.index - 2].phase != step.phase { lines += ["== \(step.phase.name) ==", ""] }
        lines.append("step \(step.index)/\(total) [\(actor) \(step.action.rawValue)] \(step.branch ? "(branch) " : "")\(step.title)")
        if let message = step.message {
            let from = timeline.tag(message.from)
            let to = timeline.tag(message.to)
            lines.append("  message: \(message.kind) \(from) -> \(to), \(message.octets.count) octets: \(message.notation)")
        }
        for (party, values) in grouped(step.revealed) {
            let tag = timeline.tag(party)
            lines.append("  \(tag) learns: " + values.map { "\($0.name.rawValue) = \(Self.shortened($0.octets)) (\($0.source))" }.joined(separator: "; "))
        }
        for check in step.checks {
            lines.append("  check \(check.check.title): \(check.passed ? "passed" : "FAILED: \(check.detail)")")
        }
        if let refused = step.refusedMessage, let kind = timeline.steps.first(where: { $0.index == refused })?.message?.kind {
            lines.append("  refused: the \(kind) put on the wire at step \(refused)")
        }
        lines.append("  \(step.narration)")
        for note in step.notes { lines.append("  note: \(note)") }
        lines.append("  references: \(step.citation)")
        lines += ledgerChanges(step.ledger, previous: previous)
        return lines
    }

    var allLines: [String] {
        var output = header
        var previous: Ledger?
        for step in timeline.steps {
            output += lines(for: step, previous: previous)
            previous = step.ledger
        }
        return output
    }

    private func grouped(_ revealed: [Revelation]) -> [(PartyID, [LearnedValue])] {
        var order = [PartyID]()
        var values = [PartyID: [LearnedValue]]()
        for revelation in revealed {
            if values[revelation.party] == nil { order.append(revelation.party) }
            values[revelation.party, default: []].append(revelation.value)
        }
        return order.map { ($0, values[$0] ?? []) }
    }

    /// Values wiped at this step, and "cannot" statements that appear or change here.
    private func ledgerChanges(_ ledger: Ledger, previous: Ledger?) -> [String] {
        var lines = [String]()
        for party in ledger.parties {
            let tag = timeline.tag(party.party)
            let wipedBefore = previous?[party.party]?.wiped.count ?? 0
            for wiped in party.wiped.dropFirst(wipedBefore) {
                lines.append("  ledger: \(tag) wiped \(wiped.name.rawValue) (held since step \(wiped.learned))")
            }
            for act in party.interference.dropFirst(previous?[party.party]?.interference.count ?? 0) {
                lines.append("  ledger: \(tag) \(act.summary)")
            }
            let before = previous?[party.party]?.cannot ?? []
            for impossibility in party.cannot where !before.contains(impossibility) {
                lines.append("  ledger: \(tag) cannot compute \(impossibility.name.rawValue): \(impossibility.why)")
            }
        }
        return lines
    }
}
