import IBAKE
import IBE

/// `eavesdropper`: Eve records every byte of the basic exchange. She even holds a
/// private key of her own from the same KMS, and still cannot open a layer encrypted to
/// someone else, nor compute aP, bP or abP.
enum EavesdropperScenario {
    static let eve = Party.eve.cast(as: "Eve (eavesdropper)", identity: "sip:eve@ims.example")

    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let stage = Stage(.eavesdropper, options, parties: [.initiator, .responder, .kms, eve],
                          watch: [eve.id: Stage.adversaryWatch + [.mpk, .tgk, .srtpMasterKey, .content, .responderPrivateKey]])
        return try stage.play {
            let keys = try stage.setUpCall()
            let eveKey = try stage.provision(eve, keyName: .eavesdropperPrivateKey)
            try StagedExchange(on: stage, keys: keys).runWithMedia(stage)
            stage.attemptOpen(.iMessage1, by: eve, with: eveKey.key, keyName: .eavesdropperPrivateKey,
                              narration: "Eve is a legitimate user of this KMS with her own private key, and she recorded I_MESSAGE_1. She tries to open its IBAKE payload with her key: it is encrypted to B's identity, so the Fujisaki-Okamoto check rejects her attempt.",
                              references: [.rfc(5091, "5.5"), .rfc(6539, "4")])
            stage.builder.step(eve.id, .check, "what Eve has, and what she cannot compute",
                               narration: "Eve holds every byte that crossed the wire: the clear headers, timestamps, RAND, the CSB ID and both identities, and the IBE ciphertexts. aP and bP stay inside ciphertexts she cannot open; a and b never travelled; abP would need one of them. The ledger lists each value with the hard problem in her way.",
                               references: [.rfc(6267, "7"), .rfc(6539, "4")])
        }
    }
}
