import MIKEY
import Primitives
import Testing

/// The V MAC input (RFC 6267 §5.4, PROFILE D8): the message up to the MAC field, ESK left out.
@Suite("V MAC input")
struct VerificationMACTests {
    @Test("R_MESSAGE_2: everything before the MAC field except the ESK payload's octets")
    func input() throws {
        let message = Fixtures.rMessage2
        let bytes = try message.encode()
        let trace = MIKEYMessage.trace(bytes)
        let esk = try #require(trace.elements.first { $0.description.type == .esk })
        let v = try #require(trace.elements.last)
        #expect(v.description.type == .verification && v.length == 2 + 32)
        let expected = Array(bytes[0..<esk.offset]) + Array(bytes[esk.description.range.upperBound..<(v.offset + 2)])
        #expect(try VerificationMAC.input(forMessage: bytes) == expected)
        #expect(try VerificationMAC.input(for: message) == expected)
        // The ESK's octets (NP, length 3, e5 0e 5e) are absent; the IDRr's next-payload octet still names ESK.
        #expect(expected.count == bytes.count - esk.length - 32)
        #expect(!Hex.encode(expected).contains("0003e50e5e"))
    }

    @Test("the MAC field's content does not enter the input; everything else does")
    func coverage() throws {
        var message = Fixtures.rMessage2
        let base = try VerificationMAC.input(for: message)
        message.payloads[4] = .verification(.placeholder(.hmacSHA256_256))
        #expect(try VerificationMAC.input(for: message) == base)
        message.payloads[3] = .esk(EncryptedDataPayload(encryptedData: Array(repeating: 1, count: 300)))
        #expect(try VerificationMAC.input(for: message) == base)
        message.header.csbID ^= 1
        #expect(try VerificationMAC.input(for: message) != base)
        // Without the ESK the input changes by one octet only: IDRr's next payload names V instead.
        var noESK = Fixtures.rMessage2
        noESK.payloads.remove(at: 3)
        let withoutESK = try VerificationMAC.input(for: noESK)
        #expect(withoutESK.count == base.count)
        #expect(zip(withoutESK, base).filter { $0 != $1 }.count == 1)
    }

    @Test("a message that does not end with V has no MAC input")
    func noVerification() throws {
        #expect(throws: MIKEYEncodingError.self) { try VerificationMAC.input(for: Fixtures.iMessage1) }
        let error = #expect(throws: MIKEYDecodingError.self) { try VerificationMAC.input(forMessage: Fixtures.encode(Fixtures.iMessage1)) }
        #expect(error?.kind == .missingPayload)
        let broken = Array(Fixtures.encode(Fixtures.rMessage2).dropLast())
        #expect((#expect(throws: MIKEYDecodingError.self) { try VerificationMAC.input(forMessage: broken) })?.kind == .truncated)
    }
}
