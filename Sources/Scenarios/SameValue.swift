import IBAKE

/// A statement that parties hold the same value (or different ones), as a step's
/// narration or notes make it: computed from the ledger by comparing octets, so the
/// text built on it says only what holds.
public struct SameValue: Sendable, Equatable {
    public let value: ValueName
    /// The parties compared, two or more.
    public let parties: [PartyID]
    /// Whether they all hold a common value of that name (a party may hold several, as a
    /// malicious KMS holds two MPKs).
    public let same: Bool

    /// Whether `ledger` bears the statement out: the same test, on the step's ledger.
    public func holds(in ledger: Ledger) -> Bool {
        Self.common(value, parties.map { party in ledger[party]?.knows.filter { $0.name == value }.map(\.octets) ?? [] }) == same
    }

    /// Whether every party's values of `name` (one list each) share an element.
    static func common(_ name: ValueName, _ held: [[[UInt8]]]) -> Bool {
        guard let first = held.first else { return false }
        return first.contains { octets in held.allSatisfy { $0.contains(octets) } }
    }
}
