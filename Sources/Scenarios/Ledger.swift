import IBAKE

/// Who knows what after a step: for every party the values it holds (with where they
/// came from), the values it held and wiped, what it cannot compute and why, and what
/// it recorded or did to messages on the wire. Screens, transcripts and tutorial claims
/// all read this; none of it is text written for a screen.
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
    /// Values it cannot compute at this step, with a reason true at this step.
    public let cannot: [Impossibility]
    /// Messages it holds the octets of without being their recipient (an eavesdropper's recording).
    public let recorded: [MessageKind]
    /// Values it held and erased, in the order erased.
    public let wiped: [WipedValue]
    /// What it did to messages on the wire (an active attacker): altered, replayed, dropped.
    public let interference: [Interference]

    /// The most recent value called `name`.
    public func value(_ name: ValueName) -> KnownValue? { knows.last { $0.name == name } }

    /// Why the party cannot compute `name`, if the ledger says it cannot.
    public func impossibility(_ name: ValueName) -> Impossibility? { cannot.first { $0.name == name } }

    /// The most recent wipe of a value called `name`, if it wiped one.
    public func wipe(_ name: ValueName) -> WipedValue? { wiped.last { $0.name == name } }
}

/// A value a party holds.
public struct KnownValue: Sendable, Equatable {
    public let name: ValueName
    public let octets: [UInt8]
    public let source: ValueSource
    /// The step at which it was learned (1-based).
    public let step: Int
}

/// A value a party held and erased (RFC 6539 §3.2: a and b once the exchange is over).
public struct WipedValue: Sendable, Equatable {
    public let name: ValueName
    /// The step at which it was learned.
    public let learned: Int
    /// The step at which it was wiped.
    public let step: Int
}

/// A value a party cannot compute, and the hard problem or missing secret that stops it.
public struct Impossibility: Sendable, Equatable {
    public let name: ValueName
    /// The reason, true at the step of the ledger that states it.
    public let reason: String
    /// The later event that lets the party compute it after all, when it does later in
    /// the run (the long-term keys leak); `nil` when nothing in the run changes it.
    public let until: Lifting?

    /// The reason as screens print it, the event that lifts it first, if any, so a
    /// narrow pane that cuts the reason still says it is temporary.
    public var why: String { until.map { "until \($0.event) (step \($0.step)): \(reason)" } ?? reason }
}

/// The step after which an impossibility no longer holds, and what happens there.
public struct Lifting: Sendable, Equatable {
    public let step: Int
    /// What happens, as the step's title says it: "the long-term keys leak to Eve".
    public let event: String
}
