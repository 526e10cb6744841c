import Scenarios

/// The timeline as Markdown, ready to paste into course notes.
struct TimelineMarkdown {
    let timeline: Timeline
    let parameterSummary: String
    /// The `--attack` specs the run branches under (issue 12), as given.
    var attacks: [String] = []

    var lines: [String] {
        let summary = timeline.scenario.summary
        var lines = ["# Scenario `\(timeline.scenario.rawValue)`", "", summary.prefix(1).uppercased() + summary.dropFirst() + ".", "",
                     "Parameters: \(timeline.cryptography?.summary ?? "`\(timeline.parameterSet)` (\(parameterSummary))"). Seed: \(timeline.seed.map { "`\($0)`" } ?? "none").",
                     "", "| Party | Role | Identity |", "|---|---|---|"]
        for party in timeline.parties {
            lines.append("| \(party.tag) | \(party.name) | \(party.identity.map { "`\($0)`" } ?? "—") |")
        }
        if !attacks.isEmpty {
            lines += ["", "Attacks: " + attacks.map { "`\($0)`" }.joined(separator: ", ") + "; steps marked _(branch)_ differ from the plain run."]
        }
        for step in timeline.steps {
            let actor = timeline.tag(step.actor)
            lines += ["", "## Step \(step.index)\(step.branch ? " _(branch)_" : ""): \(step.title)", "", "**\(actor)** \(step.action.rawValue).", ""]
            if let message = step.message {
                let from = timeline.tag(message.from)
                let to = timeline.tag(message.to)
                lines.append("- Message: `\(message.kind)` \(from) → \(to), \(message.octets.count) octets: `\(message.notation)`")
            }
            for revelation in step.revealed {
                let tag = timeline.tag(revelation.party)
                lines.append("- \(tag) learns `\(revelation.value.name.rawValue)` = `\(TimelineText.shortened(revelation.value.octets))` (\(revelation.value.source))")
            }
            for check in step.checks where !check.passed {
                lines.append("- **Refused** by the \(check.check.title) check: \(check.detail)")
            }
            lines += ["", "> \(step.narration)"]
            lines += step.notes.map { "> _\($0)_" }
            lines += ["", "_\(step.citation)_"]
        }
        if let ledger = timeline.finalLedger {
            lines += ["", "## Who knows what at the end", "", "| Party | Knows | Wiped | Cannot compute |", "|---|---|---|---|"]
            for party in ledger.parties {
                let tag = timeline.tag(party.party)
                let knows = party.knows.map { "`\($0.name.rawValue)`" }.uniqued().joined(separator: ", ")
                let wiped = party.wiped.map { "`\($0.name.rawValue)` (step \($0.step))" }.joined(separator: ", ")
                let cannot = party.cannot.map { "`\($0.name.rawValue)`" }.joined(separator: ", ")
                lines.append("| \(tag) | \(knows.isEmpty ? "—" : knows) | \(wiped.isEmpty ? "—" : wiped) | \(cannot.isEmpty ? "—" : cannot) |")
            }
        }
        return lines
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
