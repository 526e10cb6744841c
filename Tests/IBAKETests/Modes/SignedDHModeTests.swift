import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// MIKEY-DH with signatures (RFC 3830 §3.3) end to end on real bytes: both ends reach the
/// same g^(xi·xr), and each check (certificate, signature, DH value, echo) catches what it
/// is for.
@Suite struct SignedDHModeTests {
    struct Call: CertifiedModeCall {
        let random: HMACDRBG
        let pki: LabPKI
        let session: ModeSession
        let replays = ReplayCache()
        static let now = ModeTest.now

        init(seed: UInt64 = 3830) throws {
            (random, pki, session) = try ModeTest.certifiedLab(seed: seed, uris: [ModeTest.alice, ModeTest.bob])
        }

        func offer(signer: LabPKI.Holder? = nil) throws -> SignedDHMode.Offer {
            try SignedDHMode.offer(session, signer: signer ?? holder(ModeTest.alice), now: Self.now, using: random)
        }

        func answer(_ octets: [UInt8]) throws -> SignedDHMode.Answer {
            try SignedDHMode.answer(octets, session: session, signer: holder(ModeTest.bob), authority: authority,
                                    now: Self.now, replays: replays, using: random)
        }

        func finish(_ octets: [UInt8], of offer: SignedDHMode.Offer) throws -> [UInt8] {
            try SignedDHMode.finish(octets, of: offer, session: session, authority: authority, now: Self.now)
        }
    }

    /// `octets` with its SIGN replaced by one from `key`, after `change` edits the payloads
    /// before it (RFC 3830 §5.2: the signature covers the message up to the signature field).
    static func resigned(_ octets: [UInt8], with key: RSAPrivateKey,
                         _ change: (inout [Payload]) -> Void = { _ in }) throws -> [UInt8] {
        var message = try MIKEYMessage(decoding: octets)
        message.payloads.removeLast()
        change(&message.payloads)
        let length = key.publicKey.modulusOctets
        message.payloads.append(.sign(SignaturePayload(type: .rsaPKCS1v15, signature: Array(repeating: 0, count: length))))
        let covered = Array(try message.encode().dropLast(length))
        message.payloads[message.payloads.count - 1] = .sign(SignaturePayload(type: .rsaPKCS1v15,
                                                                              signature: try key.sign(covered, hash: .sha256)))
        return try message.encode()
    }

    @Test("both ends reach the same 192-octet g^(xi·xr); data types 4 and 5, payloads in RFC 3830 §3.3's order")
    func roundTrip() throws {
        let call = try Call()
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        let tgk = try call.finish(answer.octets, of: offer)
        #expect(tgk == answer.tgk && tgk.count == 192)
        #expect(answer.initiatorValue == offer.initiatorValue)
        let first = try MIKEYMessage(decoding: offer.octets)
        #expect(first.header.dataType == .diffieHellmanInit && first.header.verificationRequired)
        #expect(try ModeTest.types(offer.octets) == [.timestamp, .rand, .cert, .id, .dh, .sign])
        #expect(try MIKEYMessage(decoding: answer.octets).header.dataType == .diffieHellmanResponse)
        #expect(try ModeTest.types(answer.octets) == [.timestamp, .cert, .id, .dh, .dh, .sign])
    }

    @Test("a flip of any octet after the HDR of either message is refused by some check")
    func everyOctetIsCovered() throws {
        let call = try Call()
        let offer = try call.offer()
        ModeTest.expectEveryFlipRefused(offer.octets, from: 10, named: "I_MESSAGE") { _ = try call.answer($0) }
        let answer = try call.answer(offer.octets)
        ModeTest.expectEveryFlipRefused(answer.octets, from: 10, named: "R_MESSAGE") { _ = try call.finish($0, of: offer) }
    }

    @Test("a certificate from another CA fails the certificate check; a signature by another key, the signature check")
    func certificateAndSignature() throws {
        let call = try Call()
        let stranger = try LabPKI(uris: [ModeTest.alice], bits: 1024, notBefore: ModeTest.notBefore, using: HMACDRBG(seed: 4650))
        let impostor: LabPKI.Holder = try #require(stranger[ModeTest.alice])
        let forged = try call.offer(signer: impostor)
        #expect(ModeTest.refusal { _ = try call.answer(forged.octets) } == .certificate)
        let offer = try call.offer()
        let wrongKey = try Self.resigned(offer.octets, with: try call.holder(ModeTest.bob).key)
        #expect(ModeTest.refusal { _ = try call.answer(wrongKey) } == .signature)
        let answer = try call.answer(offer.octets)
        let wrongAnswer = try Self.resigned(answer.octets, with: try call.holder(ModeTest.alice).key)
        #expect(ModeTest.refusal { _ = try call.finish(wrongAnswer, of: offer) } == .signature)
    }

    @Test("a DH value of 1 or p-1, signed by its sender, fails the Diffie-Hellman value check at either end")
    func degenerateValues() throws {
        let call = try Call()
        for value in ModeTest.degenerateDHValues {
            let offer = try call.offer()
            let bad = try Self.resigned(offer.octets, with: try call.holder(ModeTest.alice).key, ModeTest.replacingDH(0, with: value))
            #expect(ModeTest.refusal { _ = try call.answer(bad) } == .diffieHellmanValue)
            let answer = try call.answer(offer.octets)
            let badAnswer = try Self.resigned(answer.octets, with: try call.holder(ModeTest.bob).key, ModeTest.replacingDH(0, with: value))
            #expect(ModeTest.refusal { _ = try call.finish(badAnswer, of: offer) } == .diffieHellmanValue)
        }
    }

    @Test("an answer echoing another DHi, correctly signed by R, fails the echo check; a replay, the replay cache")
    func echoAndReplay() throws {
        let call = try Call()
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        let other = try call.offer()
        let echo = try Self.resigned(answer.octets, with: try call.holder(ModeTest.bob).key, ModeTest.replacingDH(1, with: other.initiatorValue))
        #expect(ModeTest.refusal { _ = try call.finish(echo, of: offer) } == .initiatorEcho)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets) } == .replay)
    }

    @Test("the same seed gives the same bytes and the same TGK")
    func reproducible() throws {
        func run() throws -> ([UInt8], [UInt8]) {
            let call = try Call(seed: 7)
            let offer = try call.offer()
            let answer = try call.answer(offer.octets)
            return (offer.octets + answer.octets, try call.finish(answer.octets, of: offer))
        }
        let (first, second) = (try run(), try run())
        #expect(first.0 == second.0 && first.1 == second.1)
    }
}
