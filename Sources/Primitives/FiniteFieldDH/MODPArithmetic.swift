import COpenSSL

/// The modular arithmetic behind ``MODPPrivateKey``, in OpenSSL `BIGNUM`s.
enum MODPArithmetic {
    /// g = 2 as one octet.
    static let generator: [UInt8] = [UInt8(MODPGroup.generator)]

    /// Whether 1 < `value` < p - 1, with `value` big-endian.
    static func isInside(_ value: [UInt8], group: MODPGroup, subject: String) throws(PrimitivesError) -> Bool {
        let number = try BigNumbers.make(value, secret: true, subject: subject)
        let limit = try BigNumbers.make(group.primeOctets, subject: subject)
        defer { BN_clear_free(number); BN_free(limit) }
        guard BN_sub_word(limit, 1) == 1 else { throw OpenSSLErrors.failure(subject, "BN_sub_word") }
        // BN_is_zero and BN_is_one are functions in OpenSSL 3; BN_cmp is not constant-time,
        // which leaks only whether a drawn exponent is rejected (negligibly rare).
        return BN_is_zero(number) == 0 && BN_is_one(number) == 0 && BN_cmp(number, limit) < 0
    }

    /// `base`^`exponent` mod p, left-padded to the length of p, with the exponent treated as
    /// secret (`BN_mod_exp_mont_consttime`).
    static func power(_ base: [UInt8], _ exponent: UnsafeRawBufferPointer, group: MODPGroup,
                      subject: String) throws(PrimitivesError) -> [UInt8] {
        let context = try BigNumbers.context(subject: subject)
        defer { BN_CTX_free(context) }
        let x = try BigNumbers.make(secret: true, subject: subject)
        defer { BN_clear_free(x) }
        guard BN_bin2bn(exponent.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(exponent.count), x) != nil else {
            throw OpenSSLErrors.failure(subject, "BN_bin2bn")
        }
        let b = try BigNumbers.make(base, subject: subject)
        let p = try BigNumbers.make(group.primeOctets, subject: subject)
        let result = try BigNumbers.make(secret: true, subject: subject)
        defer { BN_free(b); BN_free(p); BN_clear_free(result) }
        guard BN_mod_exp_mont_consttime(result, b, x, p, context, nil) == 1 else {
            throw OpenSSLErrors.failure(subject, "BN_mod_exp_mont_consttime")
        }
        return try BigNumbers.octets(result, length: group.primeOctets.count, subject: subject)
    }
}
