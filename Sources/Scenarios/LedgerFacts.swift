import IBAKE

/// What holds at one step, for choosing a reason that is true there: what the party
/// holds, and what every party holds or has held so far.
struct LedgerFacts {
    let party: Party
    /// The ledger at this step, before impossibilities are stated.
    let ledger: Ledger
    /// Per party, every value name it has held up to this step (wiped ones included).
    let everHeld: [PartyID: Set<ValueName>]

    /// Whether the party holds a value called `name` now.
    func holds(_ name: ValueName) -> Bool { ledger.knows(party.id, name) }

    /// Whether the party holds any of `names` now.
    func holdsAny(_ names: [ValueName]) -> Bool { names.contains(where: holds) }

    /// Whether any party has held a value called `name` by this step: before that,
    /// the value does not exist and nobody "cannot compute" it yet.
    func exists(_ name: ValueName) -> Bool { everHeld.values.contains { $0.contains(name) } }

    /// Whether another party has held a value called `name` by this step.
    func heldByAnother(_ name: ValueName) -> Bool {
        everHeld.contains { $0.key != party.id && $0.value.contains(name) }
    }
}
