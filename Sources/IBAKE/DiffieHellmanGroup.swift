import IBE
import Pairing
import Primitives

/// The group in which the ephemeral a, b and the values aP, bP, abP live (PROFILE D5).
/// Values travel as uncompressed SEC1 octet strings (0x04 || x || y), which is also
/// the K_SESSION encoding (PROFILE D6).
public enum DiffieHellmanGroup: Sendable, Equatable {
    /// A NIST curve through OpenSSL (ECC curves 8, 11, 14 of RFC 6267 §6.1.4).
    case nist(NISTCurve)
    /// The toy parameter set's own order-q subgroup of its type-1 curve, so every
    /// number fits on screen (PROFILE D4). INSECURE; a private-use curve number.
    case toy(TypeOneCurve, generator: CurvePoint)

    /// The group a parameter set pairs with (PROFILE D4).
    public init(parameterSet: ParameterSet) {
        if let curve = parameterSet.ecdhCurve {
            self = .nist(curve)
        } else {
            self = .toy(parameterSet.curve, generator: parameterSet.generator)
        }
    }

    public var name: String {
        switch self {
        case .nist(let curve): curve.displayName
        case .toy: "toy type-1 group (INSECURE)"
        }
    }

    /// Octets per coordinate in the SEC1 encoding.
    public var coordinateLength: Int {
        switch self {
        case .nist(let curve): curve.coordinateLength
        case .toy(let curve, _): curve.coordinateLength
        }
    }

    /// A fresh secret exponent (a or b), uniform in [1, n-1], big-endian.
    public func randomSecret(using random: RandomSource) -> [UInt8] {
        switch self {
        case .nist(let curve):
            return curve.randomScalar(using: random)
        case .toy(let curve, _):
            let q = curve.q
            while true {
                let candidate = BigInt(bytes: random.bytes(q.byteWidth))
                if !candidate.isZero, candidate < q { return candidate.bytes(count: q.byteWidth) ?? candidate.bytes }
            }
        }
    }

    /// [secret]P as uncompressed SEC1 octets.
    public func publicValue(for secret: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        switch self {
        case .nist(let curve):
            return try multiply(curve.generator, secret)
        case .toy(let curve, let generator):
            return curve.uncompressedOctets(curve.multiply(generator, by: BigInt(bytes: secret)))
        }
    }

    /// [secret]·peer as uncompressed SEC1 octets; the peer's value is checked first.
    public func sharedValue(secret: [UInt8], peer: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        switch self {
        case .nist(let curve):
            return try multiply(try decodeNIST(peer, curve), secret)
        case .toy(let curve, _):
            return curve.uncompressedOctets(curve.multiply(try decodeToy(peer, curve), by: BigInt(bytes: secret)))
        }
    }

    /// Throws unless `value` encodes a valid group element (not infinity, on the curve).
    public func validate(_ value: [UInt8]) throws(IBAKEFailure) {
        switch self {
        case .nist(let curve):
            _ = try decodeNIST(value, curve)
        case .toy(let curve, _):
            _ = try decodeToy(value, curve)
        }
    }

    private func multiply(_ point: ECPoint, _ secret: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        do {
            return try point.multiplied(by: secret).sec1()
        } catch {
            throw IBAKEFailure(.diffieHellmanValue, error.description)
        }
    }

    /// A NIST group value as a checked point (SEC 1 §2.3.4), or a ``IBAKECheck/diffieHellmanValue`` failure.
    func decodeNIST(_ value: [UInt8], _ curve: NISTCurve) throws(IBAKEFailure) -> ECPoint {
        do {
            return try ECPoint(sec1: value, curve: curve)
        } catch {
            throw IBAKEFailure(.diffieHellmanValue, error.description)
        }
    }

    private func decodeToy(_ value: [UInt8], _ curve: TypeOneCurve) throws(IBAKEFailure) -> CurvePoint {
        guard let point = curve.point(uncompressed: value) else {
            throw IBAKEFailure(.diffieHellmanValue,
                               "toy group value: \(1 + 2 * curve.coordinateLength) octets starting 0x04 expected, got \(value.count)")
        }
        do {
            try curve.validateSubgroupPoint(point)
        } catch {
            throw IBAKEFailure(.diffieHellmanValue, "toy group value: \(error)")
        }
        return point
    }
}
