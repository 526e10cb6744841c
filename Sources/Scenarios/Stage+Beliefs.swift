import IBAKE

/// Sentences about who holds what, from the point of view of the party whose belief it
/// is, and checked on the ledger: what a check lets a party believe, and who, by the
/// ledger, really holds the value. An active KMS makes the two differ (RFC 6539 §4).
extension Stage {
    /// A sentence and the comparisons of octets it rests on.
    struct Statement {
        let text: String
        let comparisons: [SameValue]
    }

    /// How a sentence names a party: "the KMS", "R", "D2".
    func name(_ party: Party) -> String { party.kind.isKMS ? "the KMS" : party.tag }

    /// "The KMS" at the start of a sentence.
    func capitalized(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }

    /// The party whose identity is `uri`, if the cast has one.
    func owner(of uri: String) -> Party? { parties.first { $0.identity == uri } }

    /// After key confirmation (RFC 6267 §4.2.2.8; PROFILE D8) `believer` takes the holder
    /// of `uri` to share `value` with it; the ledger says who does: the sender of the
    /// message, and the owner of `uri` when that is someone else.
    /// "I believes it shares MPK with sip:bob@ims.example; R holds the same MPK".
    func belief(of believer: Party, sharing value: ValueName, with uri: String, sender: Party) -> Statement {
        let withSender = builder.compare(value, [believer.id, sender.id])
        var comparisons = [withSender]
        let holders: String
        if let owner = owner(of: uri), owner != sender {
            let withOwner = builder.compare(value, [believer.id, owner.id])
            comparisons.append(withOwner)
            switch (withSender.same, withOwner.same) {
            case (true, false): holders = "\(name(sender)) holds it, and \(name(owner)) holds a different \(value)"
            case (true, true): holders = "\(name(sender)) and \(name(owner)) hold the same \(value)"
            case (false, _): holders = "\(name(sender)), which sent V, holds a different \(value)"
            }
        } else {
            holders = withSender.same ? "\(name(sender)) holds the same \(value)" : "\(name(sender)) holds a different \(value)"
        }
        return Statement(text: "\(capitalized(name(believer))) believes it shares \(value) with \(uri); \(holders)", comparisons: comparisons)
    }

    /// After an echo check (RFC 6267 §4.2.2.4, §4.2.2.6): when `side` ("the side that
    /// answered", "the calling side") is not the owner of the identity it used, who it is
    /// by the ledger, and whether it holds that identity's private key `key` (an active
    /// KMS derives every one).
    func impostor(_ sender: Party, as uri: String, side: String, key: ValueName) -> Statement? {
        guard let owner = owner(of: uri), owner != sender else { return nil }
        let comparison = builder.compare(key, [sender.id, owner.id])
        let holds = comparison.same ? "holds the same \(key) as \(name(owner))" : "holds a different \(key) from \(name(owner))'s"
        return Statement(text: "By the ledger, \(side) is \(name(sender)), not \(name(owner)): it \(holds).",
                         comparisons: [comparison])
    }
}
