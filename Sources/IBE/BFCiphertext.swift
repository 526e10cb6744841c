import Pairing

/// A Boneh-Franklin ciphertext (U, V, W) (RFC 5091 §5.4): U = [l]P, V masks rho
/// (hashlen octets), W masks the message (|m| octets).
public struct BFCiphertext: Sendable, Equatable {
    public let u: CurvePoint
    public let v: [UInt8]
    public let w: [UInt8]

    public init(u: CurvePoint, v: [UInt8], w: [UInt8]) {
        self.u = u
        self.v = v
        self.w = w
    }

    /// The octets carried in an IBAKE or ESK payload (PROFILE D2):
    /// 0x04 || x(U) || y(U) || V || W, coordinates left-padded to the octet length of p.
    public func encoded(on curve: TypeOneCurve) -> [UInt8] {
        curve.uncompressedOctets(u) + v + w
    }

    /// Parses the D2 layout for `parameters`; the point is not yet checked to be on
    /// the curve or in the subgroup (decryption does that before any pairing).
    public init(decoding bytes: [UInt8], parameters: BFPublicParameters) throws(IBEError) {
        let length = parameters.curve.coordinateLength
        let hashLength = parameters.hash.digestLength
        let minimum = 1 + 2 * length + hashLength
        guard bytes.count >= minimum else {
            throw .decryptionFailed("ciphertext of \(bytes.count) octets; at least \(minimum) expected (0x04 || x || y || V)")
        }
        guard bytes[0] == 0x04 else {
            throw .decryptionFailed("U must start with 0x04 (uncompressed point), found 0x\(String(bytes[0], radix: 16))")
        }
        // Length and prefix are checked above, so the split cannot fail.
        guard let point = parameters.curve.point(uncompressed: Array(bytes[..<(1 + 2 * length)])) else {
            throw .decryptionFailed("U is not 0x04 || x || y with \(length)-octet coordinates")
        }
        u = point
        v = Array(bytes[(1 + 2 * length)..<minimum])
        w = Array(bytes[minimum...])
    }
}
