import IBAKE
import IBE

/// `retargeting`: the call meant for B silently lands at C, who cannot open it and
/// answers with its own identity and no aP echo; the initiator sees who answered and
/// decides (RFC 6267 §3.2, §7.4; PROFILE D13).
enum RetargetingScenario {
    static let intended = Party.responder.cast(as: "Responder (intended, never reached)", kind: .bystander, tag: "B")
    static let target = Party(id: .targetC, name: "Carol (retarget target)", identity: "sip:carol@ims.example",
                              kind: .responder, tag: "C")

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.retargeting, options, parties: [.initiator, intended, target, .kms, .eve],
                          watch: [intended.id: [.aP, .abP, .sessionKey]])
        return try stage.play {
            let exchange = StagedExchange(on: stage, keys: try stage.setUpCall(answeredBy: target), answeredBy: target,
                                          calling: intended, policy: options.policy)
            let m1 = try exchange.sendDivertedIMessage1(
                stage, picking: "I calls \(intended.identity ?? "B"): it picks a, computes aP and encrypts it to B's identity.",
                title: "I_MESSAGE_1 is retargeted to C",
                narration: "I_MESSAGE_1 is addressed to B, but the network silently retargets the call (call forwarding) to C. C receives a message encrypted to B's identity.",
                references: [.rfc(6267, "3.2")])
            try exchange.receiveIMessage1(stage, m1, narration: "C checks the timestamp and its replay cache. The IBAKE payload is encrypted to B's identity and C holds no key for it: C cannot read aP.")
            let m2 = try exchange.sendRMessage1(stage)
            try stage.deliver(m2, from: target, to: .initiator, title: "I opens R_MESSAGE_1",
                              narration: "I decrypts R_MESSAGE_1: it was answered by \(target.identity ?? "C"), not the identity it called, and there is no aP echo, so C could not read I_MESSAGE_1. The initiator's policy decides (\(options.policy.rawValue)).",
                              references: [.rfc(6267, "4.2.2.4"), .rfc(6267, "7.4"), .profile("D13")], exchange.initiator.receiveRMessage1)
            // RFC 6267 §4.2.2.5: without ECCPTi in R_MESSAGE_1, I_MESSAGE_2 resends it together with an ESK;
            // the ESK carries an SK for the identity called, which C cannot open.
            // SK is the initiator's draw, from its own stream, as the initiator's role draws it
            // when it makes the deposit itself (a caller of its own, `net call --seed`, PROFILE D15).
            let secretKey = stage.env.random(for: .initiator).bytes(IBAKEProfile.secretKeyLength)
            let deposit = SecretKeyDeposit(intendedURI: intended.identity ?? "", secretKey: secretKey)
            let m3 = try exchange.initiator.makeIMessage2(deposit: deposit)
            stage.wire(m3, from: .initiator, to: target, title: "I sends I_MESSAGE_2 to C, with aP",
                       narration: "I continues with C: I_MESSAGE_2 is encrypted to C's identity and carries aP again (ECCPTi), since C never read it, with the bP echo, and an ESK with SK for B, as RFC 6267 asks when aP is resent.",
                       references: [.rfc(6267, "4.2.2.5")])
            try stage.deliver(m3, from: .initiator, to: target, title: "C opens I_MESSAGE_2",
                              narration: "C decrypts with its own key, checks its bP came back and now reads aP: C computes abP.",
                              references: [.rfc(6267, "4.2.2.6")], exchange.responder.receiveIMessage2)
            try exchange.receiveRMessage2(stage, try exchange.sendRMessage2(stage))
            let shared = stage.builder.compare(.abP, [.initiator, target.id])
            stage.builder.step(.initiator, .check, shared.same ? "I and C share abP; B never learns it" : "I and C hold different abP values",
                               comparing: [shared],
                               narration: "I knows who answered: C, by C's own identity, authenticated by the bP echo and V. \(shared.same ? "I and C hold the same abP." : "Yet I and C hold different abP values.") B never received anything and holds neither a nor b.",
                               references: [.rfc(6267, "7.4")])
        }
    }
}
