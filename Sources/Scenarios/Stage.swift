import IBAKE
import IBE
import MIKEY
import Primitives

/// Where a scenario plays: the KMS, the run's randomness and clock, the timeline
/// builder, and the moves every scenario is made of (set-up, provisioning, a message
/// from one party to another). Every move runs the real protocol code.
final class Stage {
    let builder: TimelineBuilder
    let env: RunEnvironment
    let profile: IBAKEProfile
    let kms: KeyManagementService
    /// IBE results (KMS set-up, private and recipient keys) computed once per run, or
    /// once for the runs sharing ``ScenarioOptions/memo``, and used by every party.
    let memo: IBEMemo
    /// The secret each identity shares with the KMS for provisioning, once chosen.
    var psks: [String: [UInt8]] = [:]

    /// Eve acting on a branch (issue 12); nil on a plain run.
    let adversary: Adversary?
    /// The exchange under way, whose roles a replayed message reaches.
    var exchange: StagedExchange?

    /// Values every adversary's ledger states it cannot compute.
    static let adversaryWatch: [ValueName] = [.a, .b, .aP, .bP, .abP, .sessionKey]

    init(_ scenario: ScenarioName, _ options: ScenarioOptions, parties: [Party], watch: [PartyID: [ValueName]] = [:]) {
        var watching = watch
        var parties = parties
        // A branch's attacker is Eve; a scenario without her gets her on the path.
        if !options.plan.isEmpty, !parties.contains(where: { $0.id == .eve }) { parties.append(.activeEve) }
        adversary = options.plan.isEmpty ? nil : Adversary(options.plan)
        memo = options.memo ?? IBEMemo()
        for party in parties where party.kind.isOutsider && watching[party.id] == nil {
            watching[party.id] = Self.adversaryWatch
        }
        builder = TimelineBuilder(scenario: scenario, options: options, parties: parties, watch: watching)
        env = RunEnvironment(seed: options.seed)
        profile = IBAKEProfile(parameterSet: options.parameterSet)
        kms = KeyManagementService(parameterSet: options.parameterSet, using: env.random, memo: memo)
    }

    var parties: [Party] { builder.parties }
    /// Outsiders on the path, passive or active, record every message (an active
    /// attacker replays what she recorded).
    var observers: [PartyID] { parties.filter(\.kind.isOutsider).map(\.id) }

    /// Letters for identities no party owns (forking's common identity is the user B).
    var aliases: [String: String] = [:]

    /// The letter of the party an identity belongs to (for message notation).
    func tag(_ uri: String) -> String {
        aliases[uri] ?? parties.first { $0.identity == uri }?.tag ?? uri
    }

    // MARK: Messages

    /// A message on the wire: observers record it and read its clear payloads; what the
    /// sender wiped on making it leaves its ledger.
    @discardableResult
    func wire(_ record: StepRecord, from sender: Party, to receiver: Party, title: String,
              reveal: [(PartyID, LearnedValue)] = [], narration: String, references: [SpecReference]) -> Int {
        adversary?.actAfterSteps(on: self)
        let message = WireMessage(record.kind, octets: record.message, from: sender.id, to: receiver.id,
                                  notation: Notation.describe(record.kind, layers: record.layers, tag: tag),
                                  sealedLayers: record.layers)
        var revealed = reveal
        for observer in observers { revealed += clearValues(of: record.message).map { (observer, $0) } }
        return builder.step(sender.id, .send, title, message: message, reveal: revealed,
                            forget: record.wiped.map { (sender.id, $0) }, recordedBy: observers,
                            narration: narration, references: references)
    }

    /// What anyone on the path reads in clear: RAND, CSB ID, the identities.
    private func clearValues(of octets: [UInt8]) -> [LearnedValue] {
        guard let message = try? MIKEYMessage(decoding: octets) else { return [] }
        let source = ValueSource.message(MessageKind(message.header.dataType))
        var values = [LearnedValue(.csbID, message.header.csbID.bigEndianOctets, source)]
        if let rand = message.rand { values.append(LearnedValue(.rand, rand, source)) }
        if let initiator = message.identity(.initiator) { values.append(LearnedValue(.initiatorIdentity, initiator.data, source)) }
        if let responder = message.identity(.responder) { values.append(LearnedValue(.responderIdentity, responder.data, source)) }
        return values
    }

    /// The values a sender chose or computed before sending, as their own step.
    func compute(_ record: StepRecord, by party: Party, title: String, narration: String, references: [SpecReference]) {
        let values = record.learned.filter { $0.source == .generated || $0.source == .computed }
        guard !values.isEmpty else { return }
        builder.step(party.id, .compute, title, reveal: values.map { (party.id, $0) }, narration: narration, references: references)
    }

    /// Delivers a message from `sender`: the receiver's checks pass and it learns values
    /// (a receive step, with `notes` after the role's own and the comparisons of sameness
    /// its text makes), or a check refuses it (a
    /// refuse step, which names the wire step of the message it refuses), followed by the Error
    /// message the receiver sends back when the RFC has it answer (PROFILE D18). Returns
    /// what the receiver recorded; throws ``ExchangeStopped`` after a refusal.
    @discardableResult
    func deliver(_ message: StepRecord, from sender: Party, to party: Party, title: String, narration: String,
                 notes: [String] = [], comparing: [SameValue] = [], references: [SpecReference],
                 _ receive: ([UInt8]) throws(IBAKEFailure) -> StepRecord) throws(ExchangeStopped) -> StepRecord {
        let name = message.kind
        var message = message
        if let adversary {
            let sent = builder.lastMessageStep(name, to: party.id)
            adversary.actAfterSteps(on: self)
            message = try adversary.intercept(message, sentAt: sent, from: sender, to: party, on: self)
        }
        do {
            let record = try receive(message.message)
            builder.step(party.id, .receive, title, reveal: record.learned.map { (party.id, $0) },
                         forget: record.wiped.map { (party.id, $0) }, checks: outcomes(record.passed),
                         comparing: comparing, notes: record.notes + notes, narration: narration, references: references)
            return record
        } catch {
            let answer = error.errorMessage == nil
                ? " The message is discarded without an answer."
                : " \(party.tag) answers with an Error message."
            builder.step(party.id, .refuse, "\(party.tag) refuses \(name)",
                         checks: [CheckOutcome(check: error.check, passed: false, detail: error.reason)],
                         refusing: builder.lastMessageStep(name, to: party.id),
                         narration: "\(party.tag) refuses \(name): the \(error.check.title) check fails (\(error.reason)). The exchange stops here.\(answer)",
                         references: references)
            if let reply = error.errorMessage, let number = error.errorNumber {
                sendError(reply, number: number, from: party, to: sender)
            }
            throw ExchangeStopped(refused: name, by: party.id)
        }
    }

    /// An Error message on the wire (RFC 3830 §5.1.2, §6.12; PROFILE D18).
    private func sendError(_ octets: [UInt8], number: ErrorNumber, from sender: Party, to receiver: Party) {
        let message = WireMessage(.error, octets: octets, from: sender.id, to: receiver.id,
                                  notation: "ERR(\(number.name))")
        var revealed = [(PartyID, LearnedValue)]()
        for observer in observers { revealed += clearValues(of: octets).map { (observer, $0) } }
        builder.step(sender.id, .send, "\(sender.tag) answers with Error (\(number.name))", message: message, reveal: revealed,
                     recordedBy: observers,
                     narration: "\(sender.tag) tells the sender why it stopped: an Error message with ERR \(number.rawValue) (\(number.name)), the HDR of the refused message and its own time. Nothing authenticates it (RFC 3830 lets an Error that follows a failed check go unprotected), so the receiver may only take it as advice.",
                     references: [.rfc(3830, "5.1.2"), .rfc(3830, "6.12"), .profile("D18")])
    }

    /// Plays `script` on this stage and returns the timeline it recorded. A refusal that
    /// stops the exchange (``ExchangeStopped``) ends the script there; the timeline
    /// ends with the refusal and the Error message, if any.
    func play(_ script: () throws -> Void) throws -> Timeline {
        try untilStopped(script)
        // Eve's attacks after the run's last step, and what a leaked key opens that was sent after it.
        adversary?.actAfterSteps(on: self, all: true)
        if let adversary { try? adversary.inserting(self) { () throws(ExchangeStopped) in adversary.openRecorded(on: self) } }
        return builder.timeline
    }

    /// Runs `script` until it ends or a refusal stops its exchange (``ExchangeStopped``):
    /// one exchange of several (tamper tries one attack per exchange).
    func untilStopped(_ script: () throws -> Void) throws {
        do {
            try script()
        } catch is ExchangeStopped {}
    }

    func outcomes(_ checks: [IBAKECheck]) -> [CheckOutcome] {
        checks.map { CheckOutcome(check: $0, passed: true, detail: "") }
    }

    func keyRing(_ uri: String, entries: [KeyRing.Entry]) -> KeyRing {
        var ring = KeyRing(ownURI: uri)
        for entry in entries { ring.add(entry.key, for: entry.identity) }
        return ring
    }
}
