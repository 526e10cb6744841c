import MIKEY
import Primitives
import Testing

/// `decode` opening a KEMAC (issue 13 item 8): NULL-encrypted key data as RTSP servers
/// send it, and MIKEY-PSK's AES-CM/HMAC-protected KEMAC with the pre-shared key.
@Suite struct KEMACOpeningTests {
    /// Published test data: test case "a" of bluenviron/gortsplib's pkg/mikey/message_test.go,
    /// a MIKEY-PSK message with a NULL-encrypted KEMAC holding one TEK Key data sub-payload
    /// of 30 octets (SRTP master key and salt together), as its RTSP server sends it.
    static let gortsplibA = hex("""
        01000500e69d51f801000030685760000000000b00ebfe6f2db1c13fd00a10c2
        dde443a84930a5757a7ed9c3a417fb010000001500010101011002010103010a
        0701010801010a0101000000220020001e9091783dfce8ddcd443a53508b6450
        9f35bd8a86bc4d8b7637a502493daf00
        """)

    static func hex(_ text: String) -> [UInt8] { Hex.decode(text.filter { !$0.isWhitespace }) ?? [] }

    static let psk: [UInt8] = Array(0xA0...0xAF)
    static let tgk = KeyDataSubPayload(type: .tgk, key: Array(0x30...0x3F))

    /// A MIKEY-PSK I_MESSAGE (RFC 3830 §3.1): HDR, T, RAND, KEMAC, the KEMAC's key data under
    /// AES-CM-128 and its HMAC-SHA-1-160 over the whole message but the MAC (the last 20
    /// octets, KEMAC being last), each key from `psk` by RFC 3830 §4.1.4.
    static func pskMessage(psk: [UInt8] = psk) throws -> [UInt8] {
        let header = CommonHeader(dataType: .preShared, verificationRequired: false, prf: .mikey1, csbID: 0x0BAD_CAFE,
                                  cryptoSessions: .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 0x1234_5678, roc: 0)]))
        let rand: [UInt8] = Array(0x10...0x1F)
        let timestamp = Timestamp.ntpUTC(unixSeconds: 1_793_707_200, fraction: 0)
        let keys = KeyDerivation.messageProtectionKeys(from: psk, csbID: header.csbID, rand: rand, prf: .mikey1,
                                                       mac: .hmacSHA1_160, encryption: .aesCM128)
        let plaintext = try SubPayloadChain.encode([.keyData(tgk)])
        let encrypted = try KEMACEncryption.apply(.aesCM128, key: keys.encryptionKey, salt: keys.saltKey, csbID: header.csbID,
                                                  timestamp: timestamp, to: plaintext)
        var octets = try MIKEYMessage(header: header, payloads: [
            .timestamp(TimestampPayload(timestamp)), .rand(RANDPayload(rand)),
            .kemac(KEMACPayload(encryption: .aesCM128, encryptedData: encrypted, macAlgorithm: .hmacSHA1_160,
                                mac: Array(repeating: 0, count: 20))),
        ]).encode()
        let macStart = octets.count - 20
        octets.replaceSubrange(macStart..., with: HMAC.authenticationCode(for: Array(octets[..<macStart]), key: keys.authenticationKey, hash: .sha1))
        return octets
    }

    @Test("a NULL-encrypted KEMAC shows its Key data: gortsplib's published message")
    func nullKEMAC() throws {
        let opening = try #require(try KEMACOpening.open(Self.gortsplibA))
        #expect(opening.encryption == .null && opening.integrity == .noMAC)
        #expect(opening.trace.isComplete)
        let keyData = try #require(opening.trace.elements.first?.value)
        #expect(keyData == .keyData(KeyDataSubPayload(type: .tek, key: Self.hex(
            "9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf"))))
        #expect(opening.trace.descriptions.first?.fields.contains { $0.name == "Key data len" && $0.value == "30 octets" } == true)
    }

    @Test("with the pre-shared key an AES-CM KEMAC is verified, then decrypted")
    func pskKEMAC() throws {
        let message = try Self.pskMessage()
        let opening = try #require(try KEMACOpening.open(message, psk: Self.psk))
        #expect(opening.encryption == .aesCM128 && opening.integrity == .verified)
        #expect(opening.trace.elements.map(\.value) == [.keyData(Self.tgk)])
    }

    @Test("without the key, with a wrong key, or with one bit changed, nothing is shown")
    func refusals() throws {
        let message = try Self.pskMessage()
        #expect(throws: KEMACOpeningError.self) { try KEMACOpening.open(message) }
        do {
            _ = try KEMACOpening.open(message, psk: Array(Self.psk.reversed()))
            Issue.record("a wrong key opened the KEMAC")
        } catch {
            #expect(error.description.contains("does not verify"))
        }
        // Every octet but the MAC's is covered: flip one in RAND (HDR 19 octets, T 10, RAND's 2 before its data).
        var altered = message
        altered[35] ^= 0x01
        #expect(throws: KEMACOpeningError.self) { try KEMACOpening.open(altered, psk: Self.psk) }
        let none = try KEMACOpening.open(Fixtures.encode(Fixtures.iMessage1))
        #expect(none.map { _ in true } == nil)
    }
}
