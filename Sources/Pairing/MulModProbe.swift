import CGMP

/// The unit of cost for `mikey-ibake bench`: one GMP modular multiplication
/// (`mpz_mul` then `mpz_mod`) at a given modulus size, timed on this machine.
/// Dividing an operation's time by it gives "mulmod-equivalents", a figure that
/// stays comparable across machines.
public enum MulModProbe {
    /// Runs `count` multiplications modulo `modulus` on full-size operands and
    /// returns how long they took.
    public static func time(modulus: BigInt, count: Int) -> Duration {
        let scratch = GMPScratch(count: 4, bits: 2 * modulus.bitWidth + 64)
        let (p, a, b, product) = (scratch[0], scratch[1], scratch[2], scratch[3])
        __gmpz_set(p, modulus.mpz)
        // Fixed full-width operands: p - 2 and p - 3 keep every product the size of p^2.
        __gmpz_sub_ui(a, p, 2)
        __gmpz_sub_ui(b, p, 3)
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<count {
            __gmpz_mul(product, a, b)
            __gmpz_mod(a, product, p)
        }
        return clock.now - start
    }
}
