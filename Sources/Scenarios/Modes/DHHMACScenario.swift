import IBAKE
import MIKEY

/// `mode-dhhmac`: MIKEY-DHHMAC (RFC 4650). I and R agree on a key out of band; they
/// exchange g^xi and g^xr under KEMAC MACs keyed from it, and each computes the TGK
/// g^(xi·xr); both wipe their exponents. Then the PSK leaks to Eve, and the recorded call
/// still does not open: perfect forward secrecy, with no certificate.
enum DHHMACScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let (initiator, responder) = (Party.initiator, Party.responder)
        let stage = ModeStage(.modeDHHMAC, options, parties: [initiator, responder, .eve],
                              watch: [.eve: [.preSharedKey, .xi, .xr, .tgk, .srtpMasterKey]], reasons: reasons)
        stage.describe("OAKLEY 5 · HMAC PSK", details: "Diffie-Hellman on OAKLEY 5 (1536-bit MODP) under KEMAC MACs from a pre-shared key")
        return try stage.play {
            let random = stage.random
            let psk = stage.agreePreSharedKey(narration: "Before any call, I and R agree on a secret key by some means outside MIKEY. In DHHMAC it only authenticates: it keys the MACs of the messages, and no key travels under it.",
                                              references: [.rfc(4650, "3")])
            let session = stage.session(from: initiator, to: responder)
            stage.builder.phase = .exchange
            let offer = try DHHMACMode.offer(session, psk: psk, now: stage.now, using: random)
            stage.pickInitiatorExponent(initiator, offer, references: [.rfc(4650, "3")])
            stage.send(.dhhmacInit, offer.octets, from: initiator, to: responder, notation: "IDi, IDr, DHi = g^xi, KEMAC_MAC",
                       title: "I sends the DHHMAC init message",
                       clear: [LearnedValue(.gxi, offer.initiatorValue, .message(.dhhmacInit))],
                       narration: "I_MESSAGE carries T, RAND, both identities and g^xi in clear, then a KEMAC with NULL encryption and no key data: only a MAC under auth_key, derived from the PSK with the CSB ID and RAND (RFC 3830 §4.1.4), over the whole message before it. The V flag asks R to answer.",
                       references: [.rfc(4650, "3"), .profile("D22")])
            let answer = try stage.deliver(.dhhmacInit, to: responder, title: "R checks the MAC, picks xr and computes the TGK",
                                           checks: [.parse, .messageType, .session, .timestamp, .kemacMAC, .diffieHellmanValue, .replay],
                                           narration: "R derives auth_key from the PSK as I did and checks the KEMAC MAC: the sender holds the PSK and the message is unaltered. g^xi lies in 2 … p-2. R draws its own xr, computes g^xr, and the TGK (g^xi)^xr = g^(xi·xr), 192 octets.",
                                           references: [.rfc(4650, "3"), .rfc(3830, "5.3")],
                                           learned: { ModeStage.responderLearned($0, from: .dhhmacInit) }) { () throws(IBAKEFailure) in
                try DHHMACMode.answer(offer.octets, session: session, psk: psk, now: stage.now, replays: ReplayCache(), using: random)
            }
            stage.send(.dhhmacResponse, answer.octets, from: responder, to: initiator, notation: "IDr, IDi, DHr = g^xr, DHi, KEMAC_MAC",
                       title: "R sends the DHHMAC resp message and wipes xr",
                       clear: [LearnedValue(.gxr, answer.exponent.publicValue, .message(.dhhmacResponse))],
                       forget: [.xr],
                       narration: "R_MESSAGE carries R's own T, both identities, g^xr and g^xi sent back, and a MAC-only KEMAC under the same auth_key (I's RAND). R's part is done: it wipes xr and keeps only the TGK.",
                       references: [.rfc(4650, "3")])
            let tgk = try stage.deliver(.dhhmacResponse, to: initiator, title: "I checks the MAC and the echo, and computes the TGK",
                                        checks: [.parse, .messageType, .session, .kemacMAC, .initiatorEcho, .diffieHellmanValue],
                                        narration: "I checks R's KEMAC MAC, and that the DHi sent back is the g^xi it sent: the answer is to this offer. g^xr lies in 2 … p-2, and I computes (g^xr)^xi = g^(xi·xr).",
                                        references: [.rfc(4650, "3")],
                                        learned: { tgk in
                                            [LearnedValue(.gxr, answer.exponent.publicValue, .message(.dhhmacResponse)),
                                             LearnedValue(.tgk, tgk, .computed)]
                                        }) { () throws(IBAKEFailure) in
                try DHHMACMode.finish(answer.octets, of: offer, session: session, psk: psk)
            }
            stage.wipeInitiatorExponent(initiator, responder,
                                        narration: "I's part is done too: it wipes xi. I and R share the TGK g^(xi·xr), and neither sent it: the wire carried g^xi and g^xr only.",
                                        references: [.rfc(4650, "3")])
            stage.deriveSRTPKeys(session: session, tgk: tgk, rand: offer.rand, for: [initiator, responder])
            stage.leak([(.preSharedKey, psk)], to: .eve, title: "the PSK leaks to Eve",
                       narration: "After the call, the pre-shared key leaks to Eve. It is the only long-term secret in this mode, and she recorded every message of the call.")
            let recorded = stage.builder.lastMessage(.dhhmacInit) ?? []
            let attempt = try? DHHMACMode.answer(recorded, session: session, psk: psk, now: stage.now, replays: ReplayCache(),
                                                 using: random)
            stage.eveAnswersRecording(attempt, recordedTGK: tgk, title: "Eve tries the PSK on the recorded call",
                                      check: .kemacMAC,
                                      passed: "the KEMAC MAC verifies under the PSK; she can MAC an answer as R",
                                      narration: "Eve runs R's own checks on the DHHMAC init message she recorded, with the leaked PSK: the MAC verifies, and she could answer as R with an exponent of her own, but that gives her g^(xi·x_Eve), another key. The KEMACs carry no key to decrypt, and the TGK g^(xi·xr) needs xi or xr, which I and R wiped. She can pose as I or R in future calls; the recorded call stays closed. DHHMAC has perfect forward secrecy.",
                                      references: [.rfc(4650, "3")])
        }
    }

    /// Why Eve cannot compute a value at a step, while she cannot.
    static let reasons: ModeReasons = { name, facts in
        guard facts.exists(name), !facts.holds(name) else { return nil }
        if name == .preSharedKey { return "I and R agreed on it out of band; it never crosses the wire" }
        return SignedDHScenario.diffieHellmanReason(name, facts)
    }
}
