import Scenarios

/// `mikey-ibake tutorial --check`: every directive resolves, every claim holds on the
/// scenario's ledger at the step the section shows, an `inspect` names what the
/// inspector can show (and the octets the text quotes are there), and the text holds
/// no directive syntax.
public enum TutorialChecker {
    public static let sectionRange = 5...15

    public static func check(_ document: TutorialDocument, cache: TimelineCache) -> [TutorialIssue] {
        var issues = [TutorialIssue]()
        func issue(_ line: Int, _ message: String) { issues.append(TutorialIssue(file: document.file, line: line, message: message)) }
        if !sectionRange.contains(document.sections.count) {
            issue(1, "\(document.sections.count) sections; a tutorial has \(sectionRange.lowerBound)-\(sectionRange.upperBound)")
        }
        for section in document.sections { checkProse(section, issue: issue) }
        let resolved: [ResolvedSection]
        do {
            resolved = try document.resolve(with: cache)
        } catch {
            return issues + [error]
        }
        for entry in resolved {
            let section = entry.section
            checkInspection(entry, file: document.file, cache: cache, issue: issue)
            if (section.question == nil) != (section.answer == nil) {
                issue(section.line, "a question needs an answer and an answer a question")
            }
            for focus in section.focus where entry.timeline.party(focus.party) == nil {
                issue(section.line, "focus on \(focus.party), which is not a party of \(entry.scene.scenario.rawValue)")
            }
            for claim in section.claims {
                guard entry.step.ledger[claim.party] != nil else {
                    issue(claim.line, "claim about \(claim.party), which is not a party of \(entry.scene.scenario.rawValue) (\(entry.timeline.parties.map(\.id.rawValue).joined(separator: ", ")))")
                    continue
                }
                if let contrary = claim.contrary(at: entry.stepIndex, in: entry.timeline) {
                    issue(claim.line, "claim \"\(claim.text)\" is false at step \(entry.stepIndex + 1) of \(entry.scene.scenario.rawValue): \(claim.party) \(contrary)")
                }
            }
        }
        return issues
    }

    static func holds(_ relation: Claim.Relation, _ value: ValueName, _ party: PartyLedger) -> Bool {
        switch relation {
        case .knows: party.value(value) != nil
        case .lacks: party.value(value) == nil
        case .cannot: party.impossibility(value) != nil
        }
    }

    fileprivate static func describe(_ value: ValueName, _ party: PartyLedger) -> String {
        if party.value(value) != nil { return "knows \(value.rawValue)" }
        if party.impossibility(value) != nil { return "cannot compute \(value.rawValue)" }
        return "does not know \(value.rawValue), and the ledger states no reason"
    }
}

extension Claim {
    /// Whether the claim holds at step `index` (0-based) of `timeline`, by the checker's
    /// rules. The demonstrator shows claims with this.
    public func holds(at index: Int, in timeline: Timeline) -> Bool {
        contrary(at: index, in: timeline) == nil
    }

    /// What the timeline says instead when the claim is false there ("knows abP",
    /// "refuses nothing by then"), nil when it holds.
    func contrary(at index: Int, in timeline: Timeline) -> String? {
        guard timeline.steps.indices.contains(index), let ledger = timeline.steps[index].ledger[party] else {
            return "is not a party of the run"
        }
        let verdicts = timeline.verdicts(of: party, through: index)
        switch statement {
        case .values(let relation, let values):
            return values.first { !TutorialChecker.holds(relation, $0, ledger) }.map { TutorialChecker.describe($0, ledger) }
        case .refuses(let kind, let check):
            if verdicts.contains(where: { $0.kind == kind && $0.failed == check }) { return nil }
            let refused = verdicts.compactMap { verdict in verdict.failed.map { "\(verdict.kind.name): \($0.title)" } }
            return refused.isEmpty ? "refuses nothing by then" : "refuses " + refused.joined(separator: "; ")
        case .accepts(let kind):
            if verdicts.contains(where: { $0.kind == kind && $0.failed == nil }) { return nil }
            let refusal = verdicts.first { $0.kind == kind }?.failed
            return refusal.map { "refuses \(kind.name): \($0.title)" } ?? "has received no \(kind.name) by then"
        }
    }
}

extension Timeline {
    /// What `party` made of each message it received up to step `index` (0-based): the
    /// message's kind and the check that refused it, nil when it was accepted. The message
    /// received is the one a refusal names, else the latest one sent to the party.
    func verdicts(of party: PartyID, through index: Int) -> [(kind: MessageKind, failed: IBAKECheck?)] {
        let steps = Array(self.steps.prefix(index + 1))
        return steps.filter { $0.actor == party && ($0.action == .receive || $0.action == .refuse) }.compactMap { step in
            let received = step.refusedMessage.flatMap { number in steps.first { $0.index == number } }
                ?? steps.last { $0.index < step.index && $0.action == .send && $0.message?.to == party }
            guard let kind = received?.message?.kind else { return nil }
            return (kind, step.action == .refuse ? step.checks.first { !$0.passed }?.check : nil)
        }
    }
}
