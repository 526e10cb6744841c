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
            try StagedExchange.relay(withInitiator, withResponder, on: stage)
            let outcome = outcome(on: stage)
            stage.builder.step(kms.id, .check, outcome.title, comparing: outcome.comparisons,
                               narration: "Every check passed on both sides: the echoes match because the KMS opened each layer with the right key, and V verifies on each side because \(outcome.text) The protocol defends against passive insiders, not an active KMS: it must be trusted not to do this.",
                               references: [.rfc(6539, "4"), .rfc(6267, "7")])
        }
    }

    /// Who holds which MPK at the end, as the ledger has it: each side's against the
    /// KMS's, and the two sides' against each other.
    private static func outcome(on stage: Stage) -> (title: String, text: String, comparisons: [SameValue]) {
        let withI = stage.builder.compare(.mpk, [.initiator, kms.id])
        let withR = stage.builder.compare(.mpk, [.responder, kms.id])
        let ends = stage.builder.compare(.mpk, [.initiator, .responder])
        let both = withI.same && withR.same
        let kmsHolds = both ? "the KMS holds the same MPK as I and the same MPK as R."
            : "the KMS holds \(withI.same ? "the same MPK as I" : "a different MPK from I's") and \(withR.same ? "the same MPK as R" : "a different MPK from R's")."
        let between = ends.same ? " I and R hold the same MPK." : " I and R hold different MPKs."
        let title = both && !ends.same ? "both exchanges succeed; the KMS holds both keys" : "both exchanges succeed"
        return (title, kmsHolds + between, [withI, withR, ends])
    }
}
