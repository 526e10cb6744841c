import IBAKE
import IBE
import MIKEY

/// The four-message exchange as steps on a stage, shared by the scenarios built on it.
struct StagedExchange {
    let initiator: Initiator
    let responder: Responder
    let initiatorParty: Party
    let responderParty: Party
    /// The identities the roles use (an impostor uses someone else's), for the narration.
    let initiatorURI: String
    let responderURI: String

    /// The initiator calls the responder with the keys ``Stage/setUpCall(answeredBy:)`` fetched.
    init(on stage: Stage, keys: Stage.CallKeys, replayCache: ReplayCache = ReplayCache()) {
        self.init(on: stage, initiatorKey: keys.initiator, responderKeys: [keys.responder], replayCache: replayCache)
    }

    /// A call to `intended` that `party` answers instead (a retarget target, a mailbox),
    /// with the keys ``Stage/setUpCall(answeredBy:)`` fetched for the initiator and `party`.
    init(on stage: Stage, keys: Stage.CallKeys, answeredBy party: Party, calling intended: Party, policy: Initiator.Policy) {
        self.init(on: stage, initiatorKey: keys.initiator, responderKeys: [keys.responder], responderParty: party,
                  target: intended.identity, policy: policy)
    }

    /// An exchange over roles made elsewhere (forking makes the devices itself; an attacker
    /// plays a role under an identity not her own, given as `initiatorURI` or `responderURI`).
    init(initiator: Initiator, responder: Responder, initiatorParty: Party, responderParty: Party,
         initiatorURI: String? = nil, responderURI: String? = nil) {
        self.initiator = initiator
        self.responder = responder
        self.initiatorParty = initiatorParty
        self.responderParty = responderParty
        self.initiatorURI = initiatorURI ?? initiatorParty.identity ?? ""
        self.responderURI = responderURI ?? responderParty.identity ?? ""
    }

    /// `initiatorURI` and `responderURI` are the identities the roles use, by default
    /// the parties' own; an impostor uses someone else's.
    init(on stage: Stage, initiatorKey: KeyRing.Entry, responderKeys: [KeyRing.Entry], initiatorParty: Party = .initiator,
         responderParty: Party = .responder, initiatorURI: String? = nil, responderURI: String? = nil, target: String? = nil,
         policy: Initiator.Policy = .continue, replayCache: ReplayCache = ReplayCache()) {
        let initiatorURI = initiatorURI ?? initiatorParty.identity ?? ""
        let responderURI = responderURI ?? responderParty.identity ?? ""
        initiator = Initiator(profile: stage.profile, keys: stage.keyRing(initiatorURI, entries: [initiatorKey]),
                              kmsParameters: stage.kms.publicParameters, target: target ?? responderURI, policy: policy,
                              random: stage.env.random(for: initiatorParty), clock: stage.env.clock, memo: stage.memo)
        responder = Responder(profile: stage.profile, keys: stage.keyRing(responderURI, entries: responderKeys),
                              kmsParameters: stage.kms.publicParameters, replayCache: replayCache,
                              random: stage.env.random(for: responderParty), clock: stage.env.clock, memo: stage.memo)
        self.initiatorParty = initiatorParty
        self.responderParty = responderParty
        self.initiatorURI = initiatorURI
        self.responderURI = responderURI
    }

    /// I_MESSAGE_1: I picks a, computes aP, sends. Returns the octets sent.
    func sendIMessage1(_ stage: Stage, deposit: SecretKeyDeposit? = nil) throws -> StepRecord {
        stage.builder.phase = .exchange
        stage.exchange = self
        let record = try initiator.makeIMessage1(deposit: deposit)
        let i = initiatorParty.tag
        stage.compute(record, by: initiatorParty, title: "\(i) picks a, computes aP",
                      narration: "\(i) picks a fresh random a and computes aP on \(stage.profile.group.name), a new CSB ID and RAND. a never leaves \(i).",
                      references: [.rfc(6267, "4.2.2.1"), .rfc(6539, "3.2")])
        stage.wire(record, from: initiatorParty, to: responderParty, title: "\(i) sends I_MESSAGE_1",
                   narration: "I_MESSAGE_1 carries IDRi and IDRr in clear and an IBAKE payload: IDRi, aP and IDRr encrypted to the public key of \(initiator.targetURI) for this month. Only a holder of that identity's private key can read aP.",
                   references: [.rfc(6267, "4.2.2.1"), .profile("D1"), .profile("D2")])
        return record
    }

    /// I_MESSAGE_1 of a call that lands elsewhere than the identity called: I's compute
    /// step (`picking` says what it does) and the message on the wire, told in the
    /// scenario's own words.
    func sendDivertedIMessage1(_ stage: Stage, picking: String, title: String, narration: String,
                               references: [SpecReference]) throws -> StepRecord {
        stage.builder.phase = .exchange
        let record = try initiator.makeIMessage1()
        stage.compute(record, by: initiatorParty, title: "\(initiatorParty.tag) picks a, computes aP", narration: picking,
                      references: [.rfc(6267, "4.2.2.1")])
        stage.wire(record, from: initiatorParty, to: responderParty, title: title, narration: narration, references: references)
        return record
    }

    func sendRMessage1(_ stage: Stage) throws -> StepRecord {
        let record = try responder.makeRMessage1()
        let r = responderParty.tag
        let knowsAbP = record.learned.contains { $0.name == .abP }
        stage.compute(record, by: responderParty, title: "\(r) picks b, computes bP\(knowsAbP ? " and abP" : "")",
                      narration: knowsAbP
                        ? "\(r) picks b and computes bP, and already holds abP = b·aP, from which it derives K_SESSION, MPK, TGK and the SRTP key."
                        : "\(r) picks b and computes bP. Without aP it cannot compute abP yet.",
                      references: [.rfc(6267, "4.2.2.3"), .rfc(6267, "5"), .profile("D6"), .profile("D7")])
        stage.wire(record, from: responderParty, to: initiatorParty, title: "\(r) sends R_MESSAGE_1",
                   narration: "R_MESSAGE_1 repeats HDR and T and carries, encrypted to \(initiatorURI), IDRi, the aP echo (if \(r) could read aP), the answering identity \(responderURI) and bP.",
                   references: [.rfc(6267, "4.2.2.3")])
        return record
    }

    func sendIMessage2(_ stage: Stage, deposit: SecretKeyDeposit? = nil) throws -> StepRecord {
        let record = try initiator.makeIMessage2(deposit: deposit)
        let (i, r) = (initiatorParty.tag, responderParty.tag)
        stage.wire(record, from: initiatorParty, to: responderParty, title: "\(i) sends I_MESSAGE_2",
                   narration: "I_MESSAGE_2 returns bP to \(r), encrypted to the identity that answered (\(responderURI)), with I_MESSAGE_1's RAND and a fresh T\(deposit == nil ? "" : ", and an ESK carrying SK for \(deposit?.intendedURI ?? "")").",
                   references: [.rfc(6267, "4.2.2.5")])
        return record
    }

    func sendRMessage2(_ stage: Stage) throws -> StepRecord {
        let record = try responder.makeRMessage2()
        stage.wire(record, from: responderParty, to: initiatorParty, title: "\(responderParty.tag) sends R_MESSAGE_2",
                   narration: "R_MESSAGE_2 ends with V, a MAC over the message and both identities under auth_key, derived from \(responderParty.tag)'s MPK: only a receiver whose MPK matches can verify it (key confirmation).",
                   references: [.rfc(6267, "4.2.2.7"), .rfc(6267, "5.4"), .profile("D8")])
        return record
    }

    /// I_MESSAGE_1 as the initiator sent it and as the responder read it: the HDR of
    /// each announces the crypto session (SRTP-ID map, RFC 3830 §6.1.1) that side's media uses.
    struct Completed {
        let sentMessage1: StepRecord
        let receivedMessage1: StepRecord
    }

    /// All four messages; throws ``ExchangeStopped`` at the first refusal.
    @discardableResult
    func run(_ stage: Stage) throws -> Completed {
        let sent = try sendIMessage1(stage)
        let received = try receiveIMessage1(stage, sent)
        try receiveRMessage1(stage, try sendRMessage1(stage))
        try receiveIMessage2(stage, try sendIMessage2(stage))
        try receiveRMessage2(stage, try sendRMessage2(stage))
        return Completed(sentMessage1: sent, receivedMessage1: received)
    }

    /// All four messages, then a media sample under the keys they agreed (PROFILE D9).
    func runWithMedia(_ stage: Stage) throws {
        try MediaSample.send(on: stage, after: try run(stage), of: self)
    }
}
