import IBAKE

/// Who knows what after a step: for every party the values it holds (with where they
/// came from) and, for the parties that matter, what it cannot compute and why.
/// Screens, transcripts and tutorial claims all read this; none of it is text
/// written for a screen.
public struct Ledger: Sendable {
    /// Parties in scenario order.
    public let parties: [PartyLedger]

    public subscript(party: PartyID) -> PartyLedger? { parties.first { $0.party == party } }

    /// Whether `party` holds a value called `name` (any value of that name).
    public func knows(_ party: PartyID, _ name: ValueName) -> Bool { self[party]?.value(name) != nil }
}

/// One party's knowledge.
public struct PartyLedger: Sendable {
    public let party: PartyID
    /// Values in the order learned.
    public let knows: [KnownValue]
    /// Values it cannot compute, with the reason.
    public let cannot: [Impossibility]
    /// Messages it holds the octets of without being their recipient (an eavesdropper's recording).
    public let recorded: [MessageKind]

    /// The most recent value called `name`.
    public func value(_ name: ValueName) -> KnownValue? { knows.last { $0.name == name } }

    /// Why the party cannot compute `name`, if the ledger says it cannot.
    public func impossibility(_ name: ValueName) -> Impossibility? { cannot.first { $0.name == name } }
}

/// A value a party holds.
public struct KnownValue: Sendable, Equatable {
    public let name: ValueName
    public let octets: [UInt8]
    public let source: ValueSource
    /// The step at which it was learned (1-based).
    public let step: Int
}

/// A value a party cannot compute, and the hard problem or missing secret that stops it.
public struct Impossibility: Sendable, Equatable {
    public let name: ValueName
    public let why: String
}
