import IBAKE
import MIKEY

/// The steps DH-SIGN and DHHMAC share (RFC 3830 §3.3, RFC 4650): only what authenticates
/// their messages differs, so their scenarios tell the Diffie-Hellman half alike.
extension ModeStage {
    /// I draws xi and computes g^xi, with a fresh RAND.
    func pickInitiatorExponent(_ initiator: Party, _ offer: DiffieHellmanOffer, references: [SpecReference]) {
        compute(initiator, "I picks xi and computes g^xi",
                [LearnedValue(.xi, offer.exponent.exportedExponent(), .generated),
                 LearnedValue(.gxi, offer.initiatorValue, .computed), LearnedValue(.rand, offer.rand, .generated)],
                narration: "I draws a secret exponent xi at random and computes g^xi mod p in OAKLEY 5 (DH-Group 0, the 1536-bit MODP group of RFC 3526), and a fresh RAND. xi never leaves I.",
                references: references + [.rfc(3830, "6.4")])
    }

    /// What R learns from I_MESSAGE (g^xi, what else it read there, RAND, as `kind` carried
    /// them) and computes (xr, g^xr, the TGK).
    static func responderLearned(_ answer: DiffieHellmanAnswer, from kind: MessageKind,
                                 alsoRead: [LearnedValue] = []) -> [LearnedValue] {
        [LearnedValue(.gxi, answer.initiatorValue, .message(kind))] + alsoRead + [LearnedValue(.rand, answer.rand, .message(kind)),
         LearnedValue(.xr, answer.exponent.exportedExponent(), .generated),
         LearnedValue(.gxr, answer.exponent.publicValue, .computed), LearnedValue(.tgk, answer.tgk, .computed)]
    }

    /// I's part is done: it wipes xi, and I and R share the TGK.
    func wipeInitiatorExponent(_ initiator: Party, _ responder: Party, narration: String, references: [SpecReference]) {
        builder.step(initiator.id, .compute, "I wipes xi", forget: [(initiator.id, .xi)],
                     comparing: [builder.compare(.tgk, [initiator.id, responder.id])], narration: narration,
                     references: references)
    }

    /// Eve, holding the leaked long-term secrets, runs R's own checks on the `kind` she
    /// recorded and answers with an exponent of her own (`attempt`, nil when the checks
    /// refuse it): she gets another key, never the recorded TGK. `passed` says what her
    /// passing check lets her do, `narration` why the recorded call stays closed.
    func eveAnswersRecording(_ attempt: DiffieHellmanAnswer?, recordedTGK: [UInt8], title: String, check: IBAKECheck,
                             passed: String, narration: String, references: [SpecReference]) {
        let opened = attempt?.tgk == recordedTGK
        builder.step(.eve, .check, title,
                     checks: [CheckOutcome(check: check, passed: attempt != nil,
                                           detail: attempt != nil ? passed : "the recorded message does not pass R's checks")],
                     narration: opened ? "Eve's own answer to the recorded message gives her the recorded TGK." : narration,
                     references: references)
    }
}
