import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// MIKEY-DHHMAC (RFC 4650) end to end on real bytes: a Diffie-Hellman exchange under KEMAC
/// MACs from a pre-shared key; both ends reach the same g^(xi·xr), and each check catches
/// what it is for.
@Suite struct DHHMACModeTests {
    struct Call {
        let random: HMACDRBG
        let psk: [UInt8]
        let session: ModeSession
        let replays = ReplayCache()
        static let now = ModeTest.now

        init(seed: UInt64 = 4650) throws {
            random = HMACDRBG(seed: seed)
            psk = random.bytes(16)
            session = try ModeTest.session(using: random)
        }

        func offer() throws -> DHHMACMode.Offer { try DHHMACMode.offer(session, psk: psk, now: Self.now, using: random) }

        func answer(_ octets: [UInt8], psk: [UInt8]? = nil, now: UInt64 = now) throws -> DHHMACMode.Answer {
            try DHHMACMode.answer(octets, session: session, psk: psk ?? self.psk, now: now, replays: replays, using: random)
        }

        func finish(_ octets: [UInt8], of offer: DHHMACMode.Offer, psk: [UInt8]? = nil) throws -> [UInt8] {
            try DHHMACMode.finish(octets, of: offer, session: session, psk: psk ?? self.psk)
        }

        /// `octets` with its `index`-th DH value replaced by `value` and the KEMAC MAC (the
        /// last octets) recomputed under the PSK's auth_key with `rand` (RFC 3830 §4.1.4).
        func remaced(_ octets: [UInt8], rand: [UInt8], dh index: Int, value: [UInt8]) throws -> [UInt8] {
            var message = try MIKEYMessage(decoding: octets)
            ModeTest.replacingDH(index, with: value)(&message.payloads)
            var bytes = try message.encode()
            let keys = KeyDerivation.messageProtectionKeys(from: psk, csbID: session.csbID, rand: rand, prf: session.prf,
                                                           mac: session.mac, encryption: .null)
            let length = session.mac.macLength
            let hash = try #require(session.mac.hash)
            let tag = HMAC.authenticationCode(for: Array(bytes.dropLast(length)), key: keys.authenticationKey, hash: hash)
            bytes.replaceSubrange(bytes.count - length ..< bytes.count, with: tag.prefix(length))
            return bytes
        }
    }

    @Test("both ends reach the same 192-octet g^(xi·xr); data types 7 and 8, payloads in RFC 4650's order, MAC-only KEMACs")
    func roundTrip() throws {
        let call = try Call()
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        let tgk = try call.finish(answer.octets, of: offer)
        #expect(tgk == answer.tgk && tgk.count == 192)
        let first = try MIKEYMessage(decoding: offer.octets)
        #expect(first.header.dataType == .dhhmacInit && first.header.verificationRequired)
        #expect(try ModeTest.types(offer.octets) == [.timestamp, .rand, .id, .id, .dh, .kemac])
        let second = try MIKEYMessage(decoding: answer.octets)
        #expect(second.header.dataType == .dhhmacResponse)
        #expect(try ModeTest.types(answer.octets) == [.timestamp, .id, .id, .dh, .dh, .kemac])
        for message in [first, second] {
            let kemac = try #require(message.kemac)
            #expect(kemac.encryption == .null && kemac.encryptedData.isEmpty && kemac.mac.count == call.session.mac.macLength)
        }
    }

    @Test("a flip of any octet after the HDR of either message is refused by some check")
    func everyOctetIsCovered() throws {
        let call = try Call()
        let offer = try call.offer()
        ModeTest.expectEveryFlipRefused(offer.octets, from: 10, named: "I_MESSAGE") { _ = try call.answer($0) }
        let answer = try call.answer(offer.octets)
        ModeTest.expectEveryFlipRefused(answer.octets, from: 10, named: "R_MESSAGE") { _ = try call.finish($0, of: offer) }
    }

    @Test("another PSK fails the KEMAC MAC at either end; a stale T, the freshness check; a replay, the replay cache")
    func macFreshnessReplay() throws {
        let call = try Call()
        let wrong = Array(repeating: UInt8(7), count: 16)
        let offer = try call.offer()
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, psk: wrong) } == .kemacMAC)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets, now: Call.now + (600 << 32)) } == .timestamp)
        let answer = try call.answer(offer.octets)
        #expect(ModeTest.refusal { _ = try call.finish(answer.octets, of: offer, psk: wrong) } == .kemacMAC)
        #expect(ModeTest.refusal { _ = try call.answer(offer.octets) } == .replay)
    }

    @Test("a DH value of 1 or p-1 under a valid MAC fails the Diffie-Hellman value check; another DHi echoed, the echo check")
    func valuesAndEcho() throws {
        let call = try Call()
        for value in ModeTest.degenerateDHValues {
            let offer = try call.offer()
            let bad = try call.remaced(offer.octets, rand: offer.rand, dh: 0, value: value)
            #expect(ModeTest.refusal { _ = try call.answer(bad) } == .diffieHellmanValue)
            let answer = try call.answer(offer.octets)
            let badAnswer = try call.remaced(answer.octets, rand: offer.rand, dh: 0, value: value)
            #expect(ModeTest.refusal { _ = try call.finish(badAnswer, of: offer) } == .diffieHellmanValue)
        }
        let offer = try call.offer()
        let answer = try call.answer(offer.octets)
        let echo = try call.remaced(answer.octets, rand: offer.rand, dh: 1, value: try call.offer().initiatorValue)
        #expect(ModeTest.refusal { _ = try call.finish(echo, of: offer) } == .initiatorEcho)
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
