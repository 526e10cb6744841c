import Pairing
import Primitives

/// An ECCSI signature (RFC 6507 §3.3): ( r || s || PVT ), r and s of N octets, PVT an
/// uncompressed SEC1 point: 129 octets on P-256.
public struct ECCSISignature: Sendable, Equatable {
    /// r, the x-coordinate of J = [j]G, N octets.
    public let r: [UInt8]
    /// s, N octets.
    public let s: [UInt8]
    /// The signer's Public Validation Token.
    public let pvt: ECPoint

    public init(r: [UInt8], s: [UInt8], pvt: ECPoint) {
        self.r = r
        self.s = s
        self.pvt = pvt
    }

    /// ( r || s || PVT ).
    public var octets: [UInt8] { r + s + pvt.sec1() }

    /// Parses ( r || s || PVT ); PVT is checked to lie on the curve (RFC 6507 §5.2.2 step 1).
    ///
    /// - Throws: ``ECCSIError/malformedSignature(_:)`` for the wrong length or PVT form,
    ///   ``ECCSIError/point(what:_:)`` for a PVT not on the curve.
    public init(octets: [UInt8]) throws(ECCSIError) {
        let n = ECCSI.octetCount
        let expected = 2 * n + 1 + 2 * n
        guard octets.count == expected else {
            throw .malformedSignature("\(octets.count) octets; \(expected) expected (r and s of \(n) octets, "
                                      + "then PVT as 0x04 || x || y)")
        }
        let bytes = Array(octets)
        guard bytes[2 * n] == 0x04 else {
            throw .malformedSignature("PVT starts with \(Hex.byte(bytes[2 * n])); 0x04 (uncompressed point) expected (RFC 6507 §3.3)")
        }
        self.init(r: Array(bytes[0..<n]), s: Array(bytes[n..<(2 * n)]), pvt: try ECCSI.point(Array(bytes[(2 * n)...]), name: "PVT"))
    }
}
