import Pairing
import Primitives

/// The supporting algorithms of RFC 5091 §4, shared by Boneh-Franklin and BB1.
public enum RFC5091 {
    /// HashToRange (RFC 5091 Algorithm 4.1.1): an integer in [0, n-1] from the octets s.
    ///
    /// Exactly two hash rounds for every n, and the result is v_2 mod n: erratum 2736
    /// corrects the last step, and the 7.2 vector rules out one round or a round count
    /// that grows with n (docs/IBE-NOTES.md §3, N4).
    public static func hashToRange(_ s: [UInt8], _ n: BigInt, _ hash: HashFunction) -> BigInt {
        var h = [UInt8](repeating: 0, count: hash.digestLength)
        var v = [UInt8]()
        for _ in 1...2 {
            h = hash.digest(h, s)
            v += h
        }
        return BigInt(bytes: v).modulo(n)
    }

    /// HashBytes (RFC 5091 Algorithm 4.2.1): `count` pseudo-random octets from `seed`.
    public static func hashBytes(_ count: Int, _ seed: [UInt8], _ hash: HashFunction) -> [UInt8] {
        let k = hash.digest(seed)
        var h = [UInt8](repeating: 0, count: hash.digestLength)
        var output = [UInt8]()
        output.reserveCapacity(count + hash.digestLength)
        while output.count < count {
            h = hash.digest(h)
            output += hash.digest(h, k)
        }
        return Array(output.prefix(count))
    }

    /// The order of the two halves in `canonical`: BF uses real part first (o = 0),
    /// BB1 imaginary part first (o = 1, confirmed by the 7.8 vector; docs/IBE-NOTES.md N9).
    public enum CanonicalOrder: Sendable {
        case realFirst
        case imaginaryFirst
    }

    /// Canonical (RFC 5091 Algorithm 4.3.1): an F_p^2 element as 2·l octets, each half
    /// the integer left-padded to l = octet length of p (never from a hex string).
    public static func canonical(_ value: Fp2Element, p: BigInt, order: CanonicalOrder) -> [UInt8] {
        let length = p.byteWidth
        // Invariant: both parts are reduced modulo p, so they fit in l octets.
        let real = value.real.bytes(count: length) ?? []
        let imaginary = value.imaginary.bytes(count: length) ?? []
        precondition(real.count == length && imaginary.count == length, "F_p^2 element not reduced modulo p")
        return order == .realFirst ? real + imaginary : imaginary + real
    }

    /// HashToPoint (RFC 5091 Algorithm 4.4.1): y = HashToRange(id, p), x the cube root
    /// of y² - 1, then multiplication by the cofactor (p + 1)/q lands in the order-q subgroup.
    public static func hashToPoint(_ identity: [UInt8], curve: TypeOneCurve, hash: HashFunction) -> CurvePoint {
        let y = hashToRange(identity, curve.p, hash)
        return curve.multiply(curve.point(withY: y), by: curve.cofactor)
    }
}

/// XOR of two equal-length octet strings.
func xor(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
    precondition(a.count == b.count, "xor of strings of different lengths")
    return zip(a, b).map { $0 ^ $1 }
}
