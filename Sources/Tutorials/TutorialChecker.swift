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
            let ledger = entry.step.ledger
            for focus in section.focus where entry.timeline.party(focus.party) == nil {
                issue(section.line, "focus on \(focus.party), which is not a party of \(entry.scene.scenario.rawValue)")
            }
            for claim in section.claims {
                guard let party = ledger[claim.party] else {
                    issue(claim.line, "claim about \(claim.party), which is not a party of \(entry.scene.scenario.rawValue) (\(entry.timeline.parties.map(\.id.rawValue).joined(separator: ", ")))")
                    continue
                }
                for value in claim.values where !holds(claim.relation, value, party) {
                    issue(claim.line, "claim \"\(claim.text)\" is false at step \(entry.stepIndex + 1) of \(entry.scene.scenario.rawValue): \(claim.party) \(describe(value, party))")
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

    private static func describe(_ value: ValueName, _ party: PartyLedger) -> String {
        if party.value(value) != nil { return "knows \(value.rawValue)" }
        if party.impossibility(value) != nil { return "cannot compute \(value.rawValue)" }
        return "does not know \(value.rawValue), and the ledger states no reason"
    }
}

extension Claim {
    /// Whether the claim holds on `ledger`, by the checker's rules: the party is in the
    /// ledger and every value stands in the relation. The demonstrator shows claims with this.
    public func holds(in ledger: Ledger) -> Bool {
        guard let party = ledger[party] else { return false }
        return values.allSatisfy { TutorialChecker.holds(relation, $0, party) }
    }
}
