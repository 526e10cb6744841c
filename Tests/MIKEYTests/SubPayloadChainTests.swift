import MIKEY
import Primitives
import Testing

/// The plaintext of IBAKE, ESK and KEMAC encrypted data (RFC 6267 §4.2).
@Suite("Sub-payload chains")
struct SubPayloadChainTests {
    static func eccpt(_ k: UInt8) -> SubPayload {
        .eccpt(ECCPointSubPayload(point: Fixtures.point(.p256, k), authAlgorithm: .hmacSHA256_256, tgkLength: 32))
    }

    @Test("the IBAKE plaintexts of RFC 6267 §4.2.2 round-trip with the first type IDR")
    func ibakeShapes() throws {
        let idri = SubPayload.idr(IDRPayload(role: .initiator, uri: Fixtures.alice))
        let idrr = SubPayload.idr(IDRPayload(role: .responder, uri: Fixtures.bob))
        let shapes: [[SubPayload]] = [
            [idri, Self.eccpt(3), idrr],                 // I_MESSAGE_1
            [idri, Self.eccpt(3), idrr, Self.eccpt(5)],  // R_MESSAGE_1 (and I_MESSAGE_2 with ECCPTi resent)
            [idri, idrr, Self.eccpt(5)],                 // R_MESSAGE_1 without ECCPTi (retargeting), I_MESSAGE_2
            [idri, Self.eccpt(3)],                       // R_MESSAGE_2's optional IBAKE
        ]
        for shape in shapes {
            let bytes = try SubPayloadChain.encode(shape)
            #expect(try SubPayloadChain.decode(bytes, first: .idr) == shape)
            #expect(bytes[0] == shape.dropFirst().first?.type.rawValue)  // the first NP names the second item
            let trace = SubPayloadChain.trace(bytes, first: .idr)
            #expect(trace.elements.map(\.description.type) == shape.map(\.type))
            #expect(trace.elements.last?.description.fields.first?.value == "0 (Last payload)")
        }
    }

    @Test("the first type is the caller's: read with another, the bytes are refused")
    func firstType() throws {
        let bytes = try SubPayloadChain.encode(Fixtures.ibakePlaintext())
        // Read as ID instead of IDR: ID Type = 1 (the role octet), ID len = 0x0100 overruns.
        let error = #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(bytes, first: .id) }
        #expect(error?.description.hasPrefix("ID sub-payload at offset 0: ID len 256 overruns the plaintext") == true)
        for clear: PayloadType in [.timestamp, .rand, .ibake, .verification, .sign, .last] {
            let refused = #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(bytes, first: clear) }
            #expect(refused?.kind == .misplacedPayload)
        }
        let empty = #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode([], first: .idr) }
        #expect(empty?.description == "IDR sub-payload at offset 0: truncated: next payload needs 1 octet, 0 octets remain")
    }

    @Test("sub-payloads are refused in the clear, and clear payloads in a chain")
    func placement() throws {
        var bytes = Fixtures.encode(Fixtures.iMessage1)
        bytes[2] = PayloadType.sk.rawValue
        let error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.description == "HDR payload at offset 0: next payload 24 (SK): a sub-payload, allowed only inside encrypted data")
        var chain = try SubPayloadChain.encode(Fixtures.eskPlaintext)
        chain[0] = PayloadType.rand.rawValue
        let refused = #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(chain, first: .id) }
        #expect(refused?.description.hasPrefix("ID sub-payload at offset 0: next payload 11 (RAND): may not appear in encrypted data") == true)
    }

    @Test("ID and IDR carry text identities")
    func identities() {
        #expect(IDRPayload(role: .initiator, uri: Fixtures.alice).text == Fixtures.alice)
        #expect(IDPayload(uri: Fixtures.bob).text == Fixtures.bob && IDPayload(uri: Fixtures.bob).type == .uri)
        #expect(IDPayload(type: .byteString, data: [0xFF, 0xFE]).text == nil)
        let message = Fixtures.iMessage1
        #expect(message.identity(.initiator)?.text == Fixtures.alice && message.identity(.responder)?.text == Fixtures.bob)
        #expect(message.identity(.kms) == nil && message.identities(.initiator).count == 1)
        #expect(message.rand == Fixtures.rand && message.timestamp == Fixtures.timestamp)
        #expect(message.ibake?.encryptedData.count == 120 && message.esk?.encryptedData.count == 40 && message.kemac == nil)
        #expect(message.securityPolicies == [.srtp(policyNumber: 0)] && message.verification == nil)
        #expect(Fixtures.requestKeyResponse.kemac?.encryption == .aesCM128 && Fixtures.rMessage2.verification?.mac.count == 32)
    }
}
