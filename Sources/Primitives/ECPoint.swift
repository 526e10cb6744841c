import COpenSSL

/// A finite point on one of the ``NISTCurve``s; never the point at infinity.
///
/// A value is checked when it is made (on the curve, coordinates below p) and holds its
/// uncompressed SEC1 encoding, so equal points compare and hash equal whatever form they
/// were decoded from. OpenSSL does all arithmetic (see `ECPoint+Arithmetic.swift`).
public struct ECPoint: Hashable, Sendable {
    /// The curve the point lies on.
    public let curve: NISTCurve
    /// `0x04 || X || Y` (SEC 1 §2.3.3), already validated.
    let encoding: [UInt8]

    init(curve: NISTCurve, validatedUncompressed encoding: [UInt8]) {
        self.curve = curve
        self.encoding = encoding
    }

    /// Decodes a SEC1 octet string (SEC 1 §2.3.4): uncompressed (`0x04 || X || Y`) or
    /// compressed (`0x02`/`0x03 || X`).
    ///
    /// - Throws: ``PrimitivesError`` naming the curve and the fault: `.pointAtInfinity` for
    ///   the one-octet `0x00` encoding (rejected, PROFILE D5), `.invalidEncoding` for any other
    ///   prefix (hybrid `0x06`/`0x07` included) or a coordinate not below p, `.wrongLength`
    ///   when the length does not match the prefix, `.notOnCurve` when no such point exists.
    public init(sec1 bytes: [UInt8], curve: NISTCurve) throws(PrimitivesError) {
        let subject = "\(curve.displayName) point"
        try Self.checkForm(bytes, curve: curve, subject: subject)

        // SEC 1 §2.3.4 steps 2.2 and 3.2 (via §2.3.6): each coordinate is an integer below p.
        // Equal-length big-endian octet strings order like the integers they encode.
        let group = curve.group, length = curve.coordinateLength
        guard bytes[1...length].lexicographicallyPrecedes(group.fieldPrime) else {
            throw PrimitivesError(.invalidEncoding, subject, "x-coordinate is not less than the field prime p")
        }
        if bytes[0] == 0x04, !bytes[(1 + length)...].lexicographicallyPrecedes(group.fieldPrime) {
            throw PrimitivesError(.invalidEncoding, subject, "y-coordinate is not less than the field prime p")
        }

        // OpenSSL checks the curve equation (uncompressed) or solves it for y (compressed).
        guard let point = group.decode(bytes, context: nil) else {
            let reason = ERR_GET_REASON(ERR_peek_last_error())
            guard reason == EC_R_POINT_IS_NOT_ON_CURVE || reason == EC_R_INVALID_COMPRESSED_POINT else {
                throw OpenSSLErrors.failure(subject, "decoding")
            }
            ERR_clear_error()
            throw PrimitivesError(.notOnCurve, subject, bytes[0] == 0x04
                ? "not on the curve" : "not on the curve (no curve point has this x-coordinate)")
        }
        defer { EC_POINT_free(point) }
        if bytes[0] == 0x04 {
            encoding = bytes
        } else {
            guard let uncompressed = group.encode(point, context: nil) else {
                throw OpenSSLErrors.failure(subject, "encoding")
            }
            encoding = uncompressed
        }
        self.curve = curve
    }

    /// Checks the prefix octet and the length it implies (SEC 1 §2.3.4 steps 1-3).
    private static func checkForm(_ bytes: [UInt8], curve: NISTCurve, subject: String) throws(PrimitivesError) {
        let length = curve.coordinateLength
        let expected: Int, form: String
        switch bytes.first {
        case nil:
            throw PrimitivesError(.wrongLength, subject, "empty input; a SEC1 encoding starting 0x04, 0x02 or 0x03 expected")
        case 0x04: (expected, form) = (1 + 2 * length, "an uncompressed")
        case 0x02, 0x03: (expected, form) = (1 + length, "a compressed")
        case 0x00:
            throw PrimitivesError(.pointAtInfinity, subject, "0x00 encodes the point at infinity, which is not allowed")
        case let prefix?:
            let kind = prefix == 0x06 || prefix == 0x07 ? "hybrid-form prefix" : "unknown prefix"
            throw PrimitivesError(.invalidEncoding, subject,
                                  "\(kind) \(Hex.byte(prefix)); 0x04 (uncompressed), 0x02 or 0x03 (compressed) expected")
        }
        guard bytes.count == expected else {
            throw PrimitivesError(.wrongLength, subject, "\(expected) octets expected for \(form) point, got \(bytes.count)")
        }
    }

    /// The SEC1 encoding (SEC 1 §2.3.3): `0x04 || X || Y`, or with `compressed`,
    /// `0x02 || X` when y is even and `0x03 || X` when y is odd.
    public func sec1(compressed: Bool = false) -> [UInt8] {
        guard compressed else { return encoding }
        let parity = encoding[encoding.count - 1] & 1
        return [0x02 | parity] + encoding[1...curve.coordinateLength]
    }

    /// The x-coordinate, big-endian, ``NISTCurve/coordinateLength`` octets.
    public var x: [UInt8] { Array(encoding[1...curve.coordinateLength]) }

    /// The y-coordinate, big-endian, ``NISTCurve/coordinateLength`` octets.
    public var y: [UInt8] { Array(encoding[(1 + curve.coordinateLength)...]) }
}
