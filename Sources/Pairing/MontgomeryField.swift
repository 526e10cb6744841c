import CGMP

/// A pointer to one field element: `limbCount` 64-bit limbs, least significant first.
typealias Limbs = UnsafeMutablePointer<mp_limb_t>

/// A block of field elements allocated together and wiped when freed.
final class LimbScratch {
    private let base: Limbs
    private let elementCount: Int
    private let limbsPerElement: Int

    init(count: Int, limbs: Int) {
        elementCount = count
        limbsPerElement = limbs
        base = Limbs.allocate(capacity: count * limbs)
        base.initialize(repeating: 0, count: count * limbs)
    }

    deinit {
        base.update(repeating: 0, count: elementCount * limbsPerElement)
        base.deallocate()
    }

    subscript(index: Int) -> Limbs {
        precondition(index >= 0 && index < elementCount, "LimbScratch index out of range")
        return base + index * limbsPerElement
    }
}

/// Arithmetic modulo an odd prime p on fixed-size limb arrays in Montgomery form
/// (a is held as a·R mod p with R = 2^(64·n)).
///
/// GMP's public mpn layer multiplies; the reduction is Montgomery's REDC, built from
/// `mpn_addmul_1` as GMP's own `redc_1` is. It replaces `mpz_mod`'s division, which
/// cost about twice the multiplication it followed, and fixed sizes remove mpz's
/// size bookkeeping from every step. Every element is kept fully reduced, in [0, p).
final class MontgomeryField {
    let limbCount: Int
    let modulus: BigInt
    /// p as limbs.
    let p: Limbs
    /// R mod p: the element 1.
    let one: Limbs
    private let rSquared: Limbs
    /// -p^-1 mod 2^64.
    private let negatedInverse: mp_limb_t
    private let wide: Limbs
    private let storage: LimbScratch
    private let wideStorage: LimbScratch

    init(modulus: BigInt) {
        precondition(modulus.isOdd && modulus > BigInt(2), "Montgomery arithmetic needs an odd modulus")
        self.modulus = modulus
        let n = (modulus.bitWidth + 63) / 64
        limbCount = n
        storage = LimbScratch(count: 3, limbs: n)
        wideStorage = LimbScratch(count: 1, limbs: 2 * n)
        (p, one, rSquared, wide) = (storage[0], storage[1], storage[2], wideStorage[0])
        MontgomeryField.load(modulus, into: p, limbs: n)
        let r = BigInt.powerOfTwo(64 * n)
        MontgomeryField.load(r.modulo(modulus), into: one, limbs: n)
        MontgomeryField.load((r * r).modulo(modulus), into: rSquared, limbs: n)
        let word = BigInt.powerOfTwo(64)
        // Invariant: p is odd, so it is invertible modulo 2^64.
        let inverse = modulus.modulo(word).inverse(modulo: word) ?? .zero
        negatedInverse = UInt((word - inverse).modulo(word).hex, radix: 16) ?? 0
    }

    /// Copies a non-negative integer below 2^(64·limbs) into limbs.
    private static func load(_ value: BigInt, into target: Limbs, limbs: Int) {
        target.update(repeating: 0, count: limbs)
        let z = value.mpz
        let size = Int(z.pointee._mp_size.magnitude)
        if size > 0, let digits = z.pointee._mp_d {
            target.update(from: digits, count: min(size, limbs))
        }
    }

    // MARK: Conversions

    /// target = value·R mod p.
    func set(_ target: Limbs, to value: BigInt) {
        MontgomeryField.load(value.modulo(modulus), into: target, limbs: limbCount)
        multiply(target, target, rSquared)
    }

    /// The ordinary integer an element stands for.
    func value(of element: Limbs) -> BigInt {
        wide.update(repeating: 0, count: 2 * limbCount)
        wide.update(from: element, count: limbCount)
        let scratch = LimbScratch(count: 1, limbs: limbCount)
        reduceWide(into: scratch[0])
        let result = scratch[0]
        return BigInt { z in
            __gmpz_import(z, limbCount, -1, MemoryLayout<mp_limb_t>.size, 0, 0, result)
        }
    }

    // MARK: Arithmetic

    @inline(__always) func multiply(_ result: Limbs, _ a: Limbs, _ b: Limbs) {
        __gmpn_mul_n(wide, a, b, limbCount)
        reduceWide(into: result)
    }

    @inline(__always) func square(_ result: Limbs, _ a: Limbs) {
        __gmpn_sqr(wide, a, limbCount)
        reduceWide(into: result)
    }

    /// REDC: result = wide·R^-1 mod p, for wide < p·R.
    @inline(__always) private func reduceWide(into result: Limbs) {
        var low = wide
        for _ in 0..<limbCount {
            let m = low.pointee &* negatedInverse
            // Adding m·p clears this limb; keep the carry in its place for later.
            low.pointee = __gmpn_addmul_1(low, p, limbCount, m)
            low += 1
        }
        let carry = __gmpn_add_n(result, low, wide, limbCount)
        if carry != 0 || __gmpn_cmp(result, p, limbCount) >= 0 {
            __gmpn_sub_n(result, result, p, limbCount)
        }
    }

    @inline(__always) func add(_ result: Limbs, _ a: Limbs, _ b: Limbs) {
        let carry = __gmpn_add_n(result, a, b, limbCount)
        if carry != 0 || __gmpn_cmp(result, p, limbCount) >= 0 {
            __gmpn_sub_n(result, result, p, limbCount)
        }
    }

    @inline(__always) func subtract(_ result: Limbs, _ a: Limbs, _ b: Limbs) {
        if __gmpn_sub_n(result, a, b, limbCount) != 0 {
            __gmpn_add_n(result, result, p, limbCount)
        }
    }

    @inline(__always) func double(_ result: Limbs, _ a: Limbs) { add(result, a, a) }

    @inline(__always) func negate(_ result: Limbs, _ a: Limbs) {
        if isZero(a) { copy(result, a) } else { __gmpn_sub_n(result, p, a, limbCount) }
    }

    @inline(__always) func copy(_ result: Limbs, _ a: Limbs) {
        if result != a { result.update(from: a, count: limbCount) }
    }

    @inline(__always) func setZero(_ result: Limbs) { result.update(repeating: 0, count: limbCount) }

    @inline(__always) func setOne(_ result: Limbs) { copy(result, one) }

    @inline(__always) func isZero(_ a: Limbs) -> Bool {
        for index in 0..<limbCount where a[index] != 0 { return false }
        return true
    }

    @inline(__always) func equals(_ a: Limbs, _ b: Limbs) -> Bool {
        __gmpn_cmp(a, b, limbCount) == 0
    }

    /// result = a^-1 (a non-zero). Rare (affine conversion, once per pairing), so it
    /// goes through GMP's extended gcd on ordinary integers.
    func invert(_ result: Limbs, _ a: Limbs) {
        // Invariant: callers never invert zero (Z of a finite point, a norm, βx ≠ 0).
        let inverse = value(of: a).inverse(modulo: modulus) ?? .zero
        set(result, to: inverse)
    }
}
