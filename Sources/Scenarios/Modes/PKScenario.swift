import IBAKE
import MIKEY

/// `mode-pk`: MIKEY-PK (RFC 3830 §3.2). A lab CA certifies I's and R's RSA keys; I picks
/// the TGK and an envelope key, sends the TGK under keys from the envelope key and the
/// envelope key encrypted to R's certificate key, signs it all; R confirms. Then both RSA
/// keys leak, and Eve opens the call she recorded with R's: an RSA key protects every
/// past call made to it.
enum PKScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let (initiator, responder) = (Party.initiator, Party.responder)
        let watched: [ValueName] = [.envelopeKey, .tgk, .srtpMasterKey, .initiatorRSAKey, .responderRSAKey]
        let stage = ModeStage(.modePK, options, parties: [initiator, responder, .ca, .eve],
                              watch: [.eve: watched, .ca: watched], reasons: reasons)
        stage.describe("\(stage.rsa) · AES-CM-128", details: "\(stage.rsa) envelope (RSAES-PKCS1-v1_5) and signature (PKCS #1 v1.5, SHA-256), AES-CM-128 KEMAC")
        return try stage.play {
            let random = stage.random
            let (pki, alice, bob) = try stage.setUpPKI(initiator: initiator, responder: responder, references: [.rfc(3830, "3.2")])
            let session = stage.session(from: initiator, to: responder)
            let authority = pki.authority.certificate
            stage.builder.step(.initiator, .compute, "I fetches R's certificate from a directory",
                               reveal: [(.initiator, LearnedValue(.responderCertificate, bob.certificate.der, .issued(by: "CA")))],
                               narration: "Before the call, I fetches R's certificate from a directory. I must hold it beforehand: MIKEY-PK encrypts the envelope key to the public key it certifies.",
                               references: [.rfc(3830, "3.2")])
            stage.builder.phase = .exchange
            let offer = try PublicKeyMode.offer(session, signer: alice, responderCertificate: bob.certificate,
                                                authority: authority, now: stage.now, using: random)
            stage.compute(initiator, "I picks the TGK and the envelope key",
                          [LearnedValue(.tgk, offer.tgk, .generated), LearnedValue(.envelopeKey, offer.envelopeKey, .generated),
                           LearnedValue(.rand, offer.rand, .generated)],
                          narration: "I checks R's certificate against the CA, then chooses the TGK, an envelope key (env_key) and a fresh RAND, all at random. R will have no say in the key: MIKEY-PK transports a key, it does not agree one.",
                          references: [.rfc(3830, "3.2"), .rfc(3830, "4.1")])
            stage.send(.publicKey, offer.octets, from: initiator, to: responder,
                       notation: "KEMAC(ID, TGK), PKE_R(env_key)", title: "I sends the Public-key message",
                       clear: [LearnedValue(.initiatorCertificate, alice.certificate.der, .message(.publicKey))],
                       narration: "I_MESSAGE carries I's certificate, a KEMAC with IDi and the TGK (encrypted under encr_key and MACed under auth_key, both derived from env_key with the CSB ID and RAND), a PKE with env_key encrypted to R's public key (RSAES-PKCS1-v1_5), and I's signature over all of it. The V flag asks R to confirm.",
                       references: [.rfc(3830, "3.2"), .rfc(3830, "4.1.4")])
            let answer = try stage.deliver(.publicKey, to: responder, title: "R checks I's certificate and signature, opens the PKE and the KEMAC",
                                           checks: [.parse, .messageType, .session, .timestamp, .certificate, .signature,
                                                    .envelopeKey, .kemacMAC, .innerIdentity, .replay],
                                           narration: "R checks that I's certificate chains to the CA and names I, and that I's signature covers the message. It decrypts env_key with its RSA private key, checks the KEMAC MAC under env_key's auth_key, decrypts IDi and the TGK, and checks that IDi is I.",
                                           references: [.rfc(3830, "3.2"), .rfc(3830, "5.3")],
                                           learned: { [LearnedValue(.initiatorCertificate, alice.certificate.der, .message(.publicKey)),
                                                       LearnedValue(.envelopeKey, $0.envelopeKey, .message(.publicKey)),
                                                       LearnedValue(.tgk, $0.tgk, .message(.publicKey)),
                                                       LearnedValue(.rand, $0.rand, .message(.publicKey))] }) {
                () throws(IBAKEFailure) in
                try PublicKeyMode.answer(offer.octets, session: session, key: bob.key, authority: authority, now: stage.now,
                                         replays: ReplayCache())
            }
            stage.send(.publicKeyVerification, answer.verification, from: responder, to: initiator, notation: "V_env",
                       title: "R sends the verification message",
                       narration: "R answers with a V payload: a MAC under env_key's auth_key over its message, both identities and I's timestamp. Apart from I, who chose env_key, only the holder of R's RSA private key can open the PKE to get it: the MAC shows that R did.",
                       references: [.rfc(3830, "3.2"), .rfc(3830, "5.2")])
            try stage.deliver(.publicKeyVerification, to: initiator, title: "I checks R's verification MAC",
                              checks: [.parse, .messageType, .session, .verificationMAC],
                              narration: "The V MAC verifies: R opened the PKE and answered this very message. I and R share the TGK, the one I chose.",
                              comparing: [.tgk],
                              references: [.rfc(3830, "5.2")], learned: { [] }) { () throws(IBAKEFailure) in
                try PublicKeyMode.confirm(answer.verification, of: offer, session: session)
            }
            stage.deriveSRTPKeys(session: session, tgk: offer.tgk, rand: offer.rand, for: [initiator, responder])
            try stage.leakRSAKeys(alice, bob)
            stage.reopen(.publicKey, by: .eve, session: session, title: "Eve opens the recorded call with R's RSA key",
                         narration: "Eve runs R's own check on the I_MESSAGE she recorded, with R's leaked key: the certificate and signature verify, the PKE yields env_key, the KEMAC MAC verifies and the TGK decrypts. With the RAND and CSB ID in clear she derives the SRTP keys: the recorded call is open. MIKEY-PK has no forward secrecy.",
                         stopped: "Eve's copy of the message does not open with R's RSA key.",
                         references: [.rfc(3830, "9.2")]) { octets throws(IBAKEFailure) in
                let answer = try PublicKeyMode.answer(octets, session: session, key: bob.key, authority: authority,
                                                      now: stage.now, replays: ReplayCache())
                return (answer.tgk, answer.rand, [LearnedValue(.envelopeKey, answer.envelopeKey, .message(.publicKey))])
            }
        }
    }

    /// Why Eve or the CA cannot compute a value at a step, while they cannot.
    static let reasons = EnvelopeReasons.reasons(opener: .responderRSAKey, openerTag: "R", carrier: "the PKE", certificate: "R")
}
