import Synchronization

/// Multiples of a fixed point P (the generator) from a table of [d·16^j]P, d = 1...15,
/// one row per 4 bits of q: [k]P then takes one mixed addition per non-zero 4-bit digit
/// of k and no doubling at all, where the general method doubles once per bit.
/// BF encryption computes U = [l]P and decryption re-derives it (the FO check), so both
/// use this table. Immutable once built, hence `@unchecked Sendable`.
public final class FixedBaseTable: @unchecked Sendable {
    public let curve: TypeOneCurve
    public let point: CurvePoint
    private let rows: Int
    /// rows × 15 points, (x, y) in Montgomery form for p; row j holds [d·16^j]P.
    private let entries: LimbScratch

    /// Builds the table (for a point of order q > 15): 15 affine points per 4 bits of q.
    public init(curve: TypeOneCurve, point: CurvePoint) {
        precondition(curve.q > BigInt(15), "a fixed-base table needs q > 15")
        self.curve = curve
        self.point = point
        rows = (curve.q.bitWidth + 3) / 4
        let field = MontgomeryField(modulus: curve.p)
        entries = LimbScratch(count: rows * 15 * 2, limbs: field.limbCount)
        var base = point
        for row in 0..<rows {
            var multiple = base
            for digit in 1...15 {
                let index = 2 * (row * 15 + digit - 1)
                // Invariant: d·16^j·P is never O, which would need the prime q > 15 to divide d·16^j.
                field.set(entries[index], to: multiple.x)
                field.set(entries[index + 1], to: multiple.y)
                if digit < 15 { multiple = curve.add(multiple, base) }
            }
            base = curve.add(multiple, base)             // 16^(j+1)·P = 15·16^j·P + 16^j·P
        }
    }

    /// [k]P for any integer k (reduced modulo q, the order of P).
    public func multiply(by scalar: BigInt) -> CurvePoint {
        let k = scalar.modulo(curve.q)
        if k.isZero || point.isInfinity { return .infinity }
        let workspace = PointWorkspace(curve: curve)
        let accumulator = workspace.load(.infinity)
        var line = workspace.unusedLine
        let octets = k.bytes
        for (position, octet) in octets.reversed().enumerated() {
            for (half, digit) in [(0, Int(octet & 0x0f)), (1, Int(octet >> 4))] where digit != 0 {
                let row = 2 * position + half
                guard row < rows else { continue }
                let index = 2 * (row * 15 + digit - 1)
                workspace.arithmetic.addAffine(accumulator, x2: entries[index], y2: entries[index + 1], line: &line)
            }
        }
        return workspace.arithmetic.affine(accumulator)
    }
}

/// One table per (curve, point) for the whole process: parameter sets are few and
/// their generators fixed, so every KMS, role and scenario shares them.
public enum FixedBaseTables {
    private static let tables = Mutex<[String: FixedBaseTable]>([:])

    /// The table for `point` on `curve`, built on first use.
    public static func table(curve: TypeOneCurve, point: CurvePoint) -> FixedBaseTable {
        let key = "\(curve.form):\(curve.p.hex):\(curve.q.hex):\(point.x.hex):\(point.y.hex)"
        if let known = tables.withLock({ $0[key] }) { return known }
        let table = FixedBaseTable(curve: curve, point: point)
        tables.withLock { $0[key] = table }
        return table
    }
}
