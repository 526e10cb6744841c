import IBAKE
import IBE

/// `malicious-kms`: the KMS turns active. It can compute anyone's private key, so it
/// answers I as B and calls B as I: two exchanges that both succeed, and it holds both
/// keys. MIKEY-IBAKE assumes the KMS is not an active attacker (RFC 6539 §4): here is why.
enum MaliciousKMSScenario {
    static let kms = Party.kms.cast(as: "KMS (malicious)", kind: .maliciousKMS)

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.maliciousKMS, options, parties: [.initiator, .responder, kms, .eve])
        return try stage.play {
            let keys = try stage.setUpCall()
            let (initiatorKey, responderKey) = (keys.initiator, keys.responder)
            // Toward I the KMS plays B (with R_PrK); toward B it plays I (with I_PrK).
            let withInitiator = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey],
                                               initiatorParty: .initiator, responderParty: kms, responderURI: Party.responder.identity)
            let withResponder = StagedExchange(on: stage, initiatorKey: initiatorKey, responderKeys: [responderKey],
                                               initiatorParty: kms, responderParty: .responder, initiatorURI: Party.initiator.identity)
            stage.builder.step(kms.id, .compute, "the KMS prepares to impersonate both sides",
                               narration: "The KMS computed I_PrK and R_PrK when it issued them. With them it can open and create every IBE layer either side would: it sits in the path and runs two exchanges, one with each side, each believing it talks to the other.",
                               references: [.rfc(6539, "4")])
            try withInitiator.receiveIMessage1(stage, try withInitiator.sendIMessage1(stage))
            try withResponder.receiveIMessage1(stage, try withResponder.sendIMessage1(stage))
            try withResponder.receiveRMessage1(stage, try withResponder.sendRMessage1(stage))
            try withInitiator.receiveRMessage1(stage, try withInitiator.sendRMessage1(stage))
            try withInitiator.receiveIMessage2(stage, try withInitiator.sendIMessage2(stage))
            try withResponder.receiveIMessage2(stage, try withResponder.sendIMessage2(stage))
            try withResponder.receiveRMessage2(stage, try withResponder.sendRMessage2(stage))
            try withInitiator.receiveRMessage2(stage, try withInitiator.sendRMessage2(stage))
            stage.builder.step(kms.id, .check, "both exchanges succeed; the KMS holds both keys",
                               narration: "Every check passed on both sides: the echoes match because the KMS opened each layer with the right key, and V verifies because each side shares its MPK with the KMS. I and B hold different keys, and the KMS holds both. The protocol defends against passive insiders, not against an active KMS: the KMS must be trusted not to do this.",
                               references: [.rfc(6539, "4"), .rfc(6267, "7")])
        }
    }
}
