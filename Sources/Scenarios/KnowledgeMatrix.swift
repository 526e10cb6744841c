import IBAKE

/// Who knows what at one step: for each value asked about, each party's standing,
/// read from that step's ledger alone. The demonstrator's who-knows view draws it;
/// nothing here is text for a screen except the ledger's own reasons.
public struct KnowledgeMatrix: Sendable {
    /// A party's standing towards one value at the step.
    public enum Standing: Sendable, Equatable {
        /// It holds the value (several, when it holds distinct values of one name, as a
        /// malicious KMS holds one abP per side), learned at these steps.
        case knows([KnownValue])
        /// The ledger says it cannot compute the value, and why.
        case cannot(String)
        /// Neither: it may learn the value later, or the value does not concern it.
        case notYet
    }

    /// Whether the parties that hold a value hold the same octets (each its latest:
    /// a group key that changed with the membership is compared as it is now).
    public enum Agreement: Sendable, Equatable {
        /// At most one party holds it (nothing to compare).
        case single
        /// Every holder holds the same octets.
        case same
        /// Two holders differ: whoever believes it shares the value with the other is wrong.
        case different
    }

    public struct Row: Sendable {
        public let name: ValueName
        /// One standing per party, in the matrix's party order.
        public let standings: [Standing]
        public let agreement: Agreement

        /// The standing of the party at `column`.
        public subscript(column: Int) -> Standing { standings[column] }
    }

    /// The step the matrix is read at.
    public let step: Int
    public let parties: [Party]
    public let rows: [Row]

    /// The matrix of `names` × `parties` at `step`.
    public init(step: Step, parties: [Party], names: [ValueName]) {
        self.step = step.index
        self.parties = parties
        rows = names.map { name in
            let standings = parties.map { party -> Standing in
                guard let ledger = step.ledger[party.id] else { return .notYet }
                let held = Self.distinct(ledger.knows.filter { $0.name == name })
                if !held.isEmpty { return .knows(held) }
                if let impossibility = ledger.impossibility(name) { return .cannot(impossibility.why) }
                return .notYet
            }
            let agreement = Self.perIdentity.contains(name) ? Agreement.single : Self.agreement(standings)
            return Row(name: name, standings: standings, agreement: agreement)
        }
    }

    /// Private keys belong to an identity, not to an exchange: two members' R_PrK differ
    /// because their identities do, so comparing them says nothing (and is not done).
    static let perIdentity: Set<ValueName> = [.initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey, .eavesdropperPrivateKey]

    /// The row of `name`, if the matrix has one.
    public func row(_ name: ValueName) -> Row? { rows.first { $0.name == name } }

    /// Values of one name with distinct octets, first learned first (a value learned
    /// again, as a second exchange re-derives sP, counts once).
    static func distinct(_ values: [KnownValue]) -> [KnownValue] {
        var seen = [[UInt8]]()
        return values.filter { value in
            guard !seen.contains(value.octets) else { return false }
            seen.append(value.octets)
            return true
        }
    }

    static func agreement(_ standings: [Standing]) -> Agreement {
        let held = standings.compactMap { standing -> [UInt8]? in
            if case .knows(let values) = standing { return values.last?.octets }
            return nil
        }
        if Set(held).count > 1 { return .different }
        return held.count > 1 ? .same : .single
    }
}
