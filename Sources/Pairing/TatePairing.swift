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
    ///
    /// On the RFC 6508 form the value is e(A, ψ(B)) with ψ(x, y) = (-x, i·y): the reduced
    /// Tate-Lichtenbaum pairing of RFC 6508 §3.2, as the element of norm 1 in F_p^2.
    /// ψ(B) already has the form (x', i·y'), so step 1 is not needed and the value is
    /// g^((p+1)/q) with g = conj(f)/f, no sign. RFC 6508 writes the value as the class of
    /// f^((p+1)/q) in PF_p, whose (p-1)th power this is; the SAKKE code converts.
    public func pairing(_ a: CurvePoint, _ b: CurvePoint) -> Fp2Element {
        if a.isInfinity || b.isInfinity { return .one }
        return MillerWorkspace(curve: self).pairing(a, b)
    }

    /// e'(A, B) / e'(C, D) = e'(A, B) · e'(-C, D) (RFC 5091 §4.5.3, used by BB1 decryption).
    public func pairingRatio(_ a: CurvePoint, _ b: CurvePoint, _ c: CurvePoint, _ d: CurvePoint) -> Fp2Element {
        field.multiply(pairing(a, b), pairing(negate(c), d))
    }
}

/// The field elements of one pairing computation.
final class MillerWorkspace {
    private let curve: TypeOneCurve
    private let field: MontgomeryField
    private let arithmetic: JacobianArithmetic
    private let scratch: LimbScratch
    private let f0, f1, t0, t1, t2, aX, aY, negatedAY, zetaReal, zetaImaginary: Limbs
    private let q: LineEvaluationPoint
    private let accumulator: JacobianPoint
    private var line: LineValue

    init(curve: TypeOneCurve) {
        self.curve = curve
        field = MontgomeryField(modulus: curve.p)
        arithmetic = JacobianArithmetic(field: field, form: curve.form)
        scratch = LimbScratch(count: 17, limbs: field.limbCount)
        (f0, f1, t0, t1, t2) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
        (aX, aY, negatedAY, zetaReal, zetaImaginary) = (scratch[5], scratch[6], scratch[7], scratch[8], scratch[9])
        q = LineEvaluationPoint(x: scratch[10], y: scratch[11])
        accumulator = JacobianPoint(x: scratch[12], y: scratch[13], z: scratch[14])
        line = LineValue(real: scratch[15], imaginary: scratch[16])
        field.set(zetaReal, to: curve.zeta.real)
        field.set(zetaImaginary, to: curve.zeta.imaginary)
    }

    func pairing(_ a: CurvePoint, _ b: CurvePoint) -> Fp2Element {
        distortAndProject(b)
        millerLoop(a)
        return finalExponentiation()
    }

    func pairing(_ prepared: PreparedPairingArgument, _ b: CurvePoint) -> Fp2Element {
        distortAndProject(b)
        field.setOne(f0)
        field.setZero(f1)
        let lines = prepared.coefficients
        for (index, squaring) in prepared.squaresFirst.enumerated() {
            if squaring { squareF() }
            // line = (c0 + c1·x') + (c2·y')·i
            field.multiply(line.real, lines[3 * index + 1], q.x)
            field.add(line.real, line.real, lines[3 * index])
            field.multiply(line.imaginary, lines[3 * index + 2], q.y)
            multiplyFByLine()
        }
        return finalExponentiation()
    }

    /// The point (x', i·y') the Miller lines are evaluated at. RFC 6508 form: ψ(B) =
    /// (-x, i·y) itself. RFC 5091 form: Q' = φ(B) - π(φ(B)); with φ(B) = (ζx, y) and
    /// ζ = α + βi, the chord slope is λ = -i·y/(βx), x' = λ² + x = x - y²/(βx)², and
    /// y' = y·(x' - αx)/(βx).
    private func distortAndProject(_ b: CurvePoint) {
        if curve.form == .rfc6508 {
            field.set(q.x, to: b.x)
            field.negate(q.x, q.x)
            field.set(q.y, to: b.y)
            return
        }
        let (x, y) = (t2, q.y)
        field.set(x, to: b.x)
        field.set(y, to: b.y)
        field.multiply(t0, zetaImaginary, x)
        field.invert(t0, t0)                     // 1/(βx)
        field.multiply(t1, y, t0)                // y/(βx)
        field.square(q.x, t1)
        field.subtract(q.x, x, q.x)              // x' = x - (y/(βx))²
        field.multiply(t0, zetaReal, x)
        field.subtract(t0, q.x, t0)              // x' - αx
        field.multiply(q.y, t0, t1)              // y' = (x' - αx)·y/(βx)
    }

    /// f = f_{q,A}(Q') up to factors in F_p, walking q's NAF from the top digit down.
    private func millerLoop(_ a: CurvePoint) {
        arithmetic.startMillerLoop(at: a, x: aX, y: aY, negatedY: negatedAY, point: accumulator)
        field.setOne(f0)
        field.setZero(f1)
        let digits = curve.millerDigits
        for index in stride(from: digits.count - 2, through: 0, by: -1) {
            arithmetic.double(accumulator, line: line, at: q)
            squareF()
            multiplyFByLine()
            let digit = digits[index]
            guard digit != 0 else { continue }
            // A digit -1 adds -A: f_{i-1} = f_i · l_{T,-A} / (v_{T-A} · v_A), and both
            // verticals lie in F_p at Q', so only the chord remains.
            arithmetic.addAffine(accumulator, x2: aX, y2: digit > 0 ? aY : negatedAY, line: &line, at: q)
            if !line.isInBaseField { multiplyFByLine() }
        }
    }

    /// f = f², (a + bi)² = (a + b)(a - b) + 2ab·i.
    private func squareF() {
        field.add(t0, f0, f1)
        field.subtract(t1, f0, f1)
        field.multiply(f1, f0, f1)
        field.double(f1, f1)
        field.multiply(f0, t0, t1)
    }

    /// f = f · line, Karatsuba: three products.
    private func multiplyFByLine() {
        field.multiply(t0, f0, line.real)
        field.multiply(t1, f1, line.imaginary)
        field.add(t2, f0, f1)
        field.add(f1, line.real, line.imaginary)
        field.multiply(f1, f1, t2)
        field.subtract(f1, f1, t0)
        field.subtract(f1, f1, t1)
        field.subtract(f0, t0, t1)
    }

    /// ±(conj(f)/f)^((p+1)/(2q)), the sign being the Legendre symbol of N(f) (RFC 5091
    /// form, see `pairing`); (conj(f)/f)^((p+1)/q) for the RFC 6508 form.
    private func finalExponentiation() -> Fp2Element {
        field.square(t0, f0)
        field.square(t1, f1)
        field.add(t2, t0, t1)                    // N(f) = f0² + f1²
        let character = curve.form == .rfc5091 ? field.value(of: t2).jacobiSymbol(modulo: curve.p) : 1
        field.invert(t2, t2)
        // conj(f)/f = conj(f)²/N(f) = ((f0² - f1²) - 2·f0·f1·i)/N(f)
        field.subtract(t0, t0, t1)
        field.multiply(t0, t0, t2)
        field.multiply(t1, f0, f1)
        field.double(t1, t1)
        field.negate(t1, t1)
        field.multiply(t1, t1, t2)
        UnitaryPower(field: field).power(t0, t1, digits: curve.finalExponentDigits, into: f0, f1)
        if character < 0 {
            field.negate(f0, f0)
            field.negate(f1, f1)
        }
        return Fp2Element(real: field.value(of: f0), imaginary: field.value(of: f1))
    }
}
