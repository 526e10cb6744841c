import COpenSSL

/// The search for one RSA prime factor, as a pure function of the octets drawn from a
/// ``RandomSource``: a seeded generator gives the same prime every run.
///
/// A candidate is drawn (top two bits set, so that the product of two such primes has
/// exactly the requested length; odd), then stepped by 2 past every value with a factor
/// among the small primes below 2^14, or with p ≡ 1 (mod e) (so that gcd(e, p-1) = 1 for
/// the prime e = 65537), and the survivors are tested with `BN_check_prime`. That test never
/// rejects a prime, and its own randomness only decides how a composite is caught, so the
/// prime accepted depends on the drawn octets alone. A search that would outgrow the bit
/// length draws a new candidate. (FIPS 186-5 §A.1.3 tests candidates in the same way; this
/// walk is the classic incremental search, which is fine for a teaching lab.)
enum RSAPrimeSearch {
    /// The public exponent e = 65537 (F4), the value RFC 8017 and practice use.
    static let publicExponent: UInt64 = 65_537

    /// The odd primes below 2^14, for the sieve.
    static let smallPrimes: [UInt64] = {
        let limit = 1 << 14
        var composite = [Bool](repeating: false, count: limit)
        var primes: [UInt64] = []
        for candidate in 3..<limit where candidate % 2 == 1 && !composite[candidate] {
            primes.append(UInt64(candidate))
            var multiple = candidate * candidate
            while multiple < limit {
                composite[multiple] = true
                multiple += 2 * candidate
            }
        }
        return primes
    }()

    /// How far one candidate is walked before a new one is drawn; a 1024-bit prime lies
    /// within a few thousand of almost any odd start.
    static let maximumWalk: UInt64 = 1 << 20

    /// A `bits`-bit prime p with p mod e ≠ 1, as a new secret `BIGNUM` (freed by the caller
    /// with `BN_clear_free`).
    static func prime(bits: Int, using random: RandomSource, context: OpaquePointer) throws(PrimitivesError) -> OpaquePointer {
        let subject = "RSA prime search"
        let octets = (bits + 7) / 8
        let excess = octets * 8 - bits
        while true {
            var drawn = random.bytes(octets)
            // Top two bits of the `bits`-bit number set, bits above it cleared, lowest bit set.
            drawn[0] &= UInt8(0xFF >> excess)
            drawn[0] |= UInt8(0xC0 >> excess)
            if excess == 7 { drawn[1] |= 0x80 }
            drawn[octets - 1] |= 1
            let candidate = try BigNumbers.make(drawn, secret: true, subject: subject)
            for index in drawn.indices { drawn[index] = 0 }
            if try walk(candidate, bits: bits, context: context, subject: subject) { return candidate }
            BN_clear_free(candidate)
        }
    }

    /// Steps `candidate` forward by 2 until it is prime (returns `true`, `candidate` now
    /// holding the prime) or would outgrow `bits` bits or the walk limit (returns `false`).
    private static func walk(_ candidate: OpaquePointer, bits: Int, context: OpaquePointer,
                             subject: String) throws(PrimitivesError) -> Bool {
        // Residues of the start modulo each small prime and modulo e, taken once.
        var residues = [UInt64](repeating: 0, count: smallPrimes.count)
        for (index, prime) in smallPrimes.enumerated() {
            let residue = BN_mod_word(candidate, UInt(prime))
            guard residue != UInt.max else { throw OpenSSLErrors.failure(subject, "BN_mod_word") }
            residues[index] = UInt64(residue)
        }
        let residueE = UInt64(BN_mod_word(candidate, UInt(publicExponent)))
        var offset: UInt64 = 0
        var tested: UInt64 = 0
        while offset < maximumWalk {
            if passesSieve(residues, residueE: residueE, offset: offset) {
                // Move the BIGNUM up to this offset and let OpenSSL decide.
                guard BN_add_word(candidate, UInt(offset - tested)) == 1 else {
                    throw OpenSSLErrors.failure(subject, "BN_add_word")
                }
                tested = offset
                guard Int(BN_num_bits(candidate)) == bits else { return false }
                let verdict = BN_check_prime(candidate, context, nil)
                guard verdict >= 0 else { throw OpenSSLErrors.failure(subject, "BN_check_prime") }
                if verdict == 1 { return true }
            }
            offset += 2
        }
        return false
    }

    /// Whether start + offset has no factor among the small primes and is not 1 mod e.
    private static func passesSieve(_ residues: [UInt64], residueE: UInt64, offset: UInt64) -> Bool {
        guard (residueE + offset) % publicExponent != 1 else { return false }
        for index in residues.indices where (residues[index] + offset) % smallPrimes[index] == 0 {
            return false
        }
        return true
    }
}
