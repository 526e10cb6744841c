import CGMP

extension BigInt {
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt { BigInt { __gmpz_add($0, lhs.mpz, rhs.mpz) } }
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt { BigInt { __gmpz_sub($0, lhs.mpz, rhs.mpz) } }
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt { BigInt { __gmpz_mul($0, lhs.mpz, rhs.mpz) } }

    public static prefix func - (value: BigInt) -> BigInt { BigInt { __gmpz_neg($0, value.mpz) } }

    /// The quotient rounded toward zero. `divisor` must not be zero.
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt {
        precondition(!rhs.isZero, "BigInt division by zero")
        return BigInt { __gmpz_tdiv_q($0, lhs.mpz, rhs.mpz) }
    }

    /// The quotient when `divisor` is known to divide exactly (docs/IBE-NOTES.md N13: (p+1)/q,
    /// (2p-1)/3, (p+1)/4 are exact). Faster than `/`; wrong if the division is not exact.
    public func dividedExactly(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "BigInt division by zero")
        return BigInt { __gmpz_divexact($0, mpz, divisor.mpz) }
    }

    /// The least non-negative residue modulo `modulus` (> 0).
    public func modulo(_ modulus: BigInt) -> BigInt {
        precondition(modulus > .zero, "modulus must be positive")
        return BigInt { __gmpz_mod($0, mpz, modulus.mpz) }
    }

    /// self^exponent mod modulus, for exponent >= 0 and modulus > 0.
    public func power(_ exponent: BigInt, modulo modulus: BigInt) -> BigInt {
        precondition(!exponent.isNegative && modulus > .zero, "power needs exponent >= 0 and modulus > 0")
        return BigInt { __gmpz_powm($0, mpz, exponent.mpz, modulus.mpz) }
    }

    /// self^exponent.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "negative exponent")
        return BigInt { __gmpz_pow_ui($0, mpz, UInt(exponent)) }
    }

    /// The inverse modulo `modulus`, or nil when none exists.
    public func inverse(modulo modulus: BigInt) -> BigInt? {
        let result = BigInt.Storage()
        guard __gmpz_invert(result.z, mpz, modulus.mpz) != 0 else { return nil }
        return BigInt(storage: result)
    }

    /// self * 2^count.
    public func shiftedLeft(by count: Int) -> BigInt { BigInt { __gmpz_mul_2exp($0, mpz, mp_bitcnt_t(count)) } }

    /// self / 2^count, rounded toward minus infinity.
    public func shiftedRight(by count: Int) -> BigInt { BigInt { __gmpz_fdiv_q_2exp($0, mpz, mp_bitcnt_t(count)) } }

    /// GMP's Baillie-PSW plus `rounds` Miller-Rabin rounds: a composite passes with
    /// probability below 4^-rounds.
    public func isProbablePrime(rounds: Int = 40) -> Bool {
        __gmpz_probab_prime_p(mpz, Int32(rounds)) > 0
    }

    /// The Jacobi symbol (self / modulus) for odd positive `modulus`: 1, -1 or 0.
    public func jacobiSymbol(modulo modulus: BigInt) -> Int {
        Int(__gmpz_jacobi(mpz, modulus.mpz))
    }

    /// self mod m for a small m > 0.
    public func remainder(dividingBy m: UInt) -> UInt {
        __gmpz_fdiv_ui(mpz, m)
    }
}

extension BigInt {
    init(storage: Storage) { self.storage = storage }
}
