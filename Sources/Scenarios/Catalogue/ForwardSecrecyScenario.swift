import IBAKE
import IBE

/// `forward-secrecy`: after the call both long-term private keys, and even s, leak to
/// Eve. She opens the recorded IBE layers and learns aP and bP, yet abP is gone: a and
/// b were wiped when the exchange ended (RFC 6539 §3.3).
enum ForwardSecrecyScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.forwardSecrecy, options, parties: [.initiator, .responder, .kms, .eve],
                          watch: [.eve: Stage.adversaryWatch + [.mpk, .tgk, .srtpMasterKey, .content]])
        return try stage.play {
            let keys = try stage.setUpCall()
            let (initiatorKey, responderKey) = (keys.initiator, keys.responder)
            try StagedExchange(on: stage, keys: keys).runWithMedia(stage)
            let length = stage.profile.parameterSet.curve.coordinateLength
            stage.builder.phase = .leak
            stage.builder.step(.eve, .leak, "the long-term keys leak to Eve",
                               reveal: [(.eve, LearnedValue(.initiatorPrivateKey, Stage.octets(initiatorKey.key.point, length: length), .leak)),
                                        (.eve, LearnedValue(.responderPrivateKey, Stage.octets(responderKey.key.point, length: length), .leak)),
                                        (.eve, LearnedValue(.masterSecret, stage.kms.masterSecret.bytes, .leak))],
                               narration: "After the call, everything long-term leaks to Eve: I_PrK, R_PrK, even the KMS master secret s. Both ends wiped a and b when the exchange ended (R on sending R_MESSAGE_2, I on verifying it), as RFC 6539 requires.",
                               references: [.rfc(6539, "3.2"), .rfc(6539, "3.3")])
            stage.attemptOpen(.iMessage1, by: .eve, with: responderKey.key, keyName: .responderPrivateKey,
                              narration: "Eve opens her recording of I_MESSAGE_1 with the leaked R_PrK and reads aP.",
                              references: [.rfc(6539, "3.3")])
            stage.attemptOpen(.rMessage1, by: .eve, with: initiatorKey.key, keyName: .initiatorPrivateKey,
                              narration: "She opens R_MESSAGE_1 with the leaked I_PrK and reads bP.",
                              references: [.rfc(6539, "3.3")])
            stage.builder.step(.eve, .check, "the recorded call stays secret",
                               narration: "Eve now holds aP and bP, but abP needs a or b, which no longer exist anywhere: the recorded call, its SRTP key and its media stay secret (perfect forward secrecy). A future call uses fresh a and b, so a past leak does not open it either (backward secrecy).",
                               references: [.rfc(6539, "3.3"), .rfc(6267, "1")])
        }
    }
}
