import IBAKE
import MIKEY

/// The receiving side of each of the four messages: who opens it, what the narration
/// says it checks, and the role's own code that checks it. A refusal throws
/// ``ExchangeStopped`` (``Stage/deliver(_:from:to:title:narration:references:_:)``).
extension StagedExchange {
    /// R receives I_MESSAGE_1 from `sender` (the initiator, unless an attacker replays
    /// it); `narration` replaces the usual one (a party that cannot read aP).
    @discardableResult
    func receiveIMessage1(_ stage: Stage, _ message: StepRecord, narration: String? = nil,
                          from sender: Party? = nil) throws(ExchangeStopped) -> StepRecord {
        try open(.iMessage1, message, on: stage, from: sender, narration: narration)
    }

    /// I receives R_MESSAGE_1: the aP echo authenticates the answering side.
    @discardableResult
    func receiveRMessage1(_ stage: Stage, _ message: StepRecord) throws(ExchangeStopped) -> StepRecord {
        try open(.rMessage1, message, on: stage)
    }

    /// R receives I_MESSAGE_2: the bP echo authenticates the calling side.
    @discardableResult
    func receiveIMessage2(_ stage: Stage, _ message: StepRecord) throws(ExchangeStopped) -> StepRecord {
        try open(.iMessage2, message, on: stage)
    }

    /// I receives R_MESSAGE_2 and checks V.
    @discardableResult
    func receiveRMessage2(_ stage: Stage, _ message: StepRecord) throws(ExchangeStopped) -> StepRecord {
        try open(.rMessage2, message, on: stage)
    }

    /// A message of `kind` from `sender` reaches this exchange's role that receives it
    /// (Eve's replay, issue 12).
    @discardableResult
    func receive(_ kind: MessageKind, _ message: StepRecord, on stage: Stage, from sender: PartyID) throws(ExchangeStopped) -> StepRecord {
        try open(kind, message, on: stage, from: stage.parties.first { $0.id == sender })
    }

    /// The party a message of `kind` is addressed to in this exchange.
    func receiver(of kind: MessageKind) -> Party {
        kind == .iMessage1 || kind == .iMessage2 ? responderParty : initiatorParty
    }

    private func open(_ kind: MessageKind, _ message: StepRecord, on stage: Stage, from sender: Party? = nil,
                      narration: String? = nil) throws(ExchangeStopped) -> StepRecord {
        let (i, r) = (initiatorParty.tag, responderParty.tag)
        let receiver = receiver(of: kind)
        let usualSender = receiver == responderParty ? initiatorParty : responderParty
        let title: String, told: String, references: [SpecReference], read: ([UInt8]) throws(IBAKEFailure) -> StepRecord
        var statement: Stage.Statement?
        switch kind {
        case .iMessage1:
            (title, references, read) = ("\(r) opens I_MESSAGE_1", [.rfc(6267, "4.2.2.2"), .profile("D10")], responder.receiveIMessage1)
            told = "\(r) checks the timestamp is fresh and new to its replay cache, decrypts the IBAKE payload with the private key of \(initiator.targetURI) and checks the identities inside match the clear ones."
        case .rMessage1:
            (title, references, read) = ("\(i) opens R_MESSAGE_1", [.rfc(6267, "4.2.2.4"), .rfc(6539, "3.2")], initiator.receiveRMessage1)
            // What I believes, and who the ledger says answered.
            statement = stage.impostor(responderParty, as: initiator.targetURI, side: "the side that answered", key: .responderPrivateKey)
            told = "\(i) decrypts with its private key. The aP inside must be the aP it sent: only a holder of the private key of \(initiator.targetURI) could have read it, so \(i) takes the answering side to be that identity."
                + (statement.map { " \($0.text)" } ?? "") + " \(i) now computes abP = a·bP and derives its keys from it."
        case .iMessage2:
            (title, references, read) = ("\(r) opens I_MESSAGE_2", [.rfc(6267, "4.2.2.6"), .rfc(6539, "3.2")], responder.receiveIMessage2)
            statement = stage.impostor(initiatorParty, as: initiatorURI, side: "the calling side", key: .initiatorPrivateKey)
            told = "\(r) decrypts and finds its own bP: only a holder of the private key of \(initiatorURI) could have read R_MESSAGE_1, so \(r) takes the calling side to be that identity."
                + (statement.map { " \($0.text)" } ?? "")
        default:
            (title, references, read) = ("\(i) verifies R_MESSAGE_2", [.rfc(6267, "4.2.2.8"), .profile("D8")], initiator.receiveRMessage2)
            told = "\(i) recomputes V with its own auth_key, derived from its MPK, and it matches (key confirmation)."
            statement = stage.belief(of: initiatorParty, sharing: .mpk, with: responderURI, sender: responderParty)
        }
        let notes = kind == .rMessage2 ? statement.map { [$0.text] } ?? [] : []
        return try stage.deliver(message, from: sender ?? usualSender, to: receiver, title: title, narration: narration ?? told,
                                 notes: notes, comparing: statement?.comparisons ?? [], references: references, read)
    }
}
