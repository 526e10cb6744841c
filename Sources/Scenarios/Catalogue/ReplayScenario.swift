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
        return try stage.play {
            let keys = try stage.setUpCall()
            let device = ReplayCache()          // B's device remembers what it accepted, across calls
            try StagedExchange(on: stage, keys: keys, replayCache: device).run(stage)
            // Eve recorded the first call; she replays her recording of these two messages.
            guard let message1 = stage.builder.lastMessage(.iMessage1), let recorded1 = stage.builder.lastMessageStep(.iMessage1, to: .responder),
                  let oldResponse = stage.builder.lastMessage(.rMessage1), let recordedResponse = stage.builder.lastMessageStep(.rMessage1, to: .initiator)
            else { return }

            stage.env.clock.advance(seconds: 60)
            replay(message1, recordedAt: recorded1, to: StagedExchange(on: stage, keys: keys, replayCache: device), on: stage,
                   title: "a minute later, Eve replays I_MESSAGE_1",
                   narration: "A minute later Eve sends B her recording of I_MESSAGE_1 (step \(recorded1)) again, hoping B answers. B looks the ciphertext up in its replay cache before it spends a pairing.")

            // Past the clock-skew window of the fresh device's cache, so the timestamp is stale (PROFILE D10).
            let fresh = ReplayCache()
            stage.env.clock.advance(seconds: fresh.window + 60)
            replay(message1, recordedAt: recorded1, to: StagedExchange(on: stage, keys: keys, replayCache: fresh), on: stage,
                   title: "seven minutes on, Eve replays it to a fresh device",
                   narration: "Seven minutes after the call Eve tries again, this time at a device whose replay cache has never seen the message.")

            let second = StagedExchange(on: stage, keys: keys, replayCache: device)
            try second.receiveIMessage1(stage, try second.sendIMessage1(stage))
            _ = try second.sendRMessage1(stage)
            guard let realResponse = stage.builder.lastMessageStep(.rMessage1, to: .initiator) else { return }
            stage.builder.step(attacker.id, .tamper, "Eve drops R_MESSAGE_1 and replays the first call's",
                               message: WireMessage(.rMessage1, octets: oldResponse, from: attacker.id, to: .initiator,
                                                    notation: "R_MESSAGE_1 from the first call"),
                               interfering: [(.dropped, realResponse), (.replayed(original: recordedResponse), stage.builder.nextIndex)],
                               narration: "In a second call, Eve keeps B's real R_MESSAGE_1 (step \(realResponse)) from I and delivers her recording of the first call's (step \(recordedResponse)) instead.",
                               references: [.rfc(6267, "4.2.2.4")])
            try second.receiveRMessage1(stage, StepRecord(kind: .rMessage1, message: oldResponse))
        }
    }

    /// Eve sends her recording of I_MESSAGE_1 (from step `recordedAt`) to the responder
    /// of `exchange`, which refuses it.
    private static func replay(_ message1: [UInt8], recordedAt original: Int, to exchange: StagedExchange, on stage: Stage,
                               title: String, narration: String) {
        stage.builder.step(attacker.id, .tamper, title,
                           message: WireMessage(.iMessage1, octets: message1, from: attacker.id, to: .responder,
                                                notation: "replay of I_MESSAGE_1"),
                           interfering: [(.replayed(original: original), stage.builder.nextIndex)],
                           narration: narration, references: [.rfc(3830, "5.4"), .profile("D10")])
        _ = try? exchange.receiveIMessage1(stage, StepRecord(kind: .iMessage1, message: message1), from: attacker)
    }
}
