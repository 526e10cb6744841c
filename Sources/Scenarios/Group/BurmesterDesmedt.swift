import Primitives

/// Burmester-Desmedt group key agreement (Burmester and Desmedt, EUROCRYPT '94,
/// "protocol 3") written additively over P-256, as PROFILE D14 fixes. Members sit in
/// a ring; indices are taken modulo the number of members n (n ≥ 3).
///
/// Round 1: member i picks r_i and broadcasts z_i = r_i·P.
/// Round 2: member i broadcasts X_i = r_i·(z_{i+1} − z_{i−1}).
/// Key:     K_i = n·r_i·z_{i−1} + (n−1)·X_i + (n−2)·X_{i+1} + … + 1·X_{i+n−2}
///        = r_1·r_2·P + r_2·r_3·P + … + r_n·r_1·P, the same for every member.
///
/// P-256 is used whatever the IBE parameter set: D14 names it, and only the IBE layer
/// that carries these values changes with `--params`.
enum BurmesterDesmedt {
    static let curve = NISTCurve.p256

    /// One member's secret and round-1 value.
    struct Contribution {
        /// r_i, a scalar in [1, n−1] of P-256's order; it never leaves the member.
        let secret: [UInt8]
        /// z_i = r_i·P.
        let z: ECPoint
    }

    /// Round 1: a fresh r_i and z_i = r_i·P.
    static func contribute(using random: RandomSource) throws(PrimitivesError) -> Contribution {
        let secret = curve.randomScalar(using: random)
        return Contribution(secret: secret, z: try curve.generator.multiplied(by: secret))
    }

    /// Round 2: X_i = r_i·(z_{i+1} − z_{i−1}).
    ///
    /// - Throws: `.pointAtInfinity` if z_{i+1} = z_{i−1}, which happens only when two
    ///   members chose the same r (n ≥ 3), i.e. with negligible probability.
    static func crossValue(_ own: Contribution, next: ECPoint, previous: ECPoint) throws(PrimitivesError) -> ECPoint {
        try next.adding(previous.negated()).multiplied(by: own.secret)
    }

    /// The key: n·r_i·z_{i−1} + Σ_{j=0}^{n−2} (n−1−j)·X_{i+j}.
    ///
    /// - Parameter crossValues: X_i, X_{i+1}, …, X_{i+n−2} in ring order starting with the
    ///   member's own X_i (X_{i−1} is not needed).
    static func key(_ own: Contribution, previous: ECPoint, crossValues: [ECPoint]) throws(PrimitivesError) -> ECPoint {
        let n = crossValues.count + 1
        // Small multipliers (≤ n) as one-octet scalars. Invariant: n ≤ 255, since frames
        // number members in one octet; the conversion traps otherwise.
        var sum = try previous.multiplied(by: own.secret).multiplied(by: [UInt8(n)])
        for (j, x) in crossValues.enumerated() {
            sum = try sum.adding(x.multiplied(by: [UInt8(n - 1 - j)]))
        }
        return sum
    }

    /// Whether X_1 + … + X_n = 0, as it must (the sum telescopes): a check that every
    /// member can make once it holds all X, catching an X changed on the way.
    static func sumsToZero(_ crossValues: [ECPoint]) throws(PrimitivesError) -> Bool {
        guard let last = crossValues.last else { return false }
        // Summing all n would end at the point at infinity, which ECPoint cannot hold;
        // compare the sum of the first n−1 with −X_n instead.
        var sum = crossValues[0]
        for x in crossValues.dropFirst().dropLast() { sum = try sum.adding(x) }
        return sum == last.negated()
    }

    /// The octets revealed as `group_key`: SHA-256 of K's uncompressed SEC1 encoding,
    /// so the key is 32 uniform-looking octets rather than a structured point.
    static func groupKey(_ point: ECPoint) -> [UInt8] {
        HashFunction.sha256.digest(point.sec1())
    }
}
