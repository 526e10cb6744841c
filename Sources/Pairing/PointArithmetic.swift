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
        let (x2, y2) = workspace.loadAffine(second)
        var line = workspace.unusedLine
        workspace.arithmetic.addAffine(accumulator, x2: x2, y2: y2, line: &line)
        return workspace.arithmetic.affine(accumulator)
    }

    /// [k]P for any integer k (negative k multiplies -P). Width-4 NAF over Jacobian
    /// coordinates with affine precomputed points, so the loop uses mixed addition.
    public func multiply(_ point: CurvePoint, by scalar: BigInt) -> CurvePoint {
        if point.isInfinity || scalar.isZero { return .infinity }
        let base = scalar.isNegative ? negate(point) : point
        let digits = windowedNAF(scalar.isNegative ? -scalar : scalar, width: 4)

        // Odd multiples P, 3P, 5P, 7P (one inversion each, in `add`).
        var odd = [base]
        let twice = add(base, base)
        for _ in 1..<4 { odd.append(add(odd[odd.count - 1], twice)) }

        let workspace = PointWorkspace(curve: self)
        let table = odd.map { workspace.loadAffineWithNegation($0) }
        let accumulator = workspace.load(.infinity)
        var line = workspace.unusedLine
        for digit in digits.reversed() {
            workspace.arithmetic.double(accumulator)
            guard digit != 0 else { continue }
            let entry = table[Int(digit.magnitude) / 2]
            guard let entry else { continue }
            workspace.arithmetic.addAffine(accumulator, x2: entry.x, y2: digit > 0 ? entry.y : entry.negatedY, line: &line)
        }
        return workspace.arithmetic.affine(accumulator)
    }
}

/// Field elements for one point computation: a Jacobian accumulator, affine
/// operands and the arithmetic's own temporaries. Allocated per call, wiped on release.
final class PointWorkspace {
    let field: MontgomeryField
    let arithmetic: JacobianArithmetic
    private var blocks: [LimbScratch] = []
    private let scratch: LimbScratch

    init(curve: TypeOneCurve) {
        field = MontgomeryField(modulus: curve.p)
        arithmetic = JacobianArithmetic(field: field, form: curve.form)
        scratch = LimbScratch(count: 5, limbs: field.limbCount)
    }

    /// A line value the caller does not read (point arithmetic without a Miller loop).
    var unusedLine: LineValue { LineValue(real: scratch[3], imaginary: scratch[4]) }

    /// Loads an affine point into the Jacobian accumulator (Z = 1, or Z = 0 for O).
    func load(_ point: CurvePoint) -> JacobianPoint {
        let jacobian = JacobianPoint(x: scratch[0], y: scratch[1], z: scratch[2])
        if point.isInfinity {
            field.setZero(jacobian.x)
            field.setOne(jacobian.y)
            field.setZero(jacobian.z)
        } else {
            field.set(jacobian.x, to: point.x)
            field.set(jacobian.y, to: point.y)
            field.setOne(jacobian.z)
        }
        return jacobian
    }

    /// An affine point's coordinates as field elements (finite points only).
    func loadAffine(_ point: CurvePoint) -> (x: Limbs, y: Limbs) {
        let block = LimbScratch(count: 2, limbs: field.limbCount)
        blocks.append(block)
        field.set(block[0], to: point.x)
        field.set(block[1], to: point.y)
        return (block[0], block[1])
    }

    /// x, y and -y of a point, or nil for the point at infinity.
    func loadAffineWithNegation(_ point: CurvePoint) -> (x: Limbs, y: Limbs, negatedY: Limbs)? {
        guard !point.isInfinity else { return nil }
        let (x, y) = loadAffine(point)
        let block = LimbScratch(count: 1, limbs: field.limbCount)
        blocks.append(block)
        field.negate(block[0], y)
        return (x, y, block[0])
    }
}
