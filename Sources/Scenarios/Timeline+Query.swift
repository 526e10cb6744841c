/// Steps found by what happens at them rather than by number, so tests and views keep
/// meaning the same step when a scenario gains or loses one.
extension Timeline {
    /// The first step after which `party` holds `value`: "the step where R learns abP".
    public func step(where party: PartyID, learns value: ValueName) -> Step? {
        steps.first { $0.ledger.knows(party, value) }
    }

    /// The steps that put a message of `kind` on the wire, in order.
    public func steps(sending kind: MessageKind) -> [Step] {
        steps.filter { $0.message?.kind == kind }
    }
}
