/// Exponentiation of elements of norm 1 in F_p^2 (the order-(p+1) subgroup where
/// every reduced pairing value lies).
///
/// Norm 1 makes two things cheap: a square is (2a^2 - 1) + ((a + b)^2 - 1)·i, two
/// field squarings; and an inverse is the conjugate, so the exponent can be
/// written in signed digits (width-5 NAF) at no extra cost.
final class UnitaryPower {
    static let window = 5
    static let tableSize = 1 << (window - 2)
    let field: MontgomeryField
    private let scratch: LimbScratch
    private let table: LimbScratch            // g^1, g^3, ..., g^15 as (real, imaginary) pairs
    private let t0, t1, t2, square0, square1: Limbs

    init(field: MontgomeryField) {
        self.field = field
        scratch = LimbScratch(count: 5, limbs: field.limbCount)
        table = LimbScratch(count: 2 * UnitaryPower.tableSize, limbs: field.limbCount)
        (t0, t1, t2, square0, square1) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
    }

    /// g^exponent for g of norm 1.
    func power(_ g: Fp2Element, _ exponent: BigInt) -> Fp2Element {
        let operands = LimbScratch(count: 4, limbs: field.limbCount)
        let (g0, g1, r0, r1) = (operands[0], operands[1], operands[2], operands[3])
        field.set(g0, to: g.real)
        field.set(g1, to: g.imaginary)
        power(g0, g1, digits: windowedNAF(exponent, width: UnitaryPower.window), into: r0, r1)
        return Fp2Element(real: field.value(of: r0), imaginary: field.value(of: r1))
    }

    /// (r0 + r1 i) = (g0 + g1 i)^k, where `digits` is k in width-5 NAF, least significant first.
    func power(_ g0: Limbs, _ g1: Limbs, digits: [Int8], into r0: Limbs, _ r1: Limbs) {
        precomputeOddPowers(g0, g1)
        field.setOne(r0)
        field.setZero(r1)
        var started = false
        for digit in digits.reversed() {
            if started { square(r0, r1) }
            guard digit != 0 else { continue }
            let index = Int(digit.magnitude) / 2
            let (e0, e1) = (table[2 * index], table[2 * index + 1])
            if started {
                multiply(r0, r1, e0, e1, conjugated: digit < 0)
            } else {
                field.copy(r0, e0)
                if digit < 0 { field.negate(r1, e1) } else { field.copy(r1, e1) }
                started = true
            }
        }
    }

    /// table[2i], table[2i+1] = g^(2i+1) for i in 0..<8.
    private func precomputeOddPowers(_ g0: Limbs, _ g1: Limbs) {
        field.copy(square0, g0)
        field.copy(square1, g1)
        square(square0, square1)
        field.copy(table[0], g0)
        field.copy(table[1], g1)
        for index in 1..<UnitaryPower.tableSize {
            field.copy(table[2 * index], table[2 * index - 2])
            field.copy(table[2 * index + 1], table[2 * index - 1])
            multiply(table[2 * index], table[2 * index + 1], square0, square1, conjugated: false)
        }
    }

    /// (a0 + a1 i) = (a0 + a1 i)^2 for a norm-1 element: two squarings.
    @inline(__always) func square(_ a0: Limbs, _ a1: Limbs) {
        field.add(t0, a0, a1)
        field.square(a1, t0)
        field.subtract(a1, a1, field.one)        // 2ab = (a + b)^2 - 1
        field.square(t0, a0)
        field.double(t0, t0)
        field.subtract(a0, t0, field.one)        // a^2 - b^2 = 2a^2 - 1
    }

    /// (a0 + a1 i) *= (b0 ± b1 i), Karatsuba: three products.
    @inline(__always) func multiply(_ a0: Limbs, _ a1: Limbs, _ b0: Limbs, _ b1: Limbs, conjugated: Bool) {
        field.multiply(t0, a0, b0)
        field.multiply(t1, a1, b1)
        field.add(t2, a0, a1)
        if conjugated {
            // (a0 + a1 i)(b0 - b1 i) = (a0 b0 + a1 b1) + ((a0 + a1)(b0 - b1) - a0 b0 + a1 b1) i
            field.subtract(a1, b0, b1)
            field.multiply(a1, a1, t2)
            field.subtract(a1, a1, t0)
            field.add(a1, a1, t1)
            field.add(a0, t0, t1)
        } else {
            field.add(a1, b0, b1)
            field.multiply(a1, a1, t2)
            field.subtract(a1, a1, t0)
            field.subtract(a1, a1, t1)
            field.subtract(a0, t0, t1)
        }
    }
}
