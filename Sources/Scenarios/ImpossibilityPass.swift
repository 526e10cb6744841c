import IBAKE

/// States what each party cannot compute at each step, once the whole run is known.
///
/// A step says a party cannot compute a value only when a reason is true at that step
/// (``Impossibilities/reason(_:_:)``) and the party does not learn the value later in
/// the run; when it does, the statement names the event that changes it (the keys leak)
/// or, without such an event, the value is simply not known yet.
enum ImpossibilityPass {
    static func state(in steps: [Step], parties: [Party], watched: [PartyID: [ValueName]],
                      reasons: ModeReasons) -> [Step] {
        var everHeld = [PartyID: Set<ValueName>]()
        return steps.map { step in
            for entry in step.ledger.parties { everHeld[entry.party, default: []].formUnion(entry.knows.map(\.name)) }
            let ledger = Ledger(parties: step.ledger.parties.map { entry in
                guard let party = parties.first(where: { $0.id == entry.party }) else { return entry }
                let facts = LedgerFacts(party: party, ledger: step.ledger, everHeld: everHeld)
                let cannot = (watched[party.id] ?? []).compactMap { name in
                    impossibility(name, facts, after: step.index, in: steps, reasons: reasons)
                }
                return entry.stating(cannot)
            })
            return step.with(ledger: ledger)
        }
    }

    /// The impossibility of `name` for the party of `facts` at step `index`, if one is true there.
    private static func impossibility(_ name: ValueName, _ facts: LedgerFacts, after index: Int, in steps: [Step],
                                      reasons: ModeReasons) -> Impossibility? {
        guard let reason = reasons(name, facts) else { return nil }
        let party = facts.party.id
        // `steps[index...]` are the steps after this one (indexes are 1-based).
        let later = steps[index...]
        guard let learned = later.first(where: { $0.ledger.knows(party, name) }) else {
            return Impossibility(name: name, reason: reason, until: nil)
        }
        // Learned later: say "cannot" only up to an event that gives the party something new.
        let lifting = later.prefix { $0.index <= learned.index }.first { step in
            step.action == .leak && step.revealed.contains { $0.party == party }
        }
        return lifting.map { Impossibility(name: name, reason: reason, until: Lifting(step: $0.index, event: $0.title)) }
    }
}

extension PartyLedger {
    /// The same knowledge, with what the party cannot compute.
    func stating(_ cannot: [Impossibility]) -> PartyLedger {
        PartyLedger(party: party, knows: knows, cannot: cannot, recorded: recorded, wiped: wiped, interference: interference)
    }
}
