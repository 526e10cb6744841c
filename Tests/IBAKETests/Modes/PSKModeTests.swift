import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// MIKEY-PSK (RFC 3830 §3.1) end to end on real bytes: the TGK crosses in a KEMAC under
/// keys from the PSK, the verification message comes back, and each check catches what
/// it is for.
@Suite struct PSKModeTests {
    struct Call {
        let random = HMACDRBG(seed: 3830)
        let psk: [UInt8]
        let session: ModeSession
        let replays = ReplayCache()
        static let now = ModeTest.now

        init() throws {
            psk = random.bytes(16)
            session = try ModeTest.session(using: random)
        }

        func offer() throws -> PSKMode.Offer { try PSKMode.offer(session, psk: psk, now: Self.now, using: random) }

        func answer(_ octets: [UInt8], psk: [UInt8]? = nil, now: UInt64 = now) throws -> PSKMode.Answer {
            try PSKMode.answer(octets, session: session, psk: psk ?? self.psk, now: now, replays: replays)
        }
    }

    @Test("both ends hold the initiator's TGK; the messages decode as data types 0 and 1")
    func roundTrip() throws {
        let call = try Call()
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        #expect(answer.tgk == offer.tgk && answer.tgk.count == 16)
        try PSKMode.confirm(answer.verification, of: offer, session: call.session, psk: call.psk)
        let first = try MIKEYMessage(decoding: offer.octets)
        #expect(first.header.dataType == .preShared && first.header.verificationRequired)
        guard case .kemac(let kemac)? = first.payloads.last else { Issue.record("KEMAC is not last"); return }
        #expect(kemac.encryption == .aesCM128 && kemac.mac.count == call.session.mac.macLength)
        #expect(try MIKEYMessage(decoding: answer.verification).header.dataType == .preSharedVerification)
    }

    @Test("decode's own KEMAC reader (the one that opens RTSP cameras' messages) opens ours with the PSK")
    func theIndependentReaderAgrees() throws {
        let call = try Call()
        let offer = try call.offer()
        let opened = try #require(try KEMACOpening.open(offer.octets, psk: call.psk))
        #expect(opened.integrity == .verified)
        #expect(opened.plaintext == offer.kemacPlaintext)
        let wrong = ModeTest.refusal { _ = try KEMACOpening.open(offer.octets, psk: Array(repeating: 0, count: 16)) }
        #expect(wrong == .parse)  // KEMACOpeningError, not an IBAKEFailure
    }

    @Test("another PSK, a flipped octet anywhere, a stale T or a replay is refused by the check for it")
    func refusals() throws {
        let call = try Call()
        let offer = try call.offer()
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, psk: Array(repeating: 7, count: 16)) } == .kemacMAC)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, now: Call.now + (600 << 32)) } == .timestamp)
        // Every octet after the HDR is authenticated by the KEMAC MAC, or fails to parse.
        ModeTest.expectEveryFlipRefused(offer.octets, from: 10, named: "I_MESSAGE") { _ = try call.answer($0) }
        _ = try call.answer(offer.octets)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets) } == .replay)
    }

    @Test("a flipped bit in the verification message fails its V MAC at the initiator")
    func verificationTampered() throws {
        let call = try Call()
        let offer = try call.offer()
        var verification = try call.answer(offer.octets).verification
        verification[verification.count - 1] ^= 0x80
        #expect(ModeTest.refusal { try PSKMode.confirm(verification, of: offer, session: call.session, psk: call.psk) } == .verificationMAC)
    }

    @Test("the same seed gives the same bytes")
    func reproducible() throws {
        #expect(try Call().offer().octets == Call().offer().octets)
    }
}
