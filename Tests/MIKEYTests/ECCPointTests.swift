import MIKEY
import Primitives
import Testing

/// ECCPT (RFC 6267 §6.1.4) with PROFILE D5's padding and point checks.
@Suite("ECCPT sub-payload")
struct ECCPointTests {
    static let forms: [(NISTCurve, Bool, Int, Int)] = [
        // curve, compressed, point octets, padding octets: 2 + point + padding is a multiple of 4.
        (.p256, false, 65, 1), (.p256, true, 33, 1),
        (.p384, false, 97, 1), (.p384, true, 49, 1),
        (.p521, false, 133, 1), (.p521, true, 67, 3),
    ]

    static func eccpt(_ curve: NISTCurve, compressed: Bool, validity: KeyValidity = .null) -> SubPayload {
        .eccpt(ECCPointSubPayload(point: Fixtures.point(curve, 9), compressed: compressed, authAlgorithm: .hmacSHA256_256,
                                  tgkLength: 0x0120, keyValidity: validity))
    }

    @Test("each curve, compressed and uncompressed: layout, padding, round trip", arguments: forms)
    func layout(curve: NISTCurve, compressed: Bool, pointLength: Int, padding: Int) throws {
        #expect(ECCPointSubPayload.paddingLength(pointLength: pointLength) == padding)
        #expect((2 + pointLength + padding) % 4 == 0)
        let bytes = try SubPayloadChain.encode([Self.eccpt(curve, compressed: compressed)])
        let point = Fixtures.point(curve, 9)
        // NP 0, ECC Curve, SEC1 point, zero padding, Auth alg 2, TGK len 0x0120, Reserved|KV 0.
        let expected: [UInt8] = [0, curve.mikeyIdentifier] + point.sec1(compressed: compressed)
            + [UInt8](repeating: 0, count: padding) + [2, 0x01, 0x20, 0x00]
        #expect(bytes == expected)
        #expect(bytes.count == 2 + pointLength + padding + 4)
        let decoded = try SubPayloadChain.decode(bytes, first: .eccpt)
        #expect(decoded == [Self.eccpt(curve, compressed: compressed)])
        guard case .eccpt(let eccpt) = decoded.first else { return }
        #expect(eccpt.point == point && eccpt.curve == ECCCurve(curve) && eccpt.compressed == compressed)
    }

    @Test("padding is counted from the start of the sub-payload, wherever it sits in the chain")
    func paddingInChain() throws {
        let chain = Fixtures.ibakePlaintext()  // IDRi (5 + 21 = 26 octets) then ECCPT at offset 26
        let bytes = try SubPayloadChain.encode(chain)
        #expect(bytes[26] == 14 && bytes[27] == 8)  // ECCPT's NP names IDR; curve P-256
        #expect(bytes[28] == 0x04 && bytes[28 + 65] == 0)  // one pad octet after 2 + 65
        #expect(bytes[28 + 66] == 2)  // Auth alg at 68 from the ECCPT's start
        try RoundTripTests.roundTrip(chain)
        try RoundTripTests.roundTrip([Self.eccpt(.p521, compressed: true, validity: .spi([1, 2, 3])), Self.eccpt(.p384, compressed: false)])
    }

    @Test("pad octets are ignored on receipt (PROFILE D5), and shown as nonzero")
    func nonzeroPadding() throws {
        var bytes = try SubPayloadChain.encode([Self.eccpt(.p521, compressed: true)])
        bytes[2 + 67] = 0xFF
        bytes[2 + 69] = 0x01
        #expect(try SubPayloadChain.decode(bytes, first: .eccpt) == [Self.eccpt(.p521, compressed: true)])
        let padding = SubPayloadChain.trace(bytes, first: .eccpt).elements.first?.description.fields.first { $0.name == "Padding" }
        #expect(padding?.value == "3 octets, nonzero ff0001 (ignored)")
        #expect(padding?.range == 69..<72 && padding?.reference == .profile("D5"))
    }

    static func pointError(_ mutate: (inout [UInt8]) -> Void) throws -> MIKEYDecodingError? {
        var bytes = try SubPayloadChain.encode(Fixtures.ibakePlaintext())
        mutate(&bytes)
        return #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(bytes, first: .idr) }
    }

    @Test("bad points are refused with the offset of the ECCPT")
    func badPoints() throws {
        // ECCPT at offset 26, point at 28.
        var error = try Self.pointError { $0[28] = 0x00 }
        #expect(error?.kind == .invalidPoint)
        #expect(error?.description == "ECCPT sub-payload at offset 26: ECC Point 0x00 is the point at infinity, which is refused (PROFILE D5)")
        error = try Self.pointError { $0[28] = 0x06 }
        #expect(error?.kind == .invalidPoint)
        #expect(error?.description == "ECCPT sub-payload at offset 26: ECC Point prefix 0x06 is not a SEC1 point prefix (0x04 uncompressed, 0x02 or 0x03 compressed expected)")
        error = try Self.pointError { $0[28 + 64] ^= 0x01 }  // last octet of y: off the curve
        #expect(error?.kind == .invalidPoint)
        #expect(error?.description == "ECCPT sub-payload at offset 26: ECC Point refused: P-256 point: not on the curve")
        #expect(error?.fieldOffset == 28)
        error = try Self.pointError { for i in 29..<61 { $0[i] = 0xFF } }  // x = 2^256 - 1 > p
        #expect(error?.description.hasSuffix("x-coordinate is not less than the field prime p") == true)
        error = try Self.pointError { $0[28] = 0x02 }  // now read as compressed: 33 octets, then garbage follows
        #expect(error != nil)
    }

    @Test("unsupported and unregistered curves are refused")
    func curves() throws {
        var error = try Self.pointError { $0[27] = 9 }
        #expect(error?.kind == .unsupportedCurve)
        #expect(error?.description == "ECCPT sub-payload at offset 26: ECC Curve B-283 (9) is not supported (PROFILE D5: P-256 (8), P-384 (11) or P-521 (14) expected)")
        error = try Self.pointError { $0[27] = 17 }
        #expect(error?.kind == .invalidValue)
        #expect(error?.description == "ECCPT sub-payload at offset 26: ECC Curve 17 is not a registered value (expected 1-16, 240)")
        error = try Self.pointError { $0[27] = 11 }  // P-384 announced, P-256 point: 97 octets needed
        #expect(error?.kind == .truncated || error?.kind == .invalidPoint)
    }

    @Test("a truncated point")
    func truncatedPoint() throws {
        let bytes = try SubPayloadChain.encode([Self.eccpt(.p384, compressed: false)])
        let error = #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(Array(bytes[0..<50]), first: .eccpt) }
        #expect(error?.description == "ECCPT sub-payload at offset 0: truncated: ECC Point (uncompressed P-384) needs 97 octets, 48 octets remain")
    }
}

@Suite("ECCPT on the toy group") struct ToyECCPointTests {
    /// PROFILE D4: the toy set's points travel on private-use curve 240, uncompressed,
    /// 4-octet coordinates; MIKEY checks the shape, the IBAKE layer the curve.
    @Test func roundTripAndShape() throws {
        let value: [UInt8] = [0x04, 0x4d, 0xa3, 0x70, 0xda, 0x5c, 0x01, 0xfa, 0xe5]
        let chain: [SubPayload] = [.eccpt(ECCPointSubPayload(value: .labToy(value), authAlgorithm: .hmacSHA256_256, tgkLength: 32))]
        let bytes = try SubPayloadChain.encode(chain)
        #expect(bytes.prefix(2) == [0, 240])
        #expect(bytes.count == 2 + 9 + 1 + 1 + 2 + 1)   // curve, point, 1 pad octet, auth alg, TGK len, KV
        let decoded = try SubPayloadChain.decode(bytes, first: .eccpt)
        #expect(decoded == chain)
        guard case .eccpt(let eccpt) = decoded.first else { Issue.record("not an ECCPT"); return }
        #expect(eccpt.curve == .labToy && eccpt.point == nil && eccpt.encoding == value)

        var compressed = bytes
        compressed[2] = 0x02
        #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(compressed, first: .eccpt) }
        #expect(throws: MIKEYDecodingError.self) { try SubPayloadChain.decode(Array(bytes.prefix(8)), first: .eccpt) }
    }
}
