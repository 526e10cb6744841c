import Primitives

/// ECCPT: an elliptic-curve Diffie-Hellman value, only ever inside IBAKE encrypted data
/// (RFC 6267 §6.1.4): `next payload || ECC Curve || ECC Point || padding || Auth alg ||
/// TGK len (16 bits) || Reserved (4 bits) || KV (4 bits) || KV data`.
///
/// The point is a SEC1 octet string whose length follows from its prefix and the curve;
/// PROFILE D5 pads it with zero octets so that it ends on a 32-bit boundary counted from
/// the first octet of the sub-payload, and ignores the pad octets on receipt. The point is
/// checked on decoding (``ECPoint``): the point at infinity and off-curve points are refused.
public struct ECCPointSubPayload: Hashable, Sendable {
    /// The DH value, aP or bP (RFC 6267 writes [x]P, [y]P).
    public var value: ECCPointValue
    /// Whether the point is sent compressed (`0x02`/`0x03 || X`). PROFILE D5 sends
    /// uncompressed points; compressed ones are accepted.
    public var compressed: Bool
    /// The Auth alg octet. RFC 6267 §6.1.4 says it is ignored, so any value is read
    /// (registered or not, PROFILE D5); the lab sends the verification MAC's algorithm.
    public var authAlgorithm: UInt8
    /// The TGK length field; RFC 6267 §5 says MIKEY-IBAKE ignores it.
    public var tgkLength: UInt16
    /// Key validity data (KV); MIKEY-IBAKE sends none.
    public var keyValidity: KeyValidity

    /// An ECCPT carrying `point`, uncompressed unless `compressed` (PROFILE D5).
    public init(point: ECPoint, compressed: Bool = false, authAlgorithm: MACAlgorithm, tgkLength: UInt16,
                keyValidity: KeyValidity = .null) {
        self.init(value: .nist(point), compressed: compressed, authAlgorithm: authAlgorithm.rawValue, tgkLength: tgkLength,
                  keyValidity: keyValidity)
    }

    /// An ECCPT carrying any supported value.
    public init(value: ECCPointValue, compressed: Bool = false, authAlgorithm: MACAlgorithm, tgkLength: UInt16,
                keyValidity: KeyValidity = .null) {
        self.init(value: value, compressed: compressed, authAlgorithm: authAlgorithm.rawValue, tgkLength: tgkLength,
                  keyValidity: keyValidity)
    }

    /// An ECCPT with any Auth alg octet, registered or not (what a decoder reads).
    public init(value: ECCPointValue, compressed: Bool = false, authAlgorithm: UInt8, tgkLength: UInt16,
                keyValidity: KeyValidity = .null) {
        self.value = value
        self.compressed = compressed
        self.authAlgorithm = authAlgorithm
        self.tgkLength = tgkLength
        self.keyValidity = keyValidity
    }

    /// The NIST point, when the value is on a NIST curve.
    public var point: ECPoint? {
        if case .nist(let point) = value { return point }
        return nil
    }

    /// The ECC Curve registry entry of the point's curve.
    public var curve: ECCCurve {
        switch value {
        case .nist(let point): ECCCurve(point.curve)
        case .labToy: .labToy
        }
    }

    /// The point as sent: a SEC1 octet string.
    public var encoding: [UInt8] {
        switch value {
        case .nist(let point): point.sec1(compressed: compressed)
        case .labToy(let octets): octets
        }
    }

    /// Zero octets after a point of `pointLength` octets so that the sub-payload's first
    /// `2 + pointLength + padding` octets (next payload, ECC Curve, point, padding) are a
    /// multiple of 4 (PROFILE D5).
    public static func paddingLength(pointLength: Int) -> Int {
        (4 - (2 + pointLength) % 4) % 4
    }
}

/// The DH value an ECCPT carries.
public enum ECCPointValue: Hashable, Sendable {
    /// A point on P-256, P-384 or P-521, checked on decoding (PROFILE D5).
    case nist(ECPoint)
    /// A point of the toy group (private-use curve 240, PROFILE D4) as uncompressed SEC1
    /// octets; its curve check needs the pairing curve, so the IBAKE layer does it.
    case labToy([UInt8])
}

extension ECCPointSubPayload: PayloadBody {
    var summary: String {
        let coordinateLength = compressed ? encoding.count - 1 : (encoding.count - 1) / 2
        let x = Array(encoding.dropFirst().prefix(coordinateLength))
        return "\(curve.name) point (\(compressed ? "compressed" : "uncompressed")), x = \(Words.hex(x))"
    }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        let encoding = encoding
        writer.octet(curve.rawValue)
        writer.append(encoding)
        writer.append([UInt8](repeating: 0, count: Self.paddingLength(pointLength: encoding.count)))  // PROFILE D5
        writer.octet(authAlgorithm)
        writer.uint16(tgkLength)
        writer.octet(keyValidity.type.rawValue)  // Reserved (0) || KV
        try keyValidity.encode(into: &writer)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> ECCPointSubPayload {
        let curveAt = reader.position
        let registered = try reader.registered(ECCCurve.self)
        let value: ECCPointValue
        let compressed: Bool
        if registered == .labToy {
            (value, compressed) = (try decodeToyPoint(from: &reader), false)
        } else if let curve = registered.nistCurve {
            let (point, isCompressed) = try decodePoint(on: curve, from: &reader)
            (value, compressed) = (.nist(point), isCompressed)
        } else {
            throw reader.failure(.unsupportedCurve, at: curveAt,
                                 "ECC Curve \(registered.inWords) is not supported (PROFILE D5: P-256 (8), P-384 (11) or P-521 (14) expected)")
        }

        // PROFILE D5: pad to a 32-bit boundary from the sub-payload's first octet; pad octets ignored.
        let padAt = reader.position
        let padCount = (4 - (reader.position - reader.start) % 4) % 4
        if padCount > 0 {
            let pad = try reader.take(padCount, for: "padding")
            let value = pad.allSatisfy { $0 == 0 } ? "\(Words.octets(padCount)), zero"
                : "\(Words.octets(padCount)), nonzero \(Words.hex(pad)) (ignored)"
            reader.record("Padding", value, padAt..<reader.position, reference: .profile("D5"))
        }

        // RFC 6267 §6.1.4: the field is ignored, so an unregistered value is no error (PROFILE D5).
        let authAlgorithm = try reader.octet("Auth alg") { "\(MACAlgorithm.inWords($0)) (ignored, RFC 6267 §6.1.4)" }
        let tgkLength = try reader.uint16("TGK len") { "\($0) (ignored by MIKEY-IBAKE, RFC 6267 §5)" }
        let (_, kvType) = try reader.nibbleAndKeyValidityType("Reserved", describeHigh: reservedInWords)
        return ECCPointSubPayload(value: value, compressed: compressed, authAlgorithm: authAlgorithm,
                                  tgkLength: tgkLength, keyValidity: try KeyValidity.decode(kvType, from: &reader))
    }

    /// A toy-group point (PROFILE D4): uncompressed only, 0x04 || x || y with 4-octet
    /// coordinates. Its curve check needs the pairing curve, so the IBAKE layer does it.
    private static func decodeToyPoint(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> ECCPointValue {
        let at = reader.position
        let length = 1 + 2 * ECCCurve.labToyCoordinateLength
        guard reader.remaining > 0, reader.bytes[at] == 0x04 else {
            throw reader.failure(.invalidPoint, "toy group point must be uncompressed: prefix 0x04 expected")
        }
        let encoding = try reader.take(length, for: "ECC Point (uncompressed toy group)")
        reader.record("ECC Point", "toy group point, uncompressed, \(Words.octets(length)) (checked by the IBAKE layer)",
                      at..<reader.position, reference: .profile("D4"))
        return .labToy(encoding)
    }

    /// The SEC1 point: its length from the prefix and the curve (SEC 1 §2.3.4), then the
    /// curve check by ``ECPoint/init(sec1:curve:)``.
    private static func decodePoint(on curve: NISTCurve, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> (ECPoint, Bool) {
        let at = reader.position
        guard reader.remaining > 0 else {
            throw reader.failure(.truncated, "truncated: ECC Point needs at least 1 octet, 0 octets remain")
        }
        let prefix = reader.bytes[at]
        let size = curve.coordinateLength
        let length: Int
        switch prefix {
        case 0x04: length = 1 + 2 * size
        case 0x02, 0x03: length = 1 + size
        case 0x00:
            throw reader.failure(.invalidPoint, "ECC Point 0x00 is the point at infinity, which is refused (PROFILE D5)")
        default:
            throw reader.failure(.invalidPoint,
                                 "ECC Point prefix \(Hex.byte(prefix)) is not a SEC1 point prefix (0x04 uncompressed, 0x02 or 0x03 compressed expected)")
        }
        let encoding = try reader.take(length, for: "ECC Point (\(length == 1 + size ? "compressed" : "uncompressed") \(curve.displayName))")
        let point: ECPoint
        do throws(PrimitivesError) {
            point = try ECPoint(sec1: encoding, curve: curve)
        } catch {
            throw reader.failure(.invalidPoint, at: at, "ECC Point refused: \(error.description)")
        }
        var parts = [FieldDescription(name: "prefix", value: prefix == 0x04 ? "0x04 (uncompressed)" : "\(Hex.byte(prefix)) (compressed, y \(prefix == 0x02 ? "even" : "odd"))",
                                      range: at..<(at + 1), reference: .rfc(6267, "6.1.4"))]
        parts.append(FieldDescription(name: "x", value: Hex.encode(point.x), range: (at + 1)..<(at + 1 + size), reference: .rfc(6267, "6.1.4")))
        if prefix == 0x04 {
            parts.append(FieldDescription(name: "y", value: Hex.encode(point.y), range: (at + 1 + size)..<reader.position,
                                          reference: .rfc(6267, "6.1.4")))
        }
        reader.record("ECC Point", "\(curve.displayName) point, \(prefix == 0x04 ? "uncompressed" : "compressed"), \(Words.octets(length))",
                      at..<reader.position, children: parts)
        return (point, prefix != 0x04)
    }
}
