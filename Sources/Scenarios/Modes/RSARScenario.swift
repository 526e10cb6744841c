import IBAKE
import MIKEY

/// `mode-rsa-r`: MIKEY-RSA-R (RFC 4738). A lab CA certifies I's and R's RSA keys; I
/// sends its certificate and asks for a key; R, the key server, picks the TGK and an
/// envelope key, sends the TGK under keys from the envelope key and the envelope key
/// encrypted to I's certificate key, signs it all. Then both RSA keys leak, and Eve
/// opens the answer she recorded with I's: this time the initiator's key is the one
/// that protects past calls.
enum RSARScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let (initiator, responder) = (Party.initiator, Party.responder)
        let watched: [ValueName] = [.envelopeKey, .tgk, .srtpMasterKey, .initiatorRSAKey, .responderRSAKey]
        let stage = ModeStage(.modeRSAR, options, parties: [initiator, responder, .ca, .eve],
                              watch: [.eve: watched, .ca: watched], reasons: reasons)
        stage.describe("\(stage.rsa) · AES-CM-128", details: "\(stage.rsa) envelope (RSAES-PKCS1-v1_5) and signatures (PKCS #1 v1.5, SHA-256), AES-CM-128 KEMAC")
        return try stage.play {
            let random = stage.random
            let (pki, alice, bob) = try stage.setUpPKI(initiator: initiator, responder: responder, references: [.rfc(4738, "3")])
            let session = stage.session(from: initiator, to: responder)
            let authority = pki.authority.certificate
            stage.builder.phase = .exchange
            let offer = try RSARMode.offer(session, signer: alice, now: stage.now, using: random)
            stage.compute(initiator, "I picks a RAND", [LearnedValue(.rand, offer.rand, .generated)],
                          narration: "I chooses a fresh RAND and no key: in RSA-R the responder chooses the TGK. It suits one-to-many distribution, where the responder is the key server of a group and hands its key to each member who asks.",
                          references: [.rfc(4738, "1"), .rfc(4738, "3")])
            stage.send(.rsaRInit, offer.octets, from: initiator, to: responder, notation: "CERTi, IDr, SIGN_I",
                       title: "I sends the RSA-R request",
                       clear: [LearnedValue(.initiatorCertificate, alice.certificate.der, .message(.rsaRInit))],
                       narration: "I_MESSAGE carries I's certificate, R's identity and the RAND, signed with I's RSA key. The certificate gives R the public key to encrypt the envelope key to.",
                       references: [.rfc(4738, "3")])
            let answer = try stage.deliver(.rsaRInit, to: responder, title: "R checks I's certificate and signature",
                                           checks: [.parse, .messageType, .session, .timestamp, .certificate, .signature, .replay],
                                           narration: "R checks that I's certificate chains to the CA and names I, that I's signature covers the request, and that the request is fresh and new.",
                                           references: [.rfc(4738, "3"), .rfc(3830, "5.3")],
                                           learned: { _ in [LearnedValue(.initiatorCertificate, alice.certificate.der, .message(.rsaRInit)),
                                                            LearnedValue(.rand, offer.rand, .message(.rsaRInit))] }) {
                () throws(IBAKEFailure) in
                try RSARMode.answer(offer.octets, session: session, signer: bob, authority: authority, now: stage.now,
                                    replays: ReplayCache(), using: random)
            }
            stage.compute(responder, "R picks the TGK and the envelope key",
                          [LearnedValue(.tgk, answer.tgk, .generated), LearnedValue(.envelopeKey, answer.envelopeKey, .generated)],
                          narration: "R chooses the TGK and an envelope key (env_key) at random. It keeps I's RAND: RSA-R derives the KEMAC keys and the SRTP keys from the initiator's RAND, which R echoes.",
                          references: [.rfc(4738, "3")])
            stage.send(.rsaRResponse, answer.octets, from: responder, to: initiator,
                       notation: "KEMAC(TGK), PKE_I(env_key)", title: "R sends the RSA-R response",
                       clear: [LearnedValue(.responderCertificate, bob.certificate.der, .message(.rsaRResponse))],
                       narration: "R_MESSAGE carries I's RAND echoed, R's certificate, I's identity, a KEMAC with the TGK (encrypted under encr_key and MACed under auth_key from env_key), a PKE with env_key encrypted to I's public key, and R's signature over all of it.",
                       references: [.rfc(4738, "3"), .rfc(3830, "4.1.4")])
            _ = try stage.deliver(.rsaRResponse, to: initiator, title: "I checks R's certificate and signature, opens the PKE and the KEMAC",
                              checks: [.parse, .messageType, .session, .timestamp, .certificate, .signature, .envelopeKey,
                                       .kemacMAC, .replay],
                              narration: "I checks that R's certificate chains to the CA and names R, that R's signature covers the message and that it echoes I's RAND. It decrypts env_key with its RSA private key, checks the KEMAC MAC and decrypts the TGK. I and R share the TGK, the one R chose.",
                              comparing: [.tgk],
                              references: [.rfc(4738, "3")],
                              learned: { [LearnedValue(.responderCertificate, bob.certificate.der, .message(.rsaRResponse)),
                                          LearnedValue(.envelopeKey, $0.envelopeKey, .message(.rsaRResponse)),
                                          LearnedValue(.tgk, $0.tgk, .message(.rsaRResponse))] }) { () throws(IBAKEFailure) in
                try RSARMode.accept(answer.octets, of: offer, session: session, key: alice.key, authority: authority,
                                    now: stage.now, replays: ReplayCache())
            }
            stage.deriveSRTPKeys(session: session, tgk: answer.tgk, rand: answer.rand, for: [initiator, responder])
            try stage.leakRSAKeys(alice, bob)
            stage.reopen(.rsaRResponse, by: .eve, session: session, title: "Eve opens the recorded call with I's RSA key",
                         narration: "Eve runs I's own check on the R_MESSAGE she recorded, with I's leaked key and the RAND she recorded from I_MESSAGE: the certificate and signature verify, the PKE yields env_key, the KEMAC MAC verifies and the TGK decrypts. With the RAND and CSB ID in clear she derives the SRTP keys: the recorded call is open. MIKEY-RSA-R has no forward secrecy.",
                         stopped: "Eve's copy of the message does not open with I's RSA key.",
                         references: [.rfc(4738, "3"), .rfc(3830, "9.2")]) { octets throws(IBAKEFailure) in
                let accepted = try RSARMode.accept(octets, of: offer, session: session, key: alice.key, authority: authority,
                                                   now: stage.now, replays: ReplayCache())
                return (accepted.tgk, accepted.rand, [LearnedValue(.envelopeKey, accepted.envelopeKey, .message(.rsaRResponse))])
            }
        }
    }

    /// Why Eve or the CA cannot compute a value at a step, while they cannot.
    static let reasons = EnvelopeReasons.reasons(opener: .initiatorRSAKey, openerTag: "I", carrier: "R_MESSAGE's PKE", certificate: "I")
}
