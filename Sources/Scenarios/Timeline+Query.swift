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

extension Timeline {
    /// What has happened, by step `current`, to the message the step `index` put on the
    /// wire: tampered, replayed or dropped (an attacker's ledger says so), refused (a
    /// refusal names it). In ``WireMark`` order.
    public func marks(ofMessageAt index: Int, through current: Int) -> [WireMark] {
        let past = steps.prefix(max(0, current))
        var marks = Set<WireMark>()
        for party in past.last?.ledger.parties ?? [] {
            for act in party.interference where act.messageStep == index { marks.insert(act.mark) }
        }
        if past.contains(where: { $0.refusedMessage == index }) { marks.insert(.refused) }
        return WireMark.allCases.filter(marks.contains)
    }
}
