/// A supersingular curve over F_p with a type-1 (symmetric) pairing, and the subgroup of
/// prime order q | p + 1 in which the identity-based schemes work: RFC 5091's
/// y^2 = x^3 + 1 (docs/IBE-NOTES.md §2) or RFC 6508's y^2 = x^3 - 3x (``Form``).
///
/// A value holds p, q and the constants derived from them once: the distortion
/// constant, the cofactor, and the signed-digit forms of q and of the final
/// exponent, so each pairing starts with no set-up cost.
public struct TypeOneCurve: Sendable, Equatable {
    public let p: BigInt
    public let q: BigInt
    /// Which curve equation and distortion map (RFC 5091 or RFC 6508).
    public let form: Form
    /// (p + 1) / q, the cofactor of the order-q subgroup (12·r for RFC 5091 curves).
    public let cofactor: BigInt
    /// The factor the distortion map applies to x: the primitive cube root of unity ζ of
    /// RFC 5091's φ(x, y) = (ζx, y), or -1 for RFC 6508's ψ(x, y) = (-x, i·y).
    public let zeta: Fp2Element
    public let field: QuadraticField

    /// (2p - 1) / 3: cubing is a bijection on F_p (p ≡ 2 mod 3) and this is its inverse
    /// (RFC 5091 form only; zero for the other).
    let cubeRootExponent: BigInt
    /// q in NAF, least significant digit first: the Miller loop's schedule.
    let millerDigits: [Int8]
    /// The hard part of the final exponentiation in width-5 NAF: (p + 1) / (2q) for the
    /// RFC 5091 form (see `pairing`), (p + 1) / q for the RFC 6508 form.
    let finalExponentDigits: [Int8]

    /// Accepts p and q after the checks that are cheap: p ≡ 11 (mod 12) for the RFC 5091
    /// form, p ≡ 3 (mod 4) for the RFC 6508 form, q odd and greater than 3, q | p + 1.
    /// Primality is checked by `validatePrimality()`, which costs more (tens of
    /// milliseconds at 3840 bits).
    public init(p: BigInt, q: BigInt, form: Form = .rfc5091) throws(CurveError) {
        let (modulus, residue): (UInt, UInt) = form == .rfc5091 ? (12, 11) : (4, 3)
        guard p > BigInt(11), p.remainder(dividingBy: modulus) == residue else {
            throw .invalidParameters("p must be greater than 11 and p ≡ \(residue) (mod \(modulus)) for \(form.equation); "
                                     + "p mod \(modulus) = \(p.isNegative ? "negative" : String(p.remainder(dividingBy: modulus)))")
        }
        guard q > BigInt(3), q.isOdd else {
            throw .invalidParameters("q must be an odd prime greater than 3")
        }
        let pPlusOne = p + .one
        guard pPlusOne.modulo(q).isZero else {
            throw .invalidParameters("q must divide p + 1")
        }
        self.p = p
        self.q = q
        self.form = form
        cofactor = pPlusOne.dividedExactly(by: q)
        field = QuadraticField(p: p)
        millerDigits = windowedNAF(q, width: 2)
        switch form {
        case .rfc5091:
            cubeRootExponent = (p + p - .one).dividedExactly(by: BigInt(3))
            // ζ = (p-1)/2 · (1 + 3^((p+1)/4)·i). RFC 5091 §4.5.2 step 1b prints the imaginary
            // part as 3^((p+1)/4) alone, which is not a cube root of unity (docs/IBE-NOTES.md N1).
            let half = (p - .one).dividedExactly(by: BigInt(2))
            let squareRootOfThree = BigInt(3).power(pPlusOne.dividedExactly(by: BigInt(4)), modulo: p)
            zeta = Fp2Element(real: half, imaginary: (half * squareRootOfThree).modulo(p))
            finalExponentDigits = windowedNAF(cofactor.shiftedRight(by: 1), width: UnitaryPower.window)
        case .rfc6508:
            cubeRootExponent = .zero
            zeta = Fp2Element(real: p - .one, imaginary: .zero)
            finalExponentDigits = windowedNAF(cofactor, width: UnitaryPower.window)
        }
    }

    /// Checks that p and q are prime (Baillie-PSW plus Miller-Rabin, via GMP).
    public func validatePrimality() throws(CurveError) {
        guard p.isProbablePrime() else { throw .invalidParameters("p is not prime") }
        guard q.isProbablePrime() else { throw .invalidParameters("q is not prime") }
    }

    public static func == (lhs: TypeOneCurve, rhs: TypeOneCurve) -> Bool {
        lhs.p == rhs.p && lhs.q == rhs.q && lhs.form == rhs.form
    }

    /// Octets of p: the fixed length of every encoded coordinate (RFC 5091 "l").
    public var coordinateLength: Int { p.byteWidth }

    /// `0x04 || x || y`, each coordinate left-padded to ``coordinateLength`` octets
    /// (SEC 1 §2.3.3). Invariant: a point of this curve has coordinates below p, which fit.
    public func uncompressedOctets(_ point: CurvePoint) -> [UInt8] {
        [0x04] + (point.x.bytes(count: coordinateLength) ?? []) + (point.y.bytes(count: coordinateLength) ?? [])
    }

    /// The point of `0x04 || x || y` with ``coordinateLength``-octet coordinates, not yet
    /// checked to be on the curve; nil for any other length or prefix.
    public func point(uncompressed octets: [UInt8]) -> CurvePoint? {
        let length = coordinateLength
        guard octets.count == 1 + 2 * length, octets.first == 0x04 else { return nil }
        let start = octets.startIndex
        return CurvePoint(x: BigInt(bytes: Array(octets[(start + 1)...(start + length)])),
                          y: BigInt(bytes: Array(octets[(start + 1 + length)...])))
    }

    /// Whether `point` is O or satisfies the curve equation with coordinates in [0, p).
    public func contains(_ point: CurvePoint) -> Bool {
        (try? validateOnCurve(point)) != nil
    }

    /// Throws unless `point` is O or a point of E(F_p) with reduced coordinates.
    public func validateOnCurve(_ point: CurvePoint) throws(CurveError) {
        if point.isInfinity { return }
        guard !point.x.isNegative, !point.y.isNegative, point.x < p, point.y < p else {
            throw .coordinateOutOfRange(point)
        }
        let left = (point.y * point.y).modulo(p)
        guard left == form.rightHandSide(point.x, p: p) else { throw .notOnCurve(point, equation: form.equation) }
    }

    /// Throws unless `point` is a finite point of E(F_p) of order q: what every
    /// pairing input and every received ciphertext point must be (PROFILE D2).
    public func validateSubgroupPoint(_ point: CurvePoint) throws(CurveError) {
        guard !point.isInfinity else { throw .pointAtInfinity }
        try validateOnCurve(point)
        guard multiply(point, by: q).isInfinity else { throw .notInSubgroup(point) }
    }

    /// The unique point with this y: x = (y^2 - 1)^((2p-1)/3), the cube root that
    /// exists because p ≡ 2 (mod 3) (RFC 5091 §4.4.1 step 2). RFC 5091 form only.
    public func point(withY y: BigInt) -> CurvePoint {
        precondition(form == .rfc5091, "point(withY:) solves y^2 = x^3 + 1; this curve is \(form.equation)")
        let reducedY = y.modulo(p)
        let x = (reducedY * reducedY - .one).modulo(p).power(cubeRootExponent, modulo: p)
        return CurvePoint(x: x, y: reducedY)
    }
}
