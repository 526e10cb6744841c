import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// MIKEY-RSA-R (RFC 4738) end to end on real bytes: the initiator asks with its
/// certificate, the responder chooses the TGK and sends it in a KEMAC under keys from an
/// envelope key, the envelope key in a PKE to the initiator's certificate key, signed;
/// and each check catches what it is for.
@Suite struct RSARModeTests {

    struct Call: CertifiedModeCall {
        let random: HMACDRBG
        let pki: LabPKI
        let session: ModeSession
        let responderReplays = ReplayCache()
        let initiatorReplays = ReplayCache()
        static let (now, notBefore) = (ModeTest.now, ModeTest.notBefore)

        init(seed: UInt64 = 4738) throws {
            (random, pki, session) = try ModeTest.certifiedLab(seed: seed, uris: [ModeTest.alice, ModeTest.bob, ModeTest.carol])
        }

        func offer(signer: LabPKI.Holder? = nil) throws -> RSARMode.Offer {
            try RSARMode.offer(session, signer: signer ?? holder(ModeTest.alice), now: Self.now, using: random)
        }

        func answer(_ octets: [UInt8], signer: LabPKI.Holder? = nil, now: UInt64 = now) throws -> RSARMode.Answer {
            try RSARMode.answer(octets, session: session, signer: signer ?? holder(ModeTest.bob), authority: authority,
                                now: now, replays: responderReplays, using: random)
        }

        func accept(_ octets: [UInt8], of offer: RSARMode.Offer, key: RSAPrivateKey? = nil) throws -> RSARMode.Accepted {
            try RSARMode.accept(octets, of: offer, session: session, key: key ?? holder(ModeTest.alice).key,
                                authority: authority, now: Self.now, replays: initiatorReplays)
        }
    }

    @Test("both ends hold the responder's TGK; the messages decode as data types 9 and 10, payloads in RFC 4738 §3's order")
    func roundTrip() throws {
        let call = try Call()
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        let accepted = try call.accept(answer.octets, of: offer)
        #expect(accepted.tgk == answer.tgk && accepted.tgk.count == 16)
        #expect(accepted.envelopeKey == answer.envelopeKey && accepted.envelopeKey.count == 16)
        #expect(answer.rand == offer.rand && accepted.rand == offer.rand)
        let first = try MIKEYMessage(decoding: offer.octets)
        #expect(first.header.dataType == .rsaRInit && first.header.verificationRequired)
        #expect(first.payloads.map(\.type) == [.timestamp, .rand, .cert, .id, .sign])
        let second = try MIKEYMessage(decoding: answer.octets)
        #expect(second.header.dataType == .rsaRResponse)
        #expect(second.payloads.map(\.type) == [.timestamp, .rand, .cert, .id, .kemac, .pke, .sign])
        #expect(second.rand == offer.rand)
        #expect(try second.encode() == answer.octets)
    }

    @Test("a flip of any octet after the HDR of either message is refused")
    func everyOctetIsCovered() throws {
        let call = try Call()
        let offer = try call.offer()
        ModeTest.expectEveryFlipRefused(offer.octets, from: ModeTest.headerEnd(offer.octets), named: "I_MESSAGE") { _ = try call.answer($0) }
        let answer = try call.answer(offer.octets)
        ModeTest.expectEveryFlipRefused(answer.octets, from: ModeTest.headerEnd(answer.octets), named: "R_MESSAGE") { _ = try call.accept($0, of: offer) }
    }

    @Test("a certificate from another CA, or naming another URI, is refused by the certificate check, at both ends")
    func certificates() throws {
        let call = try Call()
        let stranger = try LabPKI(uris: [ModeTest.alice, ModeTest.bob], bits: 1024, notBefore: Call.notBefore, using: HMACDRBG(seed: 3830))
        let carol = try call.holder(ModeTest.carol)
        let foreignAlice = try #require(stranger[ModeTest.alice])
        let foreignBob = try #require(stranger[ModeTest.bob])
        #expect(ModeTest.refusal { _ = try call.answer(call.offer(signer: foreignAlice).octets) } == .certificate)
        #expect(ModeTest.refusal { _ = try call.answer(call.offer(signer: carol).octets) } == .certificate)
        let offer = try call.offer()
        let fromStranger = try call.answer(offer.octets, signer: foreignBob)
        #expect(ModeTest.refusal { _ = try call.accept(fromStranger.octets, of: offer) } == .certificate)
        let fromCarol = try call.answer(try call.offer().octets, signer: carol)
        #expect(ModeTest.refusal { _ = try call.accept(fromCarol.octets, of: offer) } == .certificate)
    }

    @Test("a message signed by the wrong key is refused by the signature check; a PKE to another key by the envelope-key check")
    func signatureAndEnvelope() throws {
        let call = try Call()
        let carolKey = try call.holder(ModeTest.carol).key
        let fakeAlice = LabPKI.Holder(uri: ModeTest.alice, key: carolKey, certificate: try call.holder(ModeTest.alice).certificate)
        #expect(ModeTest.refusal { _ = try call.answer(call.offer(signer: fakeAlice).octets) } == .signature)
        let offer = try call.offer()
        let fakeBob = LabPKI.Holder(uri: ModeTest.bob, key: carolKey, certificate: try call.holder(ModeTest.bob).certificate)
        let forged = try call.answer(offer.octets, signer: fakeBob)
        #expect(ModeTest.refusal { _ = try call.accept(forged.octets, of: offer) } == .signature)
        let fresh = try call.offer()
        let answer = try call.answer(fresh.octets)
        #expect(ModeTest.refusal { _ = try call.accept(answer.octets, of: fresh, key: carolKey) } == .envelopeKey)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, now: Call.now + (600 << 32)) } == .timestamp)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets) } == .replay)
    }

    @Test("an answer to another request (another RAND) is refused")
    func anotherRequest() throws {
        let call = try Call()
        let offer = try call.offer()
        let other = try call.offer()
        let answer = try call.answer(other.octets)
        #expect(ModeTest.refusal { _ = try call.accept(answer.octets, of: offer) } == .session)
    }

    @Test("the same seed gives the same keys, certificates and bytes")
    func reproducible() throws {
        func run(_ seed: UInt64) throws -> [UInt8] {
            let call = try Call(seed: seed)
            return try call.answer(call.offer().octets).octets
        }
        #expect(try run(4738) == run(4738))
        #expect(try run(4738) != run(4739))
    }
}
