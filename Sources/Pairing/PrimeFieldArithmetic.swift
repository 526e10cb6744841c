import CGMP

/// In-place arithmetic modulo an odd prime p on raw GMP integers.
///
/// Every operand is assumed reduced (0 <= a < p) and every result is left reduced.
/// A multiplication is one `mpz_mul` plus one `mpz_mod`: the "mulmod" that
/// `mikey-ibake bench` uses as its unit of cost.
final class PrimeFieldArithmetic {
    let p: MPZ
    private let storage: GMPScratch

    init(modulus: BigInt) {
        storage = GMPScratch(count: 1, bits: modulus.bitWidth)
        p = storage[0]
        __gmpz_set(p, modulus.mpz)
    }

    @inline(__always) func multiply(_ result: MPZ, _ a: MPZ, _ b: MPZ) {
        __gmpz_mul(result, a, b)
        __gmpz_mod(result, result, p)
    }

    @inline(__always) func square(_ result: MPZ, _ a: MPZ) {
        __gmpz_mul(result, a, a)
        __gmpz_mod(result, result, p)
    }

    @inline(__always) func multiply(_ result: MPZ, _ a: MPZ, small: UInt) {
        __gmpz_mul_ui(result, a, small)
        __gmpz_mod(result, result, p)
    }

    @inline(__always) func add(_ result: MPZ, _ a: MPZ, _ b: MPZ) {
        __gmpz_add(result, a, b)
        if __gmpz_cmp(result, p) >= 0 { __gmpz_sub(result, result, p) }
    }

    @inline(__always) func subtract(_ result: MPZ, _ a: MPZ, _ b: MPZ) {
        __gmpz_sub(result, a, b)
        if isNegative(result) { __gmpz_add(result, result, p) }
    }

    @inline(__always) func double(_ result: MPZ, _ a: MPZ) { add(result, a, a) }

    @inline(__always) func negate(_ result: MPZ, _ a: MPZ) {
        if isZero(a) { __gmpz_set_ui(result, 0) } else { __gmpz_sub(result, p, a) }
    }

    /// Brings a value within a few multiples of p into [0, p) by adding or subtracting p:
    /// far cheaper than a division when the value is known to be near the range.
    @inline(__always) func normalize(_ value: MPZ) {
        while isNegative(value) { __gmpz_add(value, value, p) }
        while __gmpz_cmp(value, p) >= 0 { __gmpz_sub(value, value, p) }
    }

    /// Reduces an arbitrary (possibly negative or oversized) integer into [0, p).
    @inline(__always) func reduce(_ result: MPZ, _ a: MPZ) { __gmpz_mod(result, a, p) }

    /// result = a^-1; a must be non-zero modulo p.
    @inline(__always) func invert(_ result: MPZ, _ a: MPZ) {
        let invertible = __gmpz_invert(result, a, p)
        precondition(invertible != 0, "inverting zero modulo p")
    }
}
