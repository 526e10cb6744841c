/// An element a + b·i of F_p^2 = F_p[i] / (i^2 + 1), which is a field because
/// p ≡ 3 (mod 4) (docs/IBE-NOTES.md §1). `real` is a, `imaginary` is b; both in [0, p).
///
/// Pairing values live here. Arithmetic needs p, so it is done by `QuadraticField`.
public struct Fp2Element: Hashable, Sendable, CustomStringConvertible {
    public let real: BigInt
    public let imaginary: BigInt

    public init(real: BigInt, imaginary: BigInt) {
        self.real = real
        self.imaginary = imaginary
    }

    public static let one = Fp2Element(real: .one, imaginary: .zero)

    public var isOne: Bool { real == .one && imaginary.isZero }

    /// "REAL IMAG" in lowercase hex, the form `mikey-ibake lab pairing` prints.
    public var description: String { "\(real.hex) \(imaginary.hex)" }
}

/// Arithmetic in F_p^2 on `Fp2Element` values. Value-level and allocating: for set-up,
/// tests and the public API. The pairing runs on scratch integers instead.
public struct QuadraticField: Sendable {
    public let p: BigInt

    public init(p: BigInt) { self.p = p }

    /// (a0 + a1 i)(b0 + b1 i) = (a0 b0 - a1 b1) + (a0 b1 + a1 b0) i. RFC 5091 §2.1 prints
    /// the real part with the wrong sign (erratum 3229; docs/IBE-NOTES.md N3).
    public func multiply(_ a: Fp2Element, _ b: Fp2Element) -> Fp2Element {
        Fp2Element(real: (a.real * b.real - a.imaginary * b.imaginary).modulo(p),
                   imaginary: (a.real * b.imaginary + a.imaginary * b.real).modulo(p))
    }

    public func square(_ a: Fp2Element) -> Fp2Element { multiply(a, a) }

    /// The Frobenius map x -> x^p, which on F_p[i] is complex conjugation (i^p = -i).
    public func conjugate(_ a: Fp2Element) -> Fp2Element {
        Fp2Element(real: a.real, imaginary: (-a.imaginary).modulo(p))
    }

    /// a · conj(a) = a0^2 + a1^2, an element of F_p.
    public func norm(_ a: Fp2Element) -> BigInt {
        (a.real * a.real + a.imaginary * a.imaginary).modulo(p)
    }

    /// conj(a) / norm(a); nil for zero.
    public func inverse(_ a: Fp2Element) -> Fp2Element? {
        guard let normInverse = norm(a).inverse(modulo: p) else { return nil }
        let conjugate = conjugate(a)
        return Fp2Element(real: (conjugate.real * normInverse).modulo(p),
                          imaginary: (conjugate.imaginary * normInverse).modulo(p))
    }

    /// a^exponent (exponent >= 0). Elements of norm 1, such as every pairing value,
    /// take the faster unitary path; the result is the same either way.
    public func power(_ a: Fp2Element, _ exponent: BigInt) -> Fp2Element {
        precondition(!exponent.isNegative, "negative exponent")
        if norm(a) == .one {
            return UnitaryPower(field: MontgomeryField(modulus: p)).power(a, exponent)
        }
        var result = Fp2Element.one
        for index in stride(from: exponent.bitWidth - 1, through: 0, by: -1) {
            result = square(result)
            if exponent.bit(index) { result = multiply(result, a) }
        }
        return result
    }
}
