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
    /// Whether P is a finite point with [q]P = O, found from the table when it was built
    /// (one mixed addition per 4 bits of q, no doubling): the subgroup check of a point that
    /// is multiplied again and again, such as a KMS public key, paid once.
    public let hasOrderQ: Bool

    /// Builds the table (for a point of order q > 15): 15 affine points per 4 bits of q.
    public init(curve: TypeOneCurve, point: CurvePoint) {
        precondition(curve.q > BigInt(15), "a fixed-base table needs q > 15")
        self.curve = curve
        self.point = point
        rows = (curve.q.bitWidth + 3) / 4
        let field = MontgomeryField(modulus: curve.p)
        entries = LimbScratch(count: rows * 15 * 2, limbs: field.limbCount)
        var base = point
        // Only a point whose order divides 16 (a small-torsion point) meets O here: for a point
        // of order q, 2q or 4q the prime q > 15 would have to divide d·16^j.
        var metInfinity = point.isInfinity
        for row in 0..<rows {
            var multiple = base
            for digit in 1...15 {
                let index = 2 * (row * 15 + digit - 1)
                // Invariant: d·16^j·P is never O, which would need the prime q > 15 to divide d·16^j.
                field.set(entries[index], to: multiple.x)
                field.set(entries[index + 1], to: multiple.y)
                if digit < 15 { multiple = curve.add(multiple, base) }
                metInfinity = metInfinity || multiple.isInfinity
            }
            base = curve.add(multiple, base)             // 16^(j+1)·P = 15·16^j·P + 16^j·P
        }
        // q < 16^rows, so the table covers q itself (its entries are exact when O was not met).
        hasOrderQ = !metInfinity && Self.multiply(curve.q, curve: curve, rows: rows, entries: entries).isInfinity
    }

    /// [k]P for any integer k (reduced modulo q, the order of P).
    public func multiply(by scalar: BigInt) -> CurvePoint {
        let k = scalar.modulo(curve.q)
        if k.isZero || point.isInfinity { return .infinity }
        return Self.multiply(k, curve: curve, rows: rows, entries: entries)
    }

    /// [k]P for 0 < k < 16^rows, one mixed addition per non-zero 4-bit digit.
    private static func multiply(_ k: BigInt, curve: TypeOneCurve, rows: Int, entries: LimbScratch) -> CurvePoint {
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
        if let known = cached(curve: curve, point: point) { return known }
        let table = FixedBaseTable(curve: curve, point: point)
        tables.withLock { $0[key(curve, point)] = table }
        return table
    }

    /// The table for `point` on `curve` if one was built.
    public static func cached(curve: TypeOneCurve, point: CurvePoint) -> FixedBaseTable? {
        tables.withLock { $0[key(curve, point)] }
    }

    private static func key(_ curve: TypeOneCurve, _ point: CurvePoint) -> String {
        "\(curve.form):\(curve.p.hex):\(curve.q.hex):\(point.x.hex):\(point.y.hex)"
    }
}

/// [k]P for a fixed P: the first few products the plain way, every later one from P's
/// table (built then, or found built). A table costs about as much as four plain
/// products, so a process that multiplies P a few times (a `net call`: one call, three
/// IBE layers) does not pay for one; the demonstrator and the benchmarks, which multiply
/// P over and over, get it after a few.
public final class FixedBaseMultiplier: Sendable {
    private let curve: TypeOneCurve
    private let point: CurvePoint
    /// How many products were computed the plain way.
    private let plainProducts = Mutex(0)
    /// Products computed the plain way before the table is built.
    static let plainLimit = 4

    public init(curve: TypeOneCurve, point: CurvePoint) {
        self.curve = curve
        self.point = point
    }

    /// Builds P's table now: what a long-lived party (a phone waiting for calls) does
    /// before the first call, so no call pays for it.
    public func prepare() {
        _ = FixedBaseTables.table(curve: curve, point: point)
    }

    /// [k]P.
    public func multiply(by k: BigInt) -> CurvePoint {
        if let table = FixedBaseTables.cached(curve: curve, point: point) { return table.multiply(by: k) }
        let plain = plainProducts.withLock { count in
            defer { count += 1 }
            return count < Self.plainLimit
        }
        if plain { return curve.multiply(point, by: k.modulo(curve.q)) }
        return FixedBaseTables.table(curve: curve, point: point).multiply(by: k)
    }
}
