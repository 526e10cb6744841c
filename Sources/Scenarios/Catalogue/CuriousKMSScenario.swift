import IBAKE
import IBE
import MIKEY
import Primitives

/// `curious-kms`: the KMS can derive every private key, so it opens every IBE layer
/// and learns aP and bP; it still cannot compute abP. Plain IBE key transport, by
/// contrast, hands it the session key (RFC 6267 §7.1; RFC 6539 §4).
enum CuriousKMSScenario {
    static let kms = Party.kms.cast(as: "KMS (curious)", kind: .curiousKMS)

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.curiousKMS, options, parties: [.initiator, .responder, kms, .eve],
                          watch: [kms.id: [.a, .b, .abP, .sessionKey, .mpk, .tgk, .srtpMasterKey]])
        return try stage.play {
            let keys = try stage.setUpCall()
            let (initiatorKey, responderKey) = (keys.initiator, keys.responder)
            try StagedExchange(on: stage, keys: keys).run(stage)
            let recorded: [(MessageKind, KeyRing.Entry, ValueName)] = [(.iMessage1, responderKey, .responderPrivateKey),
                                                                       (.rMessage1, initiatorKey, .initiatorPrivateKey)]
            for (name, key, keyName) in recorded {
                stage.attemptOpen(name, by: kms, with: key.key, keyName: keyName,
                                  narration: "The KMS copied \(name) off the wire. It issued \(keyName.rawValue), or can compute it again at will from s, so it opens the IBAKE payload: \(name == .iMessage1 ? "aP" : "aP and bP") in the clear.",
                                  references: [.rfc(6267, "7.1"), .rfc(6539, "4")])
            }
            stage.builder.step(kms.id, .check, "the KMS holds aP and bP, not abP",
                               narration: "With aP and bP but neither a nor b, computing abP is the elliptic-curve Diffie-Hellman problem. The KMS could read every IBE layer, yet the session key was never inside one: no key escrow.",
                               references: [.rfc(6267, "7.1"), .rfc(6539, "3.3")])

            // Contrast: plain IBE key transport.
            let key = stage.env.random.bytes(16)
            let bob = responderKey.identity
            let ciphertext = stage.kms.publicParameters.encrypt(key, to: stage.memo.recipientKey(for: bob.octets, parameters: stage.kms.publicParameters),
                                                               using: stage.env.random)
                .encoded(on: stage.profile.parameterSet.curve)
            stage.builder.step(.initiator, .send, "contrast: plain IBE key transport",
                               message: WireMessage(.ibeKey, octets: ciphertext, from: .initiator, to: .responder,
                                                    notation: "IBE_R(K)"),
                               reveal: [(.initiator, LearnedValue(.plainIBEKey, key, .generated))], recordedBy: stage.observers,
                               narration: "For contrast, suppose I simply picked a session key K and sent it IBE-encrypted to R, as plain IBE key transport does.",
                               references: [.rfc(5091, "5.4")])
            let parameters = stage.kms.publicParameters
            let opened = try parameters.decrypt(try BFCiphertext(decoding: ciphertext, parameters: parameters), with: responderKey.key)
            stage.builder.step(kms.id, .check, "the KMS reads the plain-IBE key",
                               reveal: [(kms.id, LearnedValue(.plainIBEKey, opened, .message(.ibeKey)))],
                               checks: [CheckOutcome(check: .decryption, passed: true, detail: "")],
                               narration: "The KMS decrypts it with R_PrK and holds K: with plain IBE the KMS escrows every session key. MIKEY-IBAKE uses IBE only to carry aP and bP, so this cannot happen to abP.",
                               references: [.rfc(6267, "1"), .rfc(6267, "7.1")])
        }
    }
}
