import IBAKE

extension StagedExchange {
    /// A party in the middle (a malicious KMS, RFC 6539 §4) that answers the initiator in
    /// `toInitiator` and calls the responder in `toResponder`, once the initiator's
    /// I_MESSAGE_1 has reached it: the other seven messages of the two exchanges, each
    /// message to one side made from what the other side sent. Throws ``ExchangeStopped``
    /// at a refusal.
    static func relay(_ toInitiator: StagedExchange, _ toResponder: StagedExchange, on stage: Stage) throws {
        try toResponder.receiveIMessage1(stage, try toResponder.sendIMessage1(stage))
        try toResponder.receiveRMessage1(stage, try toResponder.sendRMessage1(stage))
        try toInitiator.receiveRMessage1(stage, try toInitiator.sendRMessage1(stage))
        try toInitiator.receiveIMessage2(stage, try toInitiator.sendIMessage2(stage))
        try toResponder.receiveIMessage2(stage, try toResponder.sendIMessage2(stage))
        try toResponder.receiveRMessage2(stage, try toResponder.sendRMessage2(stage))
        try toInitiator.receiveRMessage2(stage, try toInitiator.sendRMessage2(stage))
    }
}
