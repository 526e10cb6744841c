import CGMP

extension TypeOneCurve {
    /// -P = (x, -y).
    public func negate(_ point: CurvePoint) -> CurvePoint {
        point.isInfinity ? point : CurvePoint(x: point.x, y: (-point.y).modulo(p))
    }

    /// P + R (both on the curve).
    public func add(_ first: CurvePoint, _ second: CurvePoint) -> CurvePoint {
        if second.isInfinity { return first }
        let workspace = PointWorkspace(curve: self)
        let accumulator = workspace.load(first)
        var line = workspace.unusedLine
        workspace.arithmetic.addAffine(accumulator, x2: second.x.mpz, y2: second.y.mpz, line: &line)
        return workspace.arithmetic.affine(accumulator)
    }

    /// [k]P for any integer k (negative k multiplies -P). Width-4 NAF over Jacobian
    /// coordinates with affine precomputed points; one inversion per precomputed
    /// point and one at the end.
    public func multiply(_ point: CurvePoint, by scalar: BigInt) -> CurvePoint {
        if point.isInfinity || scalar.isZero { return .infinity }
        let base = scalar.isNegative ? negate(point) : point
        let digits = windowedNAF(scalar.isNegative ? -scalar : scalar, width: 4)

        // Odd multiples P, 3P, 5P, 7P in affine form, so the loop can use mixed addition.
        var odd = [base]
        let twice = add(base, base)
        for _ in 1..<4 { odd.append(add(odd[odd.count - 1], twice)) }
        let negatedY = odd.map { negate($0).y }

        let workspace = PointWorkspace(curve: self)
        let accumulator = workspace.load(.infinity)
        var line = workspace.unusedLine
        for digit in digits.reversed() {
            workspace.arithmetic.double(accumulator)
            guard digit != 0 else { continue }
            let entry = odd[Int(digit.magnitude) / 2]
            guard !entry.isInfinity else { continue }
            let y = digit > 0 ? entry.y : negatedY[Int(digit.magnitude) / 2]
            workspace.arithmetic.addAffine(accumulator, x2: entry.x.mpz, y2: y.mpz, line: &line)
        }
        return workspace.arithmetic.affine(accumulator)
    }
}

/// Scratch integers for one point computation: a Jacobian accumulator and the
/// arithmetic's own temporaries. Allocated per call; freed (and wiped) on return.
final class PointWorkspace {
    let arithmetic: JacobianArithmetic
    private let scratch: GMPScratch

    init(curve: TypeOneCurve) {
        let bits = curve.p.bitWidth
        arithmetic = JacobianArithmetic(field: PrimeFieldArithmetic(modulus: curve.p), bits: bits)
        scratch = GMPScratch(count: 5, bits: 2 * bits + 64)
    }

    /// A line value the caller does not read (point arithmetic without a Miller loop).
    var unusedLine: LineValue { LineValue(real: scratch[3], imaginary: scratch[4]) }

    /// Loads an affine point into the Jacobian accumulator (Z = 1, or Z = 0 for O).
    func load(_ point: CurvePoint) -> JacobianPoint {
        let jacobian = JacobianPoint(x: scratch[0], y: scratch[1], z: scratch[2])
        __gmpz_set(jacobian.x, point.x.mpz)
        __gmpz_set(jacobian.y, point.y.mpz)
        __gmpz_set_ui(jacobian.z, point.isInfinity ? 0 : 1)
        return jacobian
    }
}
