import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// MIKEY-PK (RFC 3830 §3.2) end to end on real bytes: the TGK crosses in a KEMAC under
/// keys from an envelope key, the envelope key in a PKE to the responder's certificate
/// key, the whole message signed by the initiator; the verification message comes back;
/// and each check catches what it is for.
@Suite struct PKModeTests {

    struct Call: CertifiedModeCall {
        let random: HMACDRBG
        let pki: LabPKI
        let session: ModeSession
        let replays = ReplayCache()
        static let (now, notBefore) = (ModeTest.now, ModeTest.notBefore)

        init(seed: UInt64 = 3830) throws {
            (random, pki, session) = try ModeTest.certifiedLab(seed: seed, uris: [ModeTest.alice, ModeTest.bob, ModeTest.carol])
        }

        func offer(signer: LabPKI.Holder? = nil, to certificate: X509Certificate? = nil) throws -> PublicKeyMode.Offer {
            try PublicKeyMode.offer(session, signer: signer ?? holder(ModeTest.alice),
                                    responderCertificate: certificate ?? holder(ModeTest.bob).certificate,
                                    authority: authority, now: Self.now, using: random)
        }

        func answer(_ octets: [UInt8], key: RSAPrivateKey? = nil, now: UInt64 = now) throws -> PublicKeyMode.Answer {
            try PublicKeyMode.answer(octets, session: session, key: key ?? holder(ModeTest.bob).key, authority: authority,
                                     now: now, replays: replays)
        }
    }

    @Test("both ends hold the initiator's TGK; the messages decode as data types 2 and 3, payloads in RFC 3830 §3.2's order")
    func roundTrip() throws {
        let call = try Call()
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        #expect(answer.tgk == offer.tgk && answer.tgk.count == 16)
        #expect(answer.envelopeKey == offer.envelopeKey && answer.envelopeKey.count == 16)
        try PublicKeyMode.confirm(answer.verification, of: offer, session: call.session)
        let first = try MIKEYMessage(decoding: offer.octets)
        #expect(first.header.dataType == .publicKey && first.header.verificationRequired)
        #expect(first.payloads.map(\.type) == [.timestamp, .rand, .cert, .id, .kemac, .pke, .sign])
        #expect(try first.encode() == offer.octets)
        guard case .kemac(let kemac) = first.payloads[4], case .pke(let pke) = first.payloads[5] else {
            Issue.record("KEMAC and PKE are not in place")
            return
        }
        #expect(kemac.encryption == .aesCM128 && kemac.mac.count == call.session.mac.macLength)
        #expect(pke.cache == .noCache && pke.data.count == 128)
        let second = try MIKEYMessage(decoding: answer.verification)
        #expect(second.header.dataType == .publicKeyVerification && !second.header.verificationRequired)
        #expect(second.payloads.map(\.type) == [.timestamp, .id, .verification])
    }

    @Test("a flip of any octet after the HDR of either message is refused")
    func everyOctetIsCovered() throws {
        let call = try Call()
        let offer = try call.offer()
        ModeTest.expectEveryFlipRefused(offer.octets, from: ModeTest.headerEnd(offer.octets), named: "I_MESSAGE") { _ = try call.answer($0) }
        let verification = try call.answer(offer.octets).verification
        ModeTest.expectEveryFlipRefused(verification, from: ModeTest.headerEnd(verification), named: "R_MESSAGE") {
            try PublicKeyMode.confirm($0, of: offer, session: call.session)
        }
    }

    @Test("a certificate from another CA, or naming another URI, is refused by the certificate check")
    func certificates() throws {
        let call = try Call()
        let stranger = try LabPKI(uris: [ModeTest.alice, ModeTest.bob], bits: 1024, notBefore: Call.notBefore, using: HMACDRBG(seed: 4738))
        let foreign = try #require(stranger[ModeTest.alice])
        let carol = try call.holder(ModeTest.carol)
        #expect(ModeTest.refusal { _ = try call.answer(call.offer(signer: foreign).octets) } == .certificate)
        #expect(ModeTest.refusal { _ = try call.answer(call.offer(signer: carol).octets) } == .certificate)
        // The initiator checks the responder's certificate it took from the directory.
        let foreignBob = try #require(stranger[ModeTest.bob])
        #expect(ModeTest.refusal { _ = try call.offer(to: carol.certificate) } == .certificate)
        #expect(ModeTest.refusal { _ = try call.offer(to: foreignBob.certificate) } == .certificate)
    }

    @Test("a message signed by the wrong key is refused by the signature check; a PKE to another key by the envelope-key check")
    func signatureAndEnvelope() throws {
        let call = try Call()
        let alice = try call.holder(ModeTest.alice)
        let impostor = LabPKI.Holder(uri: ModeTest.alice, key: try call.holder(ModeTest.carol).key, certificate: alice.certificate)
        #expect(ModeTest.refusal { _ = try call.answer(call.offer(signer: impostor).octets) } == .signature)
        let offer = try call.offer()
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, key: call.holder(ModeTest.carol).key) } == .envelopeKey)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, now: Call.now + (600 << 32)) } == .timestamp)
        _ = try call.answer(offer.octets)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets) } == .replay)
    }

    @Test("a tampered verification message fails its V MAC at the initiator")
    func verificationTampered() throws {
        let call = try Call()
        let offer = try call.offer()
        var verification = try call.answer(offer.octets).verification
        verification[verification.count - 1] ^= 0x80
        #expect(ModeTest.refusal { try PublicKeyMode.confirm(verification, of: offer, session: call.session) } == .verificationMAC)
    }

    @Test("the same seed gives the same keys, certificates and bytes")
    func reproducible() throws {
        #expect(try Call().offer().octets == Call().offer().octets)
        #expect(try Call().offer().octets != Call(seed: 3831).offer().octets)
    }
}
