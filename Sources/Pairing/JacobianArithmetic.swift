import CGMP

/// A point (X : Y : Z) in Jacobian coordinates, x = X/Z^2, y = Y/Z^3, held in three
/// scratch integers. Z = 0 is the point at infinity. Doubling and adding need no
/// inversion, which is why the hot loops use this form (RFC 5091 §3.3).
struct JacobianPoint {
    let x: MPZ
    let y: MPZ
    let z: MPZ

    var isInfinity: Bool { Pairing.isZero(z) }
}

/// The value of a Miller line function at the distorted point Q' = (x', i·y'),
/// scaled by a non-zero element of F_p, which the final exponentiation removes.
/// `isInBaseField` marks a vertical line, whose value lies in F_p and is skipped.
struct LineValue {
    let real: MPZ
    let imaginary: MPZ
    var isInBaseField = false
}

/// Jacobian doubling and mixed addition on y^2 = x^3 + 1 (a = 0), in place, with
/// the option of evaluating the tangent or chord line at Q' in the same pass
/// (the Miller loop needs both the new point and the line through the old ones).
final class JacobianArithmetic {
    let field: PrimeFieldArithmetic
    private let scratch: GMPScratch
    private let a, b, c, e, d, t0, t1, t2: MPZ

    init(field: PrimeFieldArithmetic, bits: Int) {
        self.field = field
        scratch = GMPScratch(count: 8, bits: 2 * bits + 64)
        (a, b, c, e, d) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
        (t0, t1, t2) = (scratch[5], scratch[6], scratch[7])
    }

    /// T = 2T (dbl-2009-l for a = 0: 2M + 5S). With `line`, also writes the tangent
    /// at the old T evaluated at Q' = (`lineX`, i·`lineY`), scaled by 2·Y·Z^3:
    ///   real = 3X^2·(X - Z^2·x') - 2Y^2,  imaginary = 2YZ·Z^2·y'.
    /// A division by p costs several times the multiplication it follows, so there is
    /// one per product and none per sum: sums and small multiples come back into
    /// [0, p) by adding or subtracting p, and a product minus a small term is reduced once.
    func double(_ point: JacobianPoint, line: LineValue? = nil, lineX: MPZ? = nil, lineY: MPZ? = nil) {
        if point.isInfinity || Pairing.isZero(point.y) {
            __gmpz_set_ui(point.z, 0)
            return
        }
        field.square(a, point.x)                 // A = X^2
        field.square(b, point.y)                 // B = Y^2
        field.square(c, b)                       // C = B^2
        __gmpz_mul_ui(e, a, 3)
        field.normalize(e)                       // E = 3A
        __gmpz_mul(t2, point.y, point.z)
        __gmpz_mul_2exp(t2, t2, 1)
        field.reduce(t2, t2)                     // Z3 = 2YZ
        if let line, let lineX, let lineY {
            field.square(t0, point.z)            // Z^2
            field.multiply(line.imaginary, t2, t0)
            field.multiply(line.imaginary, line.imaginary, lineY)
            field.multiply(t1, t0, lineX)
            field.subtract(t1, point.x, t1)      // X - Z^2·x'
            __gmpz_mul(line.real, e, t1)
            __gmpz_submul_ui(line.real, b, 2)
            field.reduce(line.real, line.real)
        }
        field.add(d, point.x, b)
        __gmpz_mul(d, d, d)
        __gmpz_sub(d, d, a)
        __gmpz_sub(d, d, c)
        __gmpz_mul_2exp(d, d, 1)
        field.reduce(d, d)                       // D = 2((X + B)^2 - A - C)
        __gmpz_mul(t0, e, e)
        __gmpz_submul_ui(t0, d, 2)
        field.reduce(point.x, t0)                // X3 = E^2 - 2D
        field.subtract(t0, d, point.x)
        __gmpz_mul(t0, t0, e)
        __gmpz_submul_ui(t0, c, 8)
        field.reduce(point.y, t0)                // Y3 = E(D - X3) - 8C
        __gmpz_set(point.z, t2)
    }

    /// T = T + (x2, y2) with the second point affine (madd-2004-hmv: 8M + 3S).
    /// With `line`, also writes the chord through T and (x2, y2) at Q', scaled by Z3:
    ///   real = R·x2 - Z3·y2 - R·x',  imaginary = Z3·y',  where R = Z3·slope.
    /// When T = -(x2, y2) the chord is vertical: T becomes O and the line is marked
    /// as lying in F_p. When T = (x2, y2) this is a doubling.
    func addAffine(_ point: JacobianPoint, x2: MPZ, y2: MPZ,
                   line: inout LineValue, lineX: MPZ? = nil, lineY: MPZ? = nil) {
        line.isInBaseField = false
        if point.isInfinity {
            __gmpz_set(point.x, x2)
            __gmpz_set(point.y, y2)
            __gmpz_set_ui(point.z, 1)
            line.isInBaseField = true
            return
        }
        field.square(a, point.z)                 // Z1Z1
        field.multiply(b, x2, a)                 // U2 = x2·Z1Z1
        field.multiply(c, point.z, a)
        field.multiply(c, c, y2)                 // S2 = y2·Z1^3
        field.subtract(b, b, point.x)            // H = U2 - X1
        field.subtract(c, c, point.y)            // R = S2 - Y1
        if Pairing.isZero(b) {
            if Pairing.isZero(c) {
                double(point, line: lineX == nil ? nil : line, lineX: lineX, lineY: lineY)
            } else {
                __gmpz_set_ui(point.z, 0)
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
        __gmpz_set(point.x, t0)
        if let lineX, let lineY {
            field.multiply(line.imaginary, point.z, lineY)
            field.multiply(t1, c, x2)
            field.multiply(t2, point.z, y2)
            field.subtract(line.real, t1, t2)
            field.multiply(t1, c, lineX)
            field.subtract(line.real, line.real, t1)
        }
    }

    /// Converts to affine coordinates (one inversion).
    func affine(_ point: JacobianPoint) -> CurvePoint {
        if point.isInfinity { return .infinity }
        field.invert(t0, point.z)
        field.square(t1, t0)
        field.multiply(t2, point.x, t1)
        let x = BigInt(copying: t2)
        field.multiply(t1, t1, t0)
        field.multiply(t2, point.y, t1)
        return CurvePoint(x: x, y: BigInt(copying: t2))
    }
}
