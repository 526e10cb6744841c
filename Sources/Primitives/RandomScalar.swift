extension NISTCurve {
    /// A scalar chosen uniformly in [1, n-1] from `random`, as ``coordinateLength``
    /// big-endian octets: an ephemeral secret such as a or b of the exchange.
    ///
    /// Rejection sampling (FIPS 186-5 §A.2.2, "Rejection Sampling"): draw as many octets
    /// as n has, clear the bits above n's bit length, and draw again until the candidate
    /// is neither 0 nor ≥ n. No modular reduction, so there is no bias.
    public func randomScalar(using random: RandomSource) -> [UInt8] {
        let n = order
        let spareBits = 8 * n.count - group.orderBits  // 0 for P-256 and P-384, 7 for P-521
        while true {
            var candidate = random.bytes(n.count)
            precondition(candidate.count == n.count, "RandomSource.bytes returned the wrong number of octets")
            candidate[0] &= UInt8(0xFF) >> spareBits
            // Equal-length big-endian octet strings order like the integers they encode.
            if candidate.contains(where: { $0 != 0 }) && candidate.lexicographicallyPrecedes(n) {
                return candidate
            }
        }
    }
}
