import IBAKE
import MIKEY
import Primitives

/// `mode-dh-sign`: MIKEY-DH with signatures (RFC 3830 §3.3). A lab CA certifies I's and R's
/// RSA keys; I and R exchange g^xi and g^xr in signed messages and each computes the TGK
/// g^(xi·xr); both wipe their exponents. Then every long-term secret leaks to Eve, and the
/// recorded call still does not open: perfect forward secrecy.
enum SignedDHScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let (initiator, responder, ca) = (Party.initiator, Party.responder, Party.ca)
        let hidden: [ValueName] = [.initiatorRSAKey, .responderRSAKey, .xi, .xr, .tgk, .srtpMasterKey]
        let stage = ModeStage(.modeDHSign, options, parties: [initiator, responder, ca, .eve],
                              watch: [.eve: [.caKey] + hidden, ca.id: hidden], reasons: reasons)
        stage.describe("OAKLEY 5 · \(stage.rsa)", details: "Diffie-Hellman on OAKLEY 5 (1536-bit MODP), \(stage.rsa) signatures (PKCS #1 v1.5, SHA-256)")
        return try stage.play {
            let random = stage.random
            let (pki, signerI, signerR) = try stage.setUpPKI(initiator: initiator, responder: responder, references: [.rfc(3830, "3.3")])
            let session = stage.session(from: initiator, to: responder)
            let authority = pki.authority.certificate
            let (certI, certR) = (signerI.certificate.der, signerR.certificate.der)

            stage.builder.phase = .exchange
            let offer = try SignedDHMode.offer(session, signer: signerI, now: stage.now, using: random)
            stage.pickInitiatorExponent(initiator, offer, references: [.rfc(3830, "3.3")])
            stage.send(.diffieHellmanInit, offer.octets, from: initiator, to: responder, notation: "CERTi, IDr, DHi = g^xi, SIGNi",
                       title: "I sends the D-H init message",
                       clear: [LearnedValue(.gxi, offer.initiatorValue, .message(.diffieHellmanInit)),
                               LearnedValue(.initiatorCertificate, certI, .message(.diffieHellmanInit))],
                       narration: "I_MESSAGE carries T, RAND, I's certificate, R's identity and g^xi, all in clear, and SIGNi: I's RSA signature (PKCS #1 v1.5, SHA-256) over everything before it. Nothing is encrypted: g^xi is public. The V flag asks R to answer.",
                       references: [.rfc(3830, "3.3"), .rfc(3830, "5.2")])
            let answer = try stage.deliver(.diffieHellmanInit, to: responder, title: "R checks CERTi and SIGNi, picks xr and computes the TGK",
                                           checks: [.parse, .messageType, .session, .timestamp, .certificate, .signature, .diffieHellmanValue, .replay],
                                           narration: "R checks that CERTi chains to the lab CA, is valid now and names I, then verifies SIGNi with the key it certifies: the message is I's and unaltered. g^xi lies in 2 … p-2. R draws its own xr, computes g^xr, and the TGK (g^xi)^xr = g^(xi·xr), 192 octets.",
                                           references: [.rfc(3830, "3.3"), .rfc(3830, "5.3"), .profile("D22")],
                                           learned: { answer in
                                               ModeStage.responderLearned(answer, from: .diffieHellmanInit,
                                                                          alsoRead: [LearnedValue(.initiatorCertificate, certI,
                                                                                                  .message(.diffieHellmanInit))])
                                           }) { () throws(IBAKEFailure) in
                try SignedDHMode.answer(offer.octets, session: session, signer: signerR, authority: authority, now: stage.now,
                                        replays: ReplayCache(), using: random)
            }
            stage.send(.diffieHellmanResponse, answer.octets, from: responder, to: initiator,
                       notation: "CERTr, IDi, DHr = g^xr, DHi, SIGNr", title: "R sends the D-H resp message and wipes xr",
                       clear: [LearnedValue(.gxr, answer.exponent.publicValue, .message(.diffieHellmanResponse)),
                               LearnedValue(.responderCertificate, certR, .message(.diffieHellmanResponse))],
                       forget: [.xr],
                       narration: "R_MESSAGE carries R's own T, its certificate, I's identity, g^xr and g^xi sent back, signed with R_RSA. R's part is done: it wipes xr and keeps only the TGK.",
                       references: [.rfc(3830, "3.3"), .rfc(3830, "5.2")])
            let tgk = try stage.deliver(.diffieHellmanResponse, to: initiator, title: "I checks CERTr, SIGNr and the echo, and computes the TGK",
                                        checks: [.parse, .messageType, .session, .certificate, .signature, .initiatorEcho, .diffieHellmanValue],
                                        narration: "I checks CERTr and SIGNr as R did, and that the DHi sent back is the g^xi it sent: the answer is to this offer. g^xr lies in 2 … p-2, and I computes (g^xr)^xi = g^(xi·xr).",
                                        references: [.rfc(3830, "3.3"), .rfc(3830, "5.3")],
                                        learned: { tgk in
                                            [LearnedValue(.gxr, answer.exponent.publicValue, .message(.diffieHellmanResponse)),
                                             LearnedValue(.responderCertificate, certR, .message(.diffieHellmanResponse)),
                                             LearnedValue(.tgk, tgk, .computed)]
                                        }) { () throws(IBAKEFailure) in
                try SignedDHMode.finish(answer.octets, of: offer, session: session, authority: authority, now: stage.now)
            }
            stage.wipeInitiatorExponent(initiator, responder,
                                        narration: "I's part is done too: it wipes xi. I and R share the TGK g^(xi·xr), and neither sent it: the wire carried g^xi and g^xr only, and each side chose one exponent.",
                                        references: [.rfc(3830, "3.3")])
            stage.deriveSRTPKeys(session: session, tgk: tgk, rand: offer.rand, for: [initiator, responder])
            stage.leak([(.initiatorRSAKey, try signerI.key.privateExponent()), (.responderRSAKey, try signerR.key.privateExponent()),
                        (.caKey, try pki.authorityKey.privateExponent())], to: .eve,
                       title: "the RSA keys and the CA key leak to Eve",
                       narration: "After the call, every long-term secret of this mode leaks to Eve: I_RSA, R_RSA and the CA's signing key. She also recorded every message of the call.")
            let recorded = stage.builder.lastMessage(.diffieHellmanInit) ?? []
            let attempt = try? SignedDHMode.answer(recorded, session: session, signer: signerR, authority: authority,
                                                   now: stage.now, replays: ReplayCache(), using: random)
            stage.eveAnswersRecording(attempt, recordedTGK: tgk, title: "Eve tries the leaked keys on the recorded call",
                                      check: .signature,
                                      passed: "SIGNi verifies under CERTi; with R_RSA she can sign an answer as R",
                                      narration: "Eve runs R's own checks on the D-H init message she recorded, holding R_RSA: she could answer it as R, with an exponent of her own, but that gives her g^(xi·x_Eve), another key. The TGK g^(xi·xr) needs xi or xr, which I and R wiped, and the leaked keys only sign. She can pose as I, R or the CA in future calls; the recorded call stays closed. DH-SIGN has perfect forward secrecy.",
                                      references: [.rfc(3830, "3.3"), .rfc(3830, "9.2")])
        }
    }

    /// Why Eve or the CA cannot compute a value at a step, while they cannot.
    static let reasons: ModeReasons = { name, facts in
        guard facts.exists(name), !facts.holds(name) else { return nil }
        switch name {
        case .caKey:
            return "the CA made it and keeps it; it never crosses the wire"
        case .initiatorRSAKey:
            return "I made it and keeps it; the CA certified only its public half, and the wire carries only signatures made with it"
        case .responderRSAKey:
            return "R made it and keeps it; the CA certified only its public half, and the wire carries only signatures made with it"
        default:
            return diffieHellmanReason(name, facts)
        }
    }

    /// The reasons DH-SIGN and DHHMAC share: nobody computes xi, xr or the TGK from g^xi
    /// and g^xr, and the SRTP keys come from the TGK.
    static func diffieHellmanReason(_ name: ValueName, _ facts: LedgerFacts) -> String? {
        let wiped = { (exponent: ValueName) in
            !facts.ledger.knows(.initiator, exponent) && !facts.ledger.knows(.responder, exponent)
        }
        let group = "the 1536-bit MODP group"
        switch name {
        case .xi:
            return wiped(.xi) ? "I wiped it after the exchange; finding it from g^xi is the discrete logarithm problem in \(group)"
                : "I chose it at random and never sends it; finding it from g^xi is the discrete logarithm problem in \(group)"
        case .xr:
            return wiped(.xr) ? "R wiped it after the exchange; finding it from g^xr is the discrete logarithm problem in \(group)"
                : "R chose it at random and never sends it; finding it from g^xr is the discrete logarithm problem in \(group)"
        case .tgk where !facts.holdsAny([.xi, .xr]):
            return wiped(.xi) && wiped(.xr)
                ? "g^(xi·xr) needs xi or xr, which I and R wiped; from g^xi and g^xr alone it is the Diffie-Hellman problem in \(group)"
                : "g^(xi·xr) needs xi or xr, which never cross the wire; from g^xi and g^xr alone it is the Diffie-Hellman problem in \(group)"
        case .srtpMasterKey where !facts.holds(.tgk):
            return "derived from the TGK, which never crosses the wire"
        default:
            return nil
        }
    }
}
