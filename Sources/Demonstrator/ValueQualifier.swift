import Scenarios

/// Tells apart several values of one name in a pane (tamper's five a, a malicious
/// KMS's two aP): by the party each is shared with when those differ (`↔ I`, `↔ R`),
/// else by order (`#1`, `#2`), as each new attempt chose a fresh one.
enum ValueQualifier {
    /// One qualifier per value, or none at all when there is only one.
    static func qualifiers(for values: [KnownValue], of party: PartyID, in timeline: Timeline) -> [String?] {
        guard values.count > 1 else { return values.map { _ in nil } }
        let peers = values.map { peer(of: $0, for: party, in: timeline) }
        let distinct = Set(peers.compactMap { $0 })
        if distinct.count == values.count {
            return peers.map { $0.map { "↔ \(timeline.tag($0))" } }
        }
        return values.indices.map { "#\($0 + 1)" }
    }

    /// The party a value was exchanged with: the other party that holds the same octets
    /// by the end of the run (the KMS's abP that R also holds is R's), else the sender
    /// of the message it came from, else, for a value the party chose or computed, the
    /// recipient of the next message it sent (the one that carries it, or that it was made for).
    static func peer(of value: KnownValue, for party: PartyID, in timeline: Timeline) -> PartyID? {
        let steps = timeline.steps
        if let ledger = timeline.finalLedger, let sharer = ledger.parties.first(where: { other in
            other.party != party && other.knows.contains { $0.name == value.name && $0.octets == value.octets }
        }) {
            return sharer.party
        }
        let learned = min(max(value.step, 1), steps.count)
        if case .message(let kind) = value.source {
            return steps[..<learned].last { $0.message?.kind == kind && $0.message?.to == party }?.message?.from
        }
        return steps[(learned - 1)...].first { $0.message?.from == party }?.message?.to
    }
}
