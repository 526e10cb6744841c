/// A point (X : Y : Z) in Jacobian coordinates, x = X/Z^2, y = Y/Z^3, held in three
/// field elements (Montgomery form). Z = 0 is the point at infinity. Doubling and
/// adding need no inversion, which is why the hot loops use this form (RFC 5091 §3.3).
struct JacobianPoint {
    let x: Limbs
    let y: Limbs
    let z: Limbs
}

/// The value of a Miller line function at the distorted point Q' = (x', i·y'),
/// scaled by a non-zero element of F_p, which the final exponentiation removes.
/// `isInBaseField` marks a vertical line, whose value lies in F_p and is skipped.
struct LineValue {
    let real: Limbs
    let imaginary: Limbs
    var isInBaseField = false
}

/// The point Q' = (x', i·y') at which Miller lines are evaluated.
struct LineEvaluationPoint {
    let x: Limbs
    let y: Limbs
}

/// Jacobian doubling and mixed addition on y^2 = x^3 + a·x + b with a = 0 (RFC 5091's
/// y^2 = x^3 + 1) or a = -3 (RFC 6508's y^2 = x^3 - 3x), in place, with the option of
/// evaluating the tangent or chord line at Q' in the same pass (the Miller loop needs
/// both the new point and the line through the old ones). Only doubling depends on a.
final class JacobianArithmetic {
    let field: MontgomeryField
    let form: TypeOneCurve.Form
    private let scratch: LimbScratch
    private let a, b, c, e, d, t0, t1, t2: Limbs

    init(field: MontgomeryField, form: TypeOneCurve.Form) {
        self.field = field
        self.form = form
        scratch = LimbScratch(count: 8, limbs: field.limbCount)
        (a, b, c, e, d) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
        (t0, t1, t2) = (scratch[5], scratch[6], scratch[7])
    }

    func isInfinity(_ point: JacobianPoint) -> Bool { field.isZero(point.z) }

    /// The start of a Miller loop f_{q,A}: `x`, `y` and `negatedY` hold A's coordinates
    /// and -y (a NAF digit -1 adds -A = (x, -y) through ``addAffine``), and `point`, the
    /// running T, is A with Z = 1. The evaluating and the recording loop both start so.
    func startMillerLoop(at a: CurvePoint, x: Limbs, y: Limbs, negatedY: Limbs, point: JacobianPoint) {
        field.set(x, to: a.x)
        field.set(y, to: a.y)
        field.negate(negatedY, y)
        field.copy(point.x, x)
        field.copy(point.y, y)
        field.setOne(point.z)
    }

    /// T = 2T. With `line`, also writes the tangent at the old T evaluated at Q', scaled
    /// by 2·Y·Z^3, with E = 3X^2 + a·Z^4 the slope's numerator:
    ///   real = E·(X - Z^2·x') - 2Y^2,  imaginary = 2YZ·Z^2·y'.
    func double(_ point: JacobianPoint, line: LineValue? = nil, at q: LineEvaluationPoint? = nil) {
        if isInfinity(point) || field.isZero(point.y) {
            field.setZero(point.z)
            return
        }
        switch form {
        case .rfc5091: doubleWithAZero(point, line: line, at: q)
        case .rfc6508: doubleWithAMinusThree(point, line: line, at: q)
        }
    }

    /// dbl-2009-l for a = 0: 2M + 5S, E = 3X^2.
    private func doubleWithAZero(_ point: JacobianPoint, line: LineValue?, at q: LineEvaluationPoint?) {
        field.square(a, point.x)                 // A = X^2
        field.square(b, point.y)                 // B = Y^2
        field.square(c, b)                       // C = B^2
        field.double(e, a)
        field.add(e, e, a)                       // E = 3A (the tangent slope numerator)
        field.multiply(t2, point.y, point.z)
        field.double(t2, t2)                     // Z3 = 2YZ
        if let line, let q {
            field.square(t0, point.z)            // Z^2
            writeTangent(line, at: q, x: point.x, zSquared: t0, twoYZ: t2, slopeNumerator: e, ySquared: b)
        }
        field.add(d, point.x, b)
        field.square(d, d)
        field.subtract(d, d, a)
        field.subtract(d, d, c)
        field.double(d, d)                       // D = 2((X + B)^2 - A - C)
        field.square(t0, e)
        field.subtract(t0, t0, d)
        field.subtract(point.x, t0, d)           // X3 = E^2 - 2D
        field.subtract(t0, d, point.x)
        field.multiply(t0, t0, e)
        field.double(c, c)
        field.double(c, c)
        field.double(c, c)
        field.subtract(point.y, t0, c)           // Y3 = E(D - X3) - 8C
        field.copy(point.z, t2)
    }

    /// dbl-2001-b for a = -3: 3M + 5S, E = 3(X - Z^2)(X + Z^2) = 3X^2 - 3Z^4.
    private func doubleWithAMinusThree(_ point: JacobianPoint, line: LineValue?, at q: LineEvaluationPoint?) {
        field.square(a, point.z)                 // delta = Z^2
        field.square(b, point.y)                 // gamma = Y^2
        field.multiply(c, point.x, b)            // beta = X·gamma
        field.subtract(t0, point.x, a)
        field.add(t1, point.x, a)
        field.multiply(e, t0, t1)
        field.double(t0, e)
        field.add(e, e, t0)                      // E = 3(X - delta)(X + delta)
        field.add(t2, point.y, point.z)
        field.square(t2, t2)
        field.subtract(t2, t2, b)
        field.subtract(t2, t2, a)                // Z3 = (Y + Z)^2 - gamma - delta = 2YZ
        if let line, let q {
            writeTangent(line, at: q, x: point.x, zSquared: a, twoYZ: t2, slopeNumerator: e, ySquared: b)
        }
        field.double(c, c)
        field.double(c, c)                       // 4·beta
        field.square(t0, e)
        field.subtract(t0, t0, c)
        field.subtract(point.x, t0, c)           // X3 = E^2 - 8·beta
        field.subtract(t0, c, point.x)
        field.multiply(t0, t0, e)
        field.square(b, b)
        field.double(b, b)
        field.double(b, b)
        field.double(b, b)                       // 8·gamma^2
        field.subtract(point.y, t0, b)           // Y3 = E(4·beta - X3) - 8·gamma^2
        field.copy(point.z, t2)
    }

    /// The tangent at T = (X : Y : Z) evaluated at Q', scaled by 2·Y·Z^3, for either curve
    /// coefficient (E = 3X^2 + a·Z^4): real = E·(X - Z^2·x') - 2Y^2, imaginary = 2YZ·Z^2·y'.
    /// Uses t1 as its only temporary.
    @inline(__always) private func writeTangent(_ line: LineValue, at q: LineEvaluationPoint, x: Limbs, zSquared: Limbs,
                                                twoYZ: Limbs, slopeNumerator: Limbs, ySquared: Limbs) {
        field.multiply(line.imaginary, twoYZ, zSquared)
        field.multiply(line.imaginary, line.imaginary, q.y)
        field.multiply(t1, zSquared, q.x)
        field.subtract(t1, x, t1)                // X - Z^2·x'
        field.multiply(line.real, slopeNumerator, t1)
        field.subtract(line.real, line.real, ySquared)
        field.subtract(line.real, line.real, ySquared)
    }

    /// T = T + (x2, y2) with the second point affine (madd-2004-hmv: 8M + 3S).
    /// With `at`, also writes the chord through T and (x2, y2) at Q', scaled by Z3:
    ///   real = R·x2 - Z3·y2 - R·x',  imaginary = Z3·y',  where R = Z3·slope.
    /// When T = -(x2, y2) the chord is vertical: T becomes O and the line is marked
    /// as lying in F_p. When T = (x2, y2) this is a doubling.
    func addAffine(_ point: JacobianPoint, x2: Limbs, y2: Limbs, line: inout LineValue, at q: LineEvaluationPoint? = nil) {
        line.isInBaseField = false
        if isInfinity(point) {
            field.copy(point.x, x2)
            field.copy(point.y, y2)
            field.setOne(point.z)
            line.isInBaseField = true
            return
        }
        field.square(a, point.z)                 // Z1Z1
        field.multiply(b, x2, a)                 // U2 = x2·Z1Z1
        field.multiply(c, point.z, a)
        field.multiply(c, c, y2)                 // S2 = y2·Z1^3
        field.subtract(b, b, point.x)            // H = U2 - X1
        field.subtract(c, c, point.y)            // R = S2 - Y1
        if field.isZero(b) {
            if field.isZero(c) {
                double(point, line: q == nil ? nil : line, at: q)
            } else {
                field.setZero(point.z)
                line.isInBaseField = true
            }
            return
        }
        field.square(d, b)                       // HH
        field.multiply(e, d, b)                  // HHH
        field.multiply(d, d, point.x)            // V = X1·HH
        field.multiply(point.z, point.z, b)      // Z3 = Z1·H
        field.square(t0, c)
        field.subtract(t0, t0, e)
        field.subtract(t0, t0, d)
        field.subtract(t0, t0, d)                // X3 = R^2 - HHH - 2V
        field.subtract(d, d, t0)
        field.multiply(d, d, c)
        field.multiply(e, e, point.y)
        field.subtract(point.y, d, e)            // Y3 = R(V - X3) - Y1·HHH
        field.copy(point.x, t0)
        if let q {
            field.multiply(line.imaginary, point.z, q.y)
            field.multiply(t1, c, x2)
            field.multiply(t2, point.z, y2)
            field.subtract(line.real, t1, t2)
            field.multiply(t1, c, q.x)
            field.subtract(line.real, line.real, t1)
        }
    }

    /// Converts to affine coordinates (one inversion).
    func affine(_ point: JacobianPoint) -> CurvePoint {
        if isInfinity(point) { return .infinity }
        field.invert(t0, point.z)
        field.square(t1, t0)
        field.multiply(t2, point.x, t1)
        let x = field.value(of: t2)
        field.multiply(t1, t1, t0)
        field.multiply(t2, point.y, t1)
        return CurvePoint(x: x, y: field.value(of: t2))
    }
}
