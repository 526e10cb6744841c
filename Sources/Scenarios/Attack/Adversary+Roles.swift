import IBAKE
import IBE

/// The attacks that bring roles of their own onto the stage: a message handed to another
/// party, Eve's own exchange under someone else's identity, the KMS in the middle.
extension Adversary {
    /// The messages of an exchange in order: what a party expects next is the first one
    /// after `kind` addressed to it (RFC 6267 §4.2.2).
    private static let order: [MessageKind] = [.iMessage1, .rMessage1, .iMessage2, .rMessage2]

    /// Eve keeps `message` from `receiver` and hands it to `target`, which runs the checks
    /// of the message it expects next; the receiver waits in vain.
    func redirect(_ message: StepRecord, sent: Int, from sender: Party, to receiver: Party, toward target: PartyID,
                  on stage: Stage) throws(ExchangeStopped) -> StepRecord {
        let kind = message.kind
        let party = stage.parties.first { $0.id == target }
        stage.builder.step(.eve, .tamper, "Eve redirects \(kind) to \(party?.tag ?? target.rawValue)",
                           message: WireMessage(kind, octets: message.message, from: .eve, to: target, notation: "\(kind), redirected"),
                           interfering: [(.dropped, sent), (.replayed(original: sent), stage.builder.nextIndex)],
                           narration: "Eve keeps \(kind) from \(receiver.tag) and sends it, unchanged, to \(party?.tag ?? target.rawValue) instead. Nothing in a MIKEY message says where it was going but its identities.",
                           references: [.rfc(6267, "4.2.2"), .rfc(6539, "3.3")])
        if let exchange = stage.exchange, let party, let expected = Self.order.drop(while: { $0 != kind }).dropFirst().first(where: { exchange.receiver(of: $0).id == party.id }) {
            acting = true
            defer { acting = false }
            _ = try? exchange.receive(expected, message, on: stage, from: .eve)
        } else {
            stage.builder.step(target, .check, "\(party?.tag ?? target.rawValue) has no use for \(kind)",
                               narration: "\(party?.tag ?? target.rawValue) expects no \(kind) at this point of any exchange it runs, and discards it.",
                               references: [.rfc(6267, "4.2.2")])
        }
        throw stall(kind, from: sender, to: receiver, on: stage)
    }

    /// Eve calls the other side claiming to be `party`: her I_MESSAGE_1 needs only the
    /// callee's public identity, but R_MESSAGE_1 comes back encrypted to `party`, and
    /// without its private key she cannot read bP, so never computes abP (RFC 6267 §4.2.2.4).
    func impersonate(_ party: PartyID, on stage: Stage) {
        guard let claimed = stage.parties.first(where: { $0.id == party }), let claimedURI = claimed.identity,
              let victim = stage.parties.first(where: { $0.id == (party == .initiator ? .responder : .initiator) }),
              let victimURI = victim.identity, let eve = stage.parties.first(where: { $0.id == .eve }),
              let victimKey = try? Self.entry(victimURI, on: stage) else { return }
        stage.builder.step(.eve, .compute, "Eve calls \(victim.tag) as \(claimed.tag)",
                           narration: "Eve starts an exchange of her own, claiming to be \(claimedURI). Anyone can encrypt to an identity: all she needs to call \(victimURI) is its name and the KMS's public parameters. What stops her?",
                           references: [.rfc(6267, "4.2.2.1"), .rfc(6539, "3.3")])
        let exchange = StagedExchange(
            initiator: Initiator(profile: stage.profile, keys: stage.keyRing(claimedURI, entries: []), kmsParameters: stage.kms.publicParameters,
                                 target: victimURI, policy: stage.builder.options.policy, random: stage.env.random, clock: stage.env.clock,
                                 memo: stage.memo),
            responder: Responder(profile: stage.profile, keys: stage.keyRing(victimURI, entries: [victimKey]), kmsParameters: stage.kms.publicParameters,
                                 replayCache: ReplayCache(), random: stage.env.random, clock: stage.env.clock, memo: stage.memo),
            initiatorParty: eve, responderParty: victim, initiatorURI: claimedURI)
        let (running, phase) = (stage.exchange, stage.builder.phase)
        acting = true
        defer { (stage.exchange, stage.builder.phase, acting) = (running, phase, false) }
        do {
            try exchange.receiveIMessage1(stage, try exchange.sendIMessage1(stage))
            try exchange.receiveRMessage1(stage, try exchange.sendRMessage1(stage))
            try exchange.receiveIMessage2(stage, try exchange.sendIMessage2(stage))
            try exchange.receiveRMessage2(stage, try exchange.sendRMessage2(stage))
        } catch is ExchangeStopped {
            // The victim answered and waits for an I_MESSAGE_2 Eve cannot make.
            if stage.builder.steps.last?.actor == eve.id { _ = stall(.rMessage1, from: victim, to: eve, on: stage) }
        } catch {
            stage.builder.step(.eve, .check, "Eve cannot go on", narration: "Eve's exchange stops: \(error).", references: [.rfc(6267, "4.2.2")])
        }
    }

    /// The KMS takes I_MESSAGE_1 off the wire and runs two exchanges, answering I as R and
    /// calling R as I, with the private keys it computed for both (RFC 6539 §4). The rest of
    /// the run is the two exchanges and the media I sends to the KMS.
    func takeOver(_ message: StepRecord, sent: Int, from sender: Party, on stage: Stage) throws(ExchangeStopped) -> Never {
        guard let exchange = stage.exchange, let kms = stage.parties.first(where: { $0.id == .kms }),
              let initiatorKey = try? Self.entry(exchange.initiatorURI, on: stage),
              let responderKey = try? Self.entry(exchange.responderURI, on: stage) else {
            throw ExchangeStopped(refused: message.kind, by: .kms)
        }
        stage.builder.step(.kms, .tamper, "the KMS takes I_MESSAGE_1 off the wire", interfering: [(.dropped, sent)],
                           narration: "The KMS turns active. It computed \(exchange.initiatorParty.tag)'s and \(exchange.responderParty.tag)'s private keys when it issued them, so it can open and create every IBE layer either side would: it answers \(exchange.initiatorParty.tag) as \(exchange.responderURI) and calls \(exchange.responderParty.tag) as \(exchange.initiatorURI).",
                           references: [.rfc(6539, "4")])
        let withInitiator = StagedExchange(
            initiator: exchange.initiator,
            responder: Responder(profile: stage.profile, keys: stage.keyRing(exchange.responderURI, entries: [responderKey]),
                                 kmsParameters: stage.kms.publicParameters, replayCache: ReplayCache(), random: stage.env.random,
                                 clock: stage.env.clock, memo: stage.memo),
            initiatorParty: exchange.initiatorParty, responderParty: kms, responderURI: exchange.responderURI)
        let withResponder = StagedExchange(
            initiator: Initiator(profile: stage.profile, keys: stage.keyRing(exchange.initiatorURI, entries: [initiatorKey]),
                                 kmsParameters: stage.kms.publicParameters, target: exchange.responderURI, policy: stage.builder.options.policy,
                                 random: stage.env.random, clock: stage.env.clock, memo: stage.memo),
            responder: exchange.responder, initiatorParty: kms, responderParty: exchange.responderParty, initiatorURI: exchange.initiatorURI)
        acting = true
        defer { acting = false }
        let received = try withInitiator.receiveIMessage1(stage, message)
        do {
            try StagedExchange.relay(withInitiator, withResponder, on: stage)
            try MediaSample.send(on: stage, after: StagedExchange.Completed(sentMessage1: message, receivedMessage1: received), of: withInitiator)
        } catch let stopped as ExchangeStopped {
            throw stopped
        } catch {
            stage.builder.step(.kms, .check, "the KMS cannot go on", narration: "The KMS's exchanges stop: \(error).", references: [.rfc(6539, "4")])
        }
        // The original exchange does not go on: its I_MESSAGE_1 never reached R.
        throw ExchangeStopped(refused: message.kind, by: .kms)
    }

    /// The private key of `uri` for the current key period, as the KMS computes it (RFC 5091 §5.3).
    private static func entry(_ uri: String, on stage: Stage) throws -> KeyRing.Entry {
        let identity = try KeyPeriod.identity(uri, atNTP: stage.env.clock.now())
        return KeyRing.Entry(identity: identity, key: stage.kms.extractPrivateKey(for: identity))
    }
}
