import IBAKE
import IBE
import MIKEY
import Primitives

/// `mode-sakke`: MIKEY-SAKKE (RFC 6509), the mode 3GPP deployed for mission-critical
/// push-to-talk. The KMS provisions R's SAKKE key and I's ECCSI signing key; I picks the
/// TGK (the SSV), encapsulates it to R's identity and signs the one message. The KMS, by
/// design, can open every call: it derives any RSK from its master secret. Then the
/// long-term keys leak, and Eve opens the recording too.
enum SAKKEScenario {
    static func build(_ options: ScenarioOptions) throws -> Timeline {
        let (initiator, responder, kms) = (Party.initiator, Party.responder, Party.kms)
        let stage = ModeStage(.modeSAKKE, options, parties: [initiator, responder, kms, .eve],
                              watch: [.eve: [.receiverSecretKey, .sakkeMasterSecret, .tgk, .srtpMasterKey]], reasons: reasons)
        stage.builder.cryptography = Timeline.Cryptography(
            summary: "RFC 6509 parameter set 1 (1024-bit p) for SAKKE, P-256 for ECCSI, PRF MIKEY-1: MIKEY-SAKKE fixes its own, --params does not apply",
            brief: "SAKKE set 1 · ECCSI P-256")
        return try stage.play {
            let random = stage.random
            let parameters = SAKKEParameters.parameterSet1
            let (alice, bob) = (initiator.identity ?? "", responder.identity ?? "")
            let start = stage.now
            let aliceID = try KeyPeriod.identity(alice, atNTP: start).octets
            let bobID = try KeyPeriod.identity(bob, atNTP: start).octets

            // RFC 6508 §6.1 and RFC 6507 §4.2: the KMS's two master secrets and public keys.
            let sakke = SAKKEKeyManagementService(parameters: parameters, using: random)
            let eccsi = ECCSIKeyManagementService(using: random)
            let z = parameters.curve.uncompressedOctets(sakke.publicKey)
            let kpak = eccsi.kpak.sec1()
            stage.compute(kms, "the KMS makes its master secrets", [
                LearnedValue(.sakkeMasterSecret, sakke.masterSecretOctets, .generated), LearnedValue(.sakkePublicKey, z, .computed),
                LearnedValue(.ksak, eccsi.ksakOctets, .generated), LearnedValue(.kpak, kpak, .computed),
            ], narration: "The KMS draws z_S, the SAKKE master secret, and KSAK, the ECCSI one, and publishes Z_S = [z_S]P on RFC 6509's 1024-bit curve and KPAK = [KSAK]G on P-256.",
               references: [.rfc(6508, "6.1"), .rfc(6507, "4.2"), .rfc(6509, "3")])
            let signing = eccsi.provision(aliceID, using: random)
            let signingKey = try ECCSISigningKey(signing, kpak: eccsi.kpak)
            try parameters.prepare(kmsPublicKey: sakke.publicKey)
            stage.builder.step(.kms, .send, "the KMS issues I's signing key", reveal: [
                (.kms, LearnedValue(.signingKey, signing.ssk, .computed)),
                (.initiator, LearnedValue(.signingKey, signing.ssk, .provisioned)),
                (.initiator, LearnedValue(.kpak, kpak, .provisioned)), (.initiator, LearnedValue(.sakkePublicKey, z, .provisioned)),
            ], narration: "For I's identity this month the KMS computes the ECCSI secret signing key SSK and public validation token PVT, and sends them to I over a secure channel (RFC 6509 leaves it to the deployment; 3GPP uses its own key-management protocol). I checks Z_S and precomputes its multiples once, for every call to come.",
               references: [.rfc(6507, "5.1.1"), .rfc(6509, "3.2")])
            let receiverKey = try sakke.receiverKey(for: bobID)
            let rsk = parameters.curve.uncompressedOctets(receiverKey.rsk)
            stage.builder.step(.kms, .send, "the KMS issues R's SAKKE key", reveal: [
                (.kms, LearnedValue(.receiverSecretKey, rsk, .computed)),
                (.responder, LearnedValue(.receiverSecretKey, rsk, .provisioned)),
                (.responder, LearnedValue(.kpak, kpak, .provisioned)), (.responder, LearnedValue(.sakkePublicKey, z, .provisioned)),
            ], narration: "For R's identity this month the KMS computes the receiver secret key RSK = [(a + z_S)^-1]P. The KMS can compute it again at any time: it needs only z_S and R's identity.",
               references: [.rfc(6508, "6.1.1"), .rfc(6509, "3.2")])

            stage.builder.phase = .exchange
            let session = ModeSession(initiator: alice, responder: bob, prf: .mikey1, mac: .hmacSHA1_160,
                                      csbID: ModeSession.randomWord(random), ssrc: 0)
            let sender = SAKKEMessage.Initiator(uri: alice, signingKey: signingKey, kmsPublicKey: sakke.publicKey, parameters: parameters)
            let sent = try SAKKEMessage.send(from: sender, to: bob, identifier: bobID, csbID: session.csbID, timestamp: stage.now,
                                             using: random)
            let rand = try MIKEYMessage(decoding: sent.octets).rand ?? []
            stage.compute(initiator, "I picks the TGK", [LearnedValue(.tgk, sent.tgk, .generated), LearnedValue(.rand, rand, .generated)],
                          narration: "I chooses the shared secret value (SSV), used as the TGK, alone and at random: like MIKEY-PSK, MIKEY-SAKKE transports a key; R contributes nothing.",
                          references: [.rfc(6509, "2.1"), .rfc(6508, "6.2.1")])
            stage.send(.sakke, sent.octets, from: initiator, to: responder, notation: "SAKKE_R(TGK), SIGN_ECCSI(I)",
                       title: "I sends the SAKKE message",
                       narration: "The one message of MIKEY-SAKKE: the TGK encapsulated to R's identity with SAKKE, and an ECCSI signature by I's identity over the whole message. There is no answer: I does not learn whether R got the key.",
                       references: [.rfc(6509, "2.1"), .rfc(6509, "4")])
            try stage.deliver(.sakke, to: responder, title: "R checks I's signature and decapsulates the TGK",
                              checks: [.parse, .messageType, .signature, .decryption],
                              narration: "R verifies the ECCSI signature against I's identity and the KMS's KPAK, then decapsulates the SSV with its RSK: one pairing. I and R share the TGK; only R authenticated I.",
                              comparing: [.tgk], references: [.rfc(6509, "4"), .rfc(6507, "5.2.2"), .rfc(6508, "6.2.2")],
                              learned: { [LearnedValue(.tgk, $0, .message(.sakke)), LearnedValue(.rand, rand, .message(.sakke))] }) {
                () throws(IBAKEFailure) in
                try SAKKEMessage.receive(sent.octets, initiatorIdentifier: aliceID, kpak: eccsi.kpak, receiverKey: receiverKey)
            }
            stage.deriveSRTPKeys(session: session, tgk: sent.tgk, rand: rand, for: [initiator, responder])

            stage.builder.phase = Phase("escrow")
            stage.reopen(.sakke, by: .kms, session: session, title: "the KMS opens the call",
                         narration: "Handed the SAKKE message (an operator sees its signalling), the KMS runs R's own decapsulation with the RSK it can derive for R at any time from z_S, and holds the TGK and the call's SRTP keys. This is by design: RFC 6509's KMS can recover every session key, which MIKEY-IBAKE was made to avoid.",
                         stopped: "The KMS's decapsulation fails.", references: [.rfc(6509, "7"), .rfc(6267, "1")]) { octets throws(IBAKEFailure) in
                (try SAKKEMessage.receive(octets, initiatorIdentifier: aliceID, kpak: eccsi.kpak,
                                          receiverKey: try Self.key(sakke, bobID)), rand)
            }
            stage.leak([(.receiverSecretKey, rsk), (.signingKey, signing.ssk)], to: .eve, title: "R's and I's keys leak to Eve",
                       narration: "After the call, R's RSK and I's SSK leak to Eve. She recorded the SAKKE message on the wire.",
                       references: [.rfc(6509, "7")])
            stage.reopen(.sakke, by: .eve, session: session, title: "Eve opens the recorded call with R's RSK",
                         narration: "Eve decapsulates her recording with the leaked RSK: the TGK, then the SRTP keys. Nothing in MIKEY-SAKKE was ephemeral, so a leaked key opens every recorded call to R this month: no forward secrecy.",
                         stopped: "Eve's decapsulation fails.", references: [.rfc(6509, "7")]) { octets throws(IBAKEFailure) in
                (try SAKKEMessage.receive(octets, initiatorIdentifier: aliceID, kpak: eccsi.kpak, receiverKey: receiverKey), rand)
            }
        }
    }

    /// R's key derived anew by the KMS (RFC 6508 §6.1.1).
    private static func key(_ sakke: SAKKEKeyManagementService, _ identifier: [UInt8]) throws(IBAKEFailure) -> SAKKEReceiverKey {
        do {
            return try sakke.receiverKey(for: identifier)
        } catch {
            throw IBAKEFailure(.provisioning, "the KMS cannot derive the RSK: \(error)")
        }
    }

    /// Why Eve cannot compute a value while she cannot.
    static let reasons: ModeReasons = { name, facts in
        guard facts.exists(name), !facts.holds(name) else { return nil }
        switch name {
        case .sakkeMasterSecret:
            return "z_S never leaves the KMS; from Z_S = [z_S]P it is a discrete logarithm"
        case .receiverSecretKey where !facts.holds(.sakkeMasterSecret):
            return "only the KMS can derive an RSK: it needs z_S"
        case .tgk where !facts.holdsAny([.receiverSecretKey, .sakkeMasterSecret]):
            return "it travels SAKKE-encapsulated to R's identity; decapsulating needs R's RSK, which only R and the KMS hold"
        case .srtpMasterKey where !facts.holds(.tgk):
            return "derived from the TGK, which travels SAKKE-encapsulated to R"
        default:
            return nil
        }
    }
}
