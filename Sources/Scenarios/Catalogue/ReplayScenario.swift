import IBAKE
import IBE

/// `replay`: a finished call's I_MESSAGE_1 is replayed to the same device, then again
/// minutes later; and a message from the first call is slipped into a second one. The
/// replay cache, the clock-skew window and the session checks refuse each (PROFILE D10;
/// RFC 3830 §5.4).
enum ReplayScenario {
    static let attacker = Party.activeEve

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.replay, options, parties: [.initiator, .responder, .kms, attacker])
        stage.setUpKMS()
        let initiatorKey = try stage.provision(.initiator, keyName: .initiatorPrivateKey)
        let responderKey = try stage.provision(.responder, keyName: .responderPrivateKey)
        let device = ReplayCache()          // B's device remembers what it accepted, across calls
        let first = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey], replayCache: device)
        guard try first.run(stage) != nil, let message1 = stage.builder.lastMessage(.iMessage1),
              let oldResponse = stage.builder.lastMessage(.rMessage1) else { return stage.builder.timeline }

        stage.env.clock.advance(seconds: 60)
        let replayTarget = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey], replayCache: device)
        stage.builder.step(attacker.id, .tamper, "a minute later, Eve replays I_MESSAGE_1",
                           message: WireMessage(.iMessage1, octets: message1, from: attacker.id, to: Party.responder.id,
                                                notation: "replay of I_MESSAGE_1"),
                           narration: "A minute later Eve sends B the recorded I_MESSAGE_1 again, hoping B answers. B looks the ciphertext up in its replay cache before it spends a pairing.",
                           references: [.rfc(3830, "5.4"), .profile("D10")])
        _ = replayTarget.receiveIMessage1(stage, StepRecord(kind: .iMessage1, message: message1), from: attacker)

        stage.env.clock.advance(seconds: 360)
        let later = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey], replayCache: ReplayCache())
        stage.builder.step(attacker.id, .tamper, "seven minutes on, Eve replays it to a fresh device",
                           message: WireMessage(.iMessage1, octets: message1, from: attacker.id, to: Party.responder.id,
                                                notation: "replay of I_MESSAGE_1"),
                           narration: "Seven minutes after the call Eve tries again, this time at a device whose replay cache has never seen the message.",
                           references: [.rfc(3830, "5.4"), .profile("D10")])
        _ = later.receiveIMessage1(stage, StepRecord(kind: .iMessage1, message: message1), from: attacker)

        let second = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey], replayCache: device)
        guard second.receiveIMessage1(stage, try second.sendIMessage1(stage)) != nil else { return stage.builder.timeline }
        _ = try second.responder.makeRMessage1()
        stage.builder.step(attacker.id, .tamper, "Eve swaps in R_MESSAGE_1 of the first call",
                           message: WireMessage(.rMessage1, octets: oldResponse, from: attacker.id, to: Party.initiator.id,
                                                notation: "R_MESSAGE_1 from the first call"),
                           narration: "In a second call, Eve drops B's real R_MESSAGE_1 and delivers the one recorded from the first call.",
                           references: [.rfc(6267, "4.2.2.4")])
        _ = second.receiveRMessage1(stage, StepRecord(kind: .rMessage1, message: oldResponse))
        return stage.builder.timeline
    }
}
