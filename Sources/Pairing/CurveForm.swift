extension TypeOneCurve {
    /// The two supersingular curves over F_p whose pairings this module computes. Both carry
    /// a symmetric ("type-1") pairing through a distortion map, and both run on the same
    /// field, point and Miller-loop code; they differ in the curve coefficient, the
    /// distortion map and the final exponent.
    public enum Form: String, Sendable, CaseIterable {
        /// RFC 5091 (Boneh-Franklin, BB1): y^2 = x^3 + 1, p ≡ 11 (mod 12), distortion
        /// φ(x, y) = (ζx, y) with ζ a primitive cube root of unity in F_p^2.
        case rfc5091
        /// RFC 6508 (SAKKE): y^2 = x^3 - 3x, p ≡ 3 (mod 4), distortion ψ(x, y) = (-x, i·y)
        /// (RFC 6508 §3.2).
        case rfc6508

        /// The curve equation, as error messages and help texts print it.
        public var equation: String {
            switch self {
            case .rfc5091: "y^2 = x^3 + 1"
            case .rfc6508: "y^2 = x^3 - 3x"
            }
        }

        /// x^3 + a·x + b, the right-hand side of the curve equation, modulo p.
        func rightHandSide(_ x: BigInt, p: BigInt) -> BigInt {
            switch self {
            case .rfc5091: (x * x * x + .one).modulo(p)
            case .rfc6508: (x * x * x - BigInt(3) * x).modulo(p)
            }
        }
    }
}
