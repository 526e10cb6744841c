import Pairing
import Primitives

/// The supporting algorithms of RFC 6508 (SAKKE): HashToIntegerRange and the PF_p
/// representation of pairing values. The scheme itself is in ``SAKKEParameters`` (sender),
/// ``SAKKEKeyManagementService`` (KMS) and ``SAKKEReceiverKey`` (receiver).
public enum RFC6508 {
    /// HashToIntegerRange(s, n, hashfn) (RFC 6508 §5.1): A = hashfn(s), h_0 = hashlen zero
    /// octets, h_i = hashfn(h_(i-1)), v_i = hashfn(h_i || A) for i = 1 ... l with
    /// l = ⌈lg(n) / hashlen⌉ (hashlen in bits), and v = (v_1 || ... || v_l) mod n.
    /// That is RFC 5091's HashBytes(l · hashlen/8, s) read as an integer (docs/IBE-NOTES.md §6).
    public static func hashToIntegerRange(_ s: [UInt8], _ n: BigInt, _ hash: HashFunction) -> BigInt {
        precondition(n > .one, "HashToIntegerRange needs n > 1")
        let hashBits = 8 * hash.digestLength
        let blocks = ((n - .one).bitWidth + hashBits - 1) / hashBits    // ⌈lg(n)⌉ = bit width of n - 1
        return BigInt(bytes: RFC5091.hashBytes(blocks * hash.digestLength, s, hash)).modulo(n)
    }

    /// The PF_p representative of a pairing value (RFC 6508 §2.1, §3.2): RFC 6508 writes
    /// <R, Q> as the class of u = f^((p+1)/q) in PF_p = (F_p^2)* / (F_p)*, represented by
    /// Im(u)/Re(u). The Pairing module returns e = u^(p-1) = conj(u)/u, of norm 1; then
    /// 1 + conj(e) = 2·Re(u)/u, so [u] = [1 + conj(e)] and Im(u)/Re(u) = -Im(e) / (1 + Re(e)).
    public static func representative(of value: Fp2Element, p: BigInt) -> BigInt {
        // Invariant: 1 + Re(e) = 0 only for e = -1, of order 2, never a value of order q.
        let denominator = (value.real + .one).inverse(modulo: p) ?? .zero
        return (-value.imaginary * denominator).modulo(p)
    }

    /// The element of norm 1 whose PF_p representative is x: (1 + x·i)^(p-1) =
    /// (1 - x·i)/(1 + x·i) = ((1 - x^2) - 2x·i) / (1 + x^2). The inverse of
    /// ``representative(of:p:)``; exponentiation then takes the unitary path.
    public static func normOneElement(representative x: BigInt, p: BigInt) -> Fp2Element {
        let square = (x * x).modulo(p)
        // Invariant: 1 + x^2 = 0 has no solution modulo p ≡ 3 (mod 4) (-1 is not a square).
        let inverse = (square + .one).inverse(modulo: p) ?? .zero
        return Fp2Element(real: ((BigInt.one - square) * inverse).modulo(p),
                          imaginary: (-(x + x) * inverse).modulo(p))
    }
}
