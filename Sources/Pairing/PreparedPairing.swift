/// A first pairing argument A whose Miller lines are computed once, for a point
/// that is paired again and again: a user's private key S_id (every decryption is
/// e'(S_id, U), by symmetry) and a KMS public key P_pub (e'(P_pub, Q_id) for every
/// new recipient).
///
/// The Miller loop's point arithmetic depends on A alone; only the line values
/// depend on the second point. Each line is stored as three coefficients, so that
/// its value at Q' = (x', i·y') is (c0 + c1·x') + (c2·y')·i, and a pairing then
/// costs two multiplications per line instead of a doubling and a line.
public final class PreparedPairingArgument: @unchecked Sendable {
    // Immutable after init (the limbs are written only there), hence @unchecked Sendable.
    public let curve: TypeOneCurve
    public let point: CurvePoint
    /// Per line: whether f is squared before it is multiplied in.
    let squaresFirst: [Bool]
    /// 3 elements per line (c0, c1, c2), in Montgomery form for p.
    let coefficients: LimbScratch

    /// Runs the Miller loop's point arithmetic for `point` (of order q) and records its lines.
    public init(curve: TypeOneCurve, point: CurvePoint) {
        self.curve = curve
        self.point = point
        let recorder = LineRecorder(curve: curve)
        (squaresFirst, coefficients) = point.isInfinity ? ([], LimbScratch(count: 0, limbs: 1)) : recorder.record(point)
    }
}

extension TypeOneCurve {
    /// e'(A, B) with A prepared: the same value as `pairing(A, B)`.
    public func pairing(_ prepared: PreparedPairingArgument, _ b: CurvePoint) -> Fp2Element {
        precondition(prepared.curve == self, "prepared argument belongs to another curve")
        if prepared.point.isInfinity || b.isInfinity { return .one }
        return MillerWorkspace(curve: self).pairing(prepared, b)
    }
}

/// Records the lines of the Miller loop for a fixed first argument by evaluating
/// each line at two fixed points: at (x', y') = (0, 1) it is c0 + c2·i, and at
/// (1, 1) it is (c0 + c1) + c2·i.
private final class LineRecorder {
    let curve: TypeOneCurve
    let field: MontgomeryField
    let arithmetic: JacobianArithmetic
    let scratch: LimbScratch

    init(curve: TypeOneCurve) {
        self.curve = curve
        field = MontgomeryField(modulus: curve.p)
        arithmetic = JacobianArithmetic(field: field, form: curve.form)
        scratch = LimbScratch(count: 14, limbs: field.limbCount)
    }

    func record(_ a: CurvePoint) -> ([Bool], LimbScratch) {
        let point = JacobianPoint(x: scratch[0], y: scratch[1], z: scratch[2])
        let saved = JacobianPoint(x: scratch[3], y: scratch[4], z: scratch[5])
        let (aX, aY, negatedAY) = (scratch[6], scratch[7], scratch[8])
        let atZero = LineEvaluationPoint(x: scratch[9], y: field.one)
        let atOne = LineEvaluationPoint(x: field.one, y: field.one)
        var first = LineValue(real: scratch[10], imaginary: scratch[11])
        var second = LineValue(real: scratch[12], imaginary: scratch[13])
        field.setZero(atZero.x)
        arithmetic.startMillerLoop(at: a, x: aX, y: aY, negatedY: negatedAY, point: point)

        let digits = curve.millerDigits
        let capacity = 2 * max(digits.count, 1)
        let coefficients = LimbScratch(count: 3 * capacity, limbs: field.limbCount)
        var squaresFirst = [Bool]()
        func store(squaring: Bool) {
            let index = squaresFirst.count
            field.copy(coefficients[3 * index], first.real)
            field.subtract(coefficients[3 * index + 1], second.real, first.real)
            field.copy(coefficients[3 * index + 2], first.imaginary)
            squaresFirst.append(squaring)
        }
        func save() { field.copy(saved.x, point.x); field.copy(saved.y, point.y); field.copy(saved.z, point.z) }
        func restore() { field.copy(point.x, saved.x); field.copy(point.y, saved.y); field.copy(point.z, saved.z) }

        for index in stride(from: digits.count - 2, through: 0, by: -1) {
            save()
            arithmetic.double(point, line: first, at: atZero)
            restore()
            arithmetic.double(point, line: second, at: atOne)
            store(squaring: true)
            let digit = digits[index]
            guard digit != 0 else { continue }
            let y = digit > 0 ? aY : negatedAY
            save()
            arithmetic.addAffine(point, x2: aX, y2: y, line: &first, at: atZero)
            restore()
            arithmetic.addAffine(point, x2: aX, y2: y, line: &second, at: atOne)
            if !first.isInBaseField { store(squaring: false) }
        }
        return (squaresFirst, coefficients)
    }
}
