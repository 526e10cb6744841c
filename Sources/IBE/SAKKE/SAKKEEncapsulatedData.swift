import Pairing
import Primitives

/// SAKKE Encapsulated Data (RFC 6508 §4, §6.2.1 step 5): R_(b,S) || H, the point as
/// 0x04 || x || y with L-octet coordinates, then the n/8 octets of H.
public struct SAKKEEncapsulatedData: Sendable, Equatable {
    /// R_(b,S) = [r]([b]P + Z_S).
    public let r: CurvePoint
    /// H = SSV XOR HashToIntegerRange(g^r, 2^n, hash), n/8 octets.
    public let h: [UInt8]

    public init(r: CurvePoint, h: [UInt8]) {
        self.r = r
        self.h = h
    }

    /// R_(b,S) || H.
    public func octets(parameters: SAKKEParameters) -> [UInt8] {
        parameters.curve.uncompressedOctets(r) + h
    }

    /// Parses R_(b,S) || H; the point is checked on decapsulation, not here.
    ///
    /// - Throws: ``SAKKEError/malformedEncapsulatedData(_:)`` naming the fault and the
    ///   expected form.
    public init(octets: [UInt8], parameters: SAKKEParameters) throws(SAKKEError) {
        let pointLength = 1 + 2 * parameters.coordinateLength
        let expected = pointLength + parameters.ssvLength
        guard octets.count == expected else {
            throw .malformedEncapsulatedData("\(octets.count) octets; \(expected) expected "
                                             + "(0x04 || x || y of \(parameters.coordinateLength) octets each, then H of \(parameters.ssvLength))")
        }
        guard let point = parameters.curve.point(uncompressed: Array(octets.prefix(pointLength))) else {
            throw .malformedEncapsulatedData("R_(b,S) starts with \(Hex.byte(octets[octets.startIndex])); 0x04 (uncompressed point) expected")
        }
        self.init(r: point, h: Array(octets.suffix(parameters.ssvLength)))
    }
}
