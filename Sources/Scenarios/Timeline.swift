/// A scenario run for real: its parties and its steps in order.
public struct Timeline: Sendable {
    public let scenario: ScenarioName
    public let seed: UInt64?
    public let parameterSet: String
    public let parties: [Party]
    public let steps: [Step]
    /// What a mode's run used in place of the IBE parameter set, when it is not the set
    /// (MIKEY-SAKKE's RFC 6509 curve, MIKEY-PK's RSA keys); nil for MIKEY-IBAKE's runs.
    public var cryptography: Cryptography? = nil
    /// The one party whose view this is, for a network party's own screen (issue 14):
    /// only its pane has values; nil for the scenarios, which see every party.
    public var viewpoint: PartyID? = nil
    /// What screens call the run instead of the scenario's name ("net call
    /// sip:alice@ims.example"), for a network party's own timeline.
    public var title: String? = nil

    /// A mode's cryptography in words: in full for a run's header, briefly for a status line.
    public struct Cryptography: Sendable, Equatable {
        public let summary: String
        public let brief: String
    }

    /// What screens call the run: its title, else the scenario's name.
    public var name: String { title ?? scenario.rawValue }

    /// The ledger after the last step.
    public var finalLedger: Ledger? { steps.last?.ledger }

    public func party(_ id: PartyID) -> Party? { parties.first { $0.id == id } }

    /// The party's short tag (`I`, `KMS`, `Eve`), or the id itself for a party not in the cast.
    public func tag(_ id: PartyID) -> String { party(id)?.tag ?? id.rawValue }

    /// The party's name as screens show it (`Initiator`), or the id itself for a party not in the cast.
    public func name(_ id: PartyID) -> String { party(id)?.name ?? id.rawValue }
}
