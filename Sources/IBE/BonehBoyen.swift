import Pairing
import Primitives

/// BB1 public parameters (RFC 5091 §6.1): P, P_1 = [α]P, P_2 = [β]P, P_3 = [γ]P,
/// v = e'(P_1, P_2) and the hash function. BB1 is implemented beside BF and
/// selectable (PROFILE D1).
public struct BB1PublicParameters: Sendable, Equatable {
    public let curve: TypeOneCurve
    public let generator: CurvePoint
    public let p1: CurvePoint
    public let p2: CurvePoint
    public let p3: CurvePoint
    public let v: Fp2Element
    public let hash: HashFunction

    public init(curve: TypeOneCurve, generator: CurvePoint, p1: CurvePoint, p2: CurvePoint, p3: CurvePoint,
                v: Fp2Element, hash: HashFunction) {
        self.curve = curve
        self.generator = generator
        self.p1 = p1
        self.p2 = p2
        self.p3 = p3
        self.v = v
        self.hash = hash
    }

    /// BBderivePubl (RFC 5091 Algorithm 6.2.1): h_id = HashToRange(id, q).
    public func publicKey(for identity: [UInt8]) -> BigInt {
        RFC5091.hashToRange(identity, curve.q, hash)
    }

    /// BBencrypt (RFC 5091 Algorithm 6.4.1) with a fresh random s in [1, q-1].
    public func encrypt(_ message: [UInt8], for identity: [UInt8], using random: RandomSource) -> BB1Ciphertext {
        encrypt(message, for: identity, s: random.integer(in: BigInt.one..<curve.q))
    }

    /// BBencrypt with a caller-chosen s; exposed for known-answer tests only.
    public func encrypt(_ message: [UInt8], for identity: [UInt8], s: BigInt) -> BB1Ciphertext {
        let w = curve.field.power(v, s)                                               // step 2
        let c0 = curve.multiply(generator, by: s)                                     // step 3
        let c1 = curve.add(curve.multiply(p1, by: (s * publicKey(for: identity)).modulo(curve.q)),
                           curve.multiply(p3, by: s))
        let psi = RFC5091.canonical(w, p: curve.p, order: .imaginaryFirst)            // step 4
        let y = xor(RFC5091.hashBytes(message.count, messageMask(psi), hash), message) // steps 5-6
        let rho = integrityHash(c0: c0, c1: c1, y: y, psi: psi)                       // steps 7-8
        return BB1Ciphertext(u: (s + rho).modulo(curve.q), c0: c0, c1: c1, y: y)      // step 9
    }

    /// BBdecrypt (RFC 5091 Algorithm 6.5.1). C_0 and C_1 are checked to be points of
    /// order q before any pairing; the plaintext is released only if both w = v^s
    /// and C_0 = [s]P hold.
    public func decrypt(_ ciphertext: BB1Ciphertext, with privateKey: BB1PrivateKey) throws(IBEError) -> [UInt8] {
        for (name, point) in [("C_0", ciphertext.c0), ("C_1", ciphertext.c1)] {
            do {
                try curve.validateSubgroupPoint(point)
            } catch {
                throw .decryptionFailed("\(name) is not a point of order q: \(error)")
            }
        }
        let w = curve.pairingRatio(ciphertext.c0, privateKey.d0, ciphertext.c1, privateKey.d1)
        let psi = RFC5091.canonical(w, p: curve.p, order: .imaginaryFirst)
        let message = xor(RFC5091.hashBytes(ciphertext.y.count, messageMask(psi), hash), ciphertext.y)
        let rho = integrityHash(c0: ciphertext.c0, c1: ciphertext.c1, y: ciphertext.y, psi: psi)
        let s = (ciphertext.u - rho).modulo(curve.q)
        guard curve.field.power(v, s) == w, curve.multiply(generator, by: s) == ciphertext.c0 else {
            throw .decryptionFailed("integrity check failed (w != v^s or C_0 != [s]P): the ciphertext was modified or is for another key")
        }
        return message
    }

    /// h' = xi || zeta with zeta = H(psi), xi = H(zeta || psi): the HashBytes seed.
    private func messageMask(_ psi: [UInt8]) -> [UInt8] {
        let zeta = hash.digest(psi)
        return hash.digest(zeta, psi) + zeta
    }

    /// rho = HashToRange(mu || eta, q) with sigma = y1 || x1 || y0 || x0 || y || psi
    /// (C_1 before C_0, y before x; docs/IBE-NOTES.md N10), eta = H(sigma), mu = H(eta || sigma).
    private func integrityHash(c0: CurvePoint, c1: CurvePoint, y: [UInt8], psi: [UInt8]) -> BigInt {
        let length = curve.coordinateLength
        let coordinates = [c1.y, c1.x, c0.y, c0.x].flatMap { $0.bytes(count: length) ?? [] }
        let sigma = coordinates + y + psi
        let eta = hash.digest(sigma)
        return RFC5091.hashToRange(hash.digest(eta, sigma) + eta, curve.q, hash)
    }
}

/// A BB1 ciphertext (u, C_0, C_1, y) (RFC 5091 §6.4).
public struct BB1Ciphertext: Sendable, Equatable {
    public let u: BigInt
    public let c0: CurvePoint
    public let c1: CurvePoint
    public let y: [UInt8]

    public init(u: BigInt, c0: CurvePoint, c1: CurvePoint, y: [UInt8]) {
        self.u = u
        self.c0 = c0
        self.c1 = c1
        self.y = y
    }
}

/// A BB1 private key (D_0, D_1) (RFC 5091 §6.3).
public struct BB1PrivateKey: Sendable, Equatable {
    public let d0: CurvePoint
    public let d1: CurvePoint
    public init(d0: CurvePoint, d1: CurvePoint) {
        self.d0 = d0
        self.d1 = d1
    }
}

/// The BB1 master secret (α, β, γ), each in [1, q-1] (RFC 5091 §6.1).
public struct BB1MasterSecret: Sendable {
    public let alpha: BigInt
    public let beta: BigInt
    public let gamma: BigInt

    public init(alpha: BigInt, beta: BigInt, gamma: BigInt) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
    }

    /// The public parameters for this secret over `curve` with generator P.
    public func publicParameters(curve: TypeOneCurve, generator: CurvePoint, hash: HashFunction) -> BB1PublicParameters {
        let p1 = curve.multiply(generator, by: alpha)
        let p2 = curve.multiply(generator, by: beta)
        return BB1PublicParameters(curve: curve, generator: generator, p1: p1, p2: p2,
                                   p3: curve.multiply(generator, by: gamma), v: curve.pairing(p1, p2), hash: hash)
    }

    /// BBextractPriv (RFC 5091 Algorithm 6.3.1) with a fresh random r in [1, q-1].
    public func extractPrivateKey(for identity: [UInt8], parameters: BB1PublicParameters,
                                  using random: RandomSource) -> BB1PrivateKey {
        extractPrivateKey(for: identity, parameters: parameters, r: random.integer(in: BigInt.one..<parameters.curve.q))
    }

    /// BBextractPriv with a caller-chosen r; exposed for known-answer tests only.
    /// y = αβ + r(α·h_id + γ) mod q; D_0 = [y]P; D_1 = [r]P.
    public func extractPrivateKey(for identity: [UInt8], parameters: BB1PublicParameters, r: BigInt) -> BB1PrivateKey {
        let curve = parameters.curve
        let y = (alpha * beta + r * (alpha * parameters.publicKey(for: identity) + gamma)).modulo(curve.q)
        return BB1PrivateKey(d0: curve.multiply(parameters.generator, by: y), d1: curve.multiply(parameters.generator, by: r))
    }
}
