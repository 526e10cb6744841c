import CGMP

/// Exponentiation of elements of norm 1 in F_p^2 (the order-(p+1) subgroup where
/// every reduced pairing value lies).
///
/// Norm 1 makes two things cheap: a square is (2a^2 - 1) + ((a + b)^2 - 1)·i, two
/// field squarings; and an inverse is the conjugate, so the exponent can be
/// written in signed digits (width-5 NAF) at no extra cost.
final class UnitaryPower {
    static let window = 5
    static let tableSize = 1 << (window - 2)
    let field: PrimeFieldArithmetic
    private let scratch: GMPScratch
    private let table: GMPScratch            // g^1, g^3, ..., g^15 as (real, imaginary) pairs
    private let t0, t1, t2, square0, square1: MPZ

    init(field: PrimeFieldArithmetic) {
        self.field = field
        let bits = Int(__gmpz_sizeinbase(field.p, 2)) * 2 + 64
        scratch = GMPScratch(count: 5, bits: bits)
        table = GMPScratch(count: 2 * UnitaryPower.tableSize, bits: bits)
        (t0, t1, t2, square0, square1) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
    }

    /// g^exponent for g of norm 1.
    func power(_ g: Fp2Element, _ exponent: BigInt) -> Fp2Element {
        let resultScratch = GMPScratch(count: 4, bits: g.real.bitWidth * 2 + 64)
        let (g0, g1, r0, r1) = (resultScratch[0], resultScratch[1], resultScratch[2], resultScratch[3])
        __gmpz_set(g0, g.real.mpz)
        __gmpz_set(g1, g.imaginary.mpz)
        power(g0, g1, digits: windowedNAF(exponent, width: UnitaryPower.window), into: r0, r1)
        return Fp2Element(real: BigInt(copying: r0), imaginary: BigInt(copying: r1))
    }

    /// (r0 + r1 i) = (g0 + g1 i)^k, where `digits` is k in width-5 NAF, least significant first.
    func power(_ g0: MPZ, _ g1: MPZ, digits: [Int8], into r0: MPZ, _ r1: MPZ) {
        precomputeOddPowers(g0, g1)
        __gmpz_set_ui(r0, 1)
        __gmpz_set_ui(r1, 0)
        var started = false
        for digit in digits.reversed() {
            if started { square(r0, r1) }
            guard digit != 0 else { continue }
            let index = Int(digit.magnitude) / 2
            let (e0, e1) = (table[2 * index], table[2 * index + 1])
            if started {
                multiply(r0, r1, e0, e1, conjugated: digit < 0)
            } else {
                __gmpz_set(r0, e0)
                if digit < 0 { field.negate(r1, e1) } else { __gmpz_set(r1, e1) }
                started = true
            }
        }
    }

    /// table[2i], table[2i+1] = g^(2i+1) for i in 0..<8.
    private func precomputeOddPowers(_ g0: MPZ, _ g1: MPZ) {
        __gmpz_set(square0, g0)
        __gmpz_set(square1, g1)
        square(square0, square1)
        __gmpz_set(table[0], g0)
        __gmpz_set(table[1], g1)
        for index in 1..<UnitaryPower.tableSize {
            __gmpz_set(table[2 * index], table[2 * index - 2])
            __gmpz_set(table[2 * index + 1], table[2 * index - 1])
            multiply(table[2 * index], table[2 * index + 1], square0, square1, conjugated: false)
        }
    }

    /// (a0 + a1 i) = (a0 + a1 i)^2 for a norm-1 element: two squarings.
    @inline(__always) func square(_ a0: MPZ, _ a1: MPZ) {
        field.add(t0, a0, a1)
        field.square(a1, t0)
        __gmpz_sub_ui(a1, a1, 1)
        field.normalize(a1)                      // 2ab = (a + b)^2 - 1
        field.square(t0, a0)
        __gmpz_mul_2exp(t0, t0, 1)
        __gmpz_sub_ui(a0, t0, 1)
        field.normalize(a0)                      // a^2 - b^2 = 2a^2 - 1
    }

    /// (a0 + a1 i) *= (b0 ± b1 i), Karatsuba: three products, two reductions.
    @inline(__always) func multiply(_ a0: MPZ, _ a1: MPZ, _ b0: MPZ, _ b1: MPZ, conjugated: Bool) {
        __gmpz_mul(t0, a0, b0)
        __gmpz_mul(t1, a1, b1)
        field.add(t2, a0, a1)
        if conjugated {
            // (a0 + a1 i)(b0 - b1 i) = (a0 b0 + a1 b1) + ((a0 + a1)(b0 - b1) - a0 b0 + a1 b1) i
            field.subtract(a1, b0, b1)
            __gmpz_mul(a1, a1, t2)
            __gmpz_sub(a1, a1, t0)
            __gmpz_add(a1, a1, t1)
            __gmpz_add(t0, t0, t1)
        } else {
            field.add(a1, b0, b1)
            __gmpz_mul(a1, a1, t2)
            __gmpz_sub(a1, a1, t0)
            __gmpz_sub(a1, a1, t1)
            __gmpz_sub(t0, t0, t1)
        }
        field.reduce(a1, a1)
        field.reduce(a0, t0)
    }
}
