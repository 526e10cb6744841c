import CGMP

extension TypeOneCurve {
    /// The modified Tate pairing e'(A, B) = e(A, φ(B)) of RFC 5091 §4.5, with
    /// φ(x, y) = (ζx, y) and the reduced Tate pairing e(A, R) = f_{q,A}(R)^((p²-1)/q).
    ///
    /// Both points must lie in the order-q subgroup (check untrusted input with
    /// `validateSubgroupPoint` first); the value is then bilinear, symmetric,
    /// non-degenerate and of order q, and e'(O, B) = e'(A, O) = 1.
    ///
    /// How it is computed (the value is the RFC's, byte for byte; only the route differs):
    /// 1. Q = φ(B) is replaced by Q' = Q - π(Q), where π is the p-power Frobenius. Q' has
    ///    the form (x', i·y') with x', y' in F_p, so every vertical line in the Miller loop
    ///    takes a value in F_p and drops out under the final exponentiation.
    ///    Since π(A) = A, e(A, π(Q)) = e(A, Q)^p, hence e(A, Q') = e(A, Q)^(1-p) = e(A, Q)^2.
    /// 2. The Miller loop runs over q in NAF with Jacobian T: no inversion inside.
    /// 3. e(A, Q) = e(A, Q')^((q+1)/2) = f^((p-1)·(p+1)/q·(q+1)/2), and
    ///    (p+1)/q·(q+1)/2 = (p+1)/2 + (p+1)/(2q). With g = f^(p-1) = conj(f)/f,
    ///    g^((p+1)/2) = f^((p²-1)/2) is the quadratic character of f, which equals the
    ///    Legendre symbol of its norm; so e(A, Q) = ±g^((p+1)/(2q)).
    public func pairing(_ a: CurvePoint, _ b: CurvePoint) -> Fp2Element {
        if a.isInfinity || b.isInfinity { return .one }
        return MillerWorkspace(curve: self).pairing(a, b)
    }

    /// e'(A, B) / e'(C, D) = e'(A, B) · e'(-C, D) (RFC 5091 §4.5.3, used by BB1 decryption).
    public func pairingRatio(_ a: CurvePoint, _ b: CurvePoint, _ c: CurvePoint, _ d: CurvePoint) -> Fp2Element {
        field.multiply(pairing(a, b), pairing(negate(c), d))
    }
}

/// The scratch integers of one pairing computation.
final class MillerWorkspace {
    private let curve: TypeOneCurve
    private let field: PrimeFieldArithmetic
    private let arithmetic: JacobianArithmetic
    private let scratch: GMPScratch
    private let xQ, yQ, f0, f1, t0, t1, t2, negatedAY: MPZ
    private let accumulator: JacobianPoint
    private var line: LineValue

    init(curve: TypeOneCurve) {
        self.curve = curve
        let bits = curve.p.bitWidth
        field = PrimeFieldArithmetic(modulus: curve.p)
        arithmetic = JacobianArithmetic(field: field, bits: bits)
        scratch = GMPScratch(count: 13, bits: 2 * bits + 64)
        (xQ, yQ, f0, f1) = (scratch[0], scratch[1], scratch[2], scratch[3])
        (t0, t1, t2, negatedAY) = (scratch[4], scratch[5], scratch[6], scratch[7])
        accumulator = JacobianPoint(x: scratch[8], y: scratch[9], z: scratch[10])
        line = LineValue(real: scratch[11], imaginary: scratch[12])
    }

    func pairing(_ a: CurvePoint, _ b: CurvePoint) -> Fp2Element {
        distortAndProject(b)
        millerLoop(a)
        return finalExponentiation()
    }

    /// Q' = φ(B) - π(φ(B)) = (x', i·y'). With φ(B) = (ζx, y) and ζ = α + βi:
    /// the chord slope is λ = -i·y/(βx), x' = λ² + x = x - y²/(βx)², and
    /// y' = y·(x' - αx)/(βx).
    private func distortAndProject(_ b: CurvePoint) {
        let (x, y) = (b.x.mpz, b.y.mpz)
        field.multiply(t0, curve.zeta.imaginary.mpz, x)
        field.invert(t0, t0)                     // 1/(βx)
        field.multiply(t1, y, t0)                // y/(βx)
        field.square(t2, t1)
        field.subtract(xQ, x, t2)                // x' = x - (y/(βx))²
        field.multiply(t2, curve.zeta.real.mpz, x)
        field.subtract(t2, xQ, t2)               // x' - αx
        field.multiply(yQ, t2, t1)               // y' = (x' - αx)·y/(βx)
    }

    /// f = f_{q,A}(Q') up to factors in F_p, walking q's NAF from the top digit down.
    private func millerLoop(_ a: CurvePoint) {
        __gmpz_set(accumulator.x, a.x.mpz)
        __gmpz_set(accumulator.y, a.y.mpz)
        __gmpz_set_ui(accumulator.z, 1)
        field.negate(negatedAY, a.y.mpz)
        __gmpz_set_ui(f0, 1)
        __gmpz_set_ui(f1, 0)
        let digits = curve.millerDigits
        for index in stride(from: digits.count - 2, through: 0, by: -1) {
            arithmetic.double(accumulator, line: line, lineX: xQ, lineY: yQ)
            squareF()
            multiplyFByLine()
            let digit = digits[index]
            guard digit != 0 else { continue }
            // A digit -1 adds -A: f_{i-1} = f_i · l_{T,-A} / (v_{T-A} · v_A), and both
            // verticals lie in F_p at Q', so only the chord remains.
            arithmetic.addAffine(accumulator, x2: a.x.mpz, y2: digit > 0 ? a.y.mpz : negatedAY,
                                 line: &line, lineX: xQ, lineY: yQ)
            if !line.isInBaseField { multiplyFByLine() }
        }
    }

    /// f = f², (a + bi)² = (a + b)(a - b) + 2ab·i.
    private func squareF() {
        field.add(t0, f0, f1)
        field.subtract(t1, f0, f1)
        __gmpz_mul(f1, f0, f1)
        __gmpz_mul_2exp(f1, f1, 1)
        field.reduce(f1, f1)
        field.multiply(f0, t0, t1)
    }

    /// f = f · line, Karatsuba: three products, two reductions.
    private func multiplyFByLine() {
        __gmpz_mul(t0, f0, line.real)
        __gmpz_mul(t1, f1, line.imaginary)
        field.add(t2, f0, f1)
        field.add(f1, line.real, line.imaginary)
        __gmpz_mul(f1, f1, t2)
        __gmpz_sub(f1, f1, t0)
        __gmpz_sub(f1, f1, t1)
        field.reduce(f1, f1)
        __gmpz_sub(f0, t0, t1)
        field.reduce(f0, f0)
    }

    /// ±(conj(f)/f)^((p+1)/(2q)), the sign being the Legendre symbol of N(f) (see `pairing`).
    private func finalExponentiation() -> Fp2Element {
        field.square(t0, f0)
        field.square(t1, f1)
        field.add(t2, t0, t1)                    // N(f) = f0² + f1²
        let character = __gmpz_jacobi(t2, field.p)
        field.invert(t2, t2)
        // conj(f)/f = conj(f)²/N(f) = ((f0² - f1²) - 2·f0·f1·i)/N(f)
        field.subtract(t0, t0, t1)
        field.multiply(t0, t0, t2)
        field.multiply(t1, f0, f1)
        field.double(t1, t1)
        field.negate(t1, t1)
        field.multiply(t1, t1, t2)
        let power = UnitaryPower(field: field)
        power.power(t0, t1, digits: curve.finalExponentDigits, into: f0, f1)
        if character < 0 {
            field.negate(f0, f0)
            field.negate(f1, f1)
        }
        return Fp2Element(real: BigInt(copying: f0), imaginary: BigInt(copying: f1))
    }
}
