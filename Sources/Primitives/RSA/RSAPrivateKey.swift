import COpenSSL

/// An RSA key pair for MIKEY-PK envelope decryption (RFC 3830 §4.2.9), DH-SIGN and RSA-R
/// signatures (RFC 3830 §4.2.7, RFC 4738), held by OpenSSL as an `EVP_PKEY`.
///
/// ``generate(bits:using:)`` makes the key from the octets of a ``RandomSource`` alone, so a
/// seeded run makes the same key every time. The private values live only in OpenSSL, which
/// clears them when the last copy of this value is released.
public struct RSAPrivateKey: Sendable {
    let key: OwnedPKey

    /// The public half (n, e).
    public let publicKey: RSAPublicKey

    /// The key sizes ``generate(bits:using:)`` accepts.
    public static let supportedBits = 512...8192

    /// A new key pair with a `bits`-bit modulus and e = 65537, as a pure function of the
    /// octets drawn from `random` (RFC 8017 §3.1, §3.2 second representation).
    ///
    /// Primes p and q of ⌈bits/2⌉ and ⌊bits/2⌋ bits come from ``RSAPrimeSearch``; then
    /// n = pq, d = e^-1 mod lcm(p-1, q-1), dP = d mod (p-1), dQ = d mod (q-1),
    /// qInv = q^-1 mod p, all in OpenSSL `BIGNUM`s, and the key is built with
    /// `EVP_PKEY_fromdata`.
    public static func generate(bits: Int, using random: RandomSource) throws(PrimitivesError) -> RSAPrivateKey {
        let subject = "RSA-\(bits) key generation"
        guard supportedBits.contains(bits) else {
            throw PrimitivesError(.outOfRange, subject, "modulus sizes \(supportedBits.lowerBound) to \(supportedBits.upperBound) bits are supported")
        }
        let context = try BigNumbers.context(subject: subject)
        defer { BN_CTX_free(context) }
        // The first factor gets the extra bit of an odd size; both have their top two bits set,
        // so n = pq has exactly `bits` bits.
        let first = try RSAPrimeSearch.prime(bits: (bits + 1) / 2, using: random, context: context)
        defer { BN_clear_free(first) }
        var second = try RSAPrimeSearch.prime(bits: bits / 2, using: random, context: context)
        // p = q would make n a square (and d meaningless): draw again, a few times; more than
        // that means the random source repeats itself.
        var draws = 1
        while BN_cmp(first, second) == 0 {
            BN_clear_free(second)
            guard draws < 8 else {
                throw PrimitivesError(.outOfRange, subject, "the random source gave the same prime \(draws + 1) times (p = q)")
            }
            second = try RSAPrimeSearch.prime(bits: bits / 2, using: random, context: context)
            draws += 1
        }
        defer { BN_clear_free(second) }
        // Conventionally p > q (RFC 8017 §3.2 does not require it; OpenSSL does not either).
        let (p, q) = BN_cmp(first, second) > 0 ? (first, second) : (second, first)
        let key = try assemble(p: p, q: q, bits: bits, context: context, subject: subject)
        return RSAPrivateKey(key: key, publicKey: try RSAPublicKey(key, subject: subject))
    }

    /// The `EVP_PKEY` of the key pair with primes `p` > `q` and e = 65537.
    private static func assemble(p: OpaquePointer, q: OpaquePointer, bits: Int, context: OpaquePointer,
                                 subject: String) throws(PrimitivesError) -> OwnedPKey {
        let n = try BigNumbers.make(subject: subject)
        let e = try BigNumbers.make(subject: subject)
        let pMinus1 = try BigNumbers.make(secret: true, subject: subject)
        let qMinus1 = try BigNumbers.make(secret: true, subject: subject)
        let gcd = try BigNumbers.make(secret: true, subject: subject)
        let lcm = try BigNumbers.make(secret: true, subject: subject)
        let d = try BigNumbers.make(secret: true, subject: subject)
        let dP = try BigNumbers.make(secret: true, subject: subject)
        let dQ = try BigNumbers.make(secret: true, subject: subject)
        let qInv = try BigNumbers.make(secret: true, subject: subject)
        defer { for number in [n, e, pMinus1, qMinus1, gcd, lcm, d, dP, dQ, qInv] { BN_clear_free(number) } }
        guard BN_set_word(e, UInt(RSAPrimeSearch.publicExponent)) == 1,
              BN_mul(n, p, q, context) == 1,
              BN_copy(pMinus1, p) != nil, BN_sub_word(pMinus1, 1) == 1,
              BN_copy(qMinus1, q) != nil, BN_sub_word(qMinus1, 1) == 1,
              // lcm(p-1, q-1) = (p-1)(q-1) / gcd(p-1, q-1).
              BN_gcd(gcd, pMinus1, qMinus1, context) == 1,
              BN_mul(lcm, pMinus1, qMinus1, context) == 1,
              BN_div(lcm, nil, lcm, gcd, context) == 1,
              // gcd(e, p-1) = gcd(e, q-1) = 1 was made sure by the prime search (p, q ≢ 1 mod e,
              // e prime), so the inverse exists.
              BN_mod_inverse(d, e, lcm, context) != nil,
              BN_div(nil, dP, d, pMinus1, context) == 1,
              BN_div(nil, dQ, d, qMinus1, context) == 1,
              BN_mod_inverse(qInv, q, p, context) != nil
        else { throw OpenSSLErrors.failure(subject, "RSA CRT parameter computation") }
        guard Int(BN_num_bits(n)) == bits else {
            throw PrimitivesError(.outOfRange, subject, "n has \(BN_num_bits(n)) bits, \(bits) expected")
        }

        guard let builder = OSSL_PARAM_BLD_new() else { throw OpenSSLErrors.failure(subject, "OSSL_PARAM_BLD_new") }
        defer { OSSL_PARAM_BLD_free(builder) }
        let entries: [(String, OpaquePointer)] = [
            (OSSL_PKEY_PARAM_RSA_N, n), (OSSL_PKEY_PARAM_RSA_E, e), (OSSL_PKEY_PARAM_RSA_D, d),
            // OSSL_PKEY_PARAM_RSA_FACTOR1 and friends are concatenated C literals, which Swift
            // does not import: their values are spelled out.
            ("rsa-factor1", p), ("rsa-factor2", q), ("rsa-exponent1", dP), ("rsa-exponent2", dQ),
            ("rsa-coefficient1", qInv),
        ]
        // The builder keeps the name pointers until OSSL_PARAM_BLD_to_param, so they are
        // copies that live until the end of this function, not temporary bridged strings.
        var names: [UnsafeMutablePointer<CChar>] = []
        defer { for name in names { CRYPTO_free(name, nil, 0) } }
        for (name, value) in entries {
            guard let copy = CRYPTO_strdup(name, nil, 0) else { throw OpenSSLErrors.failure(subject, "CRYPTO_strdup") }
            names.append(copy)
            guard OSSL_PARAM_BLD_push_BN(builder, copy, value) == 1 else {
                throw OpenSSLErrors.failure(subject, "OSSL_PARAM_BLD_push_BN")
            }
        }
        guard let parameters = OSSL_PARAM_BLD_to_param(builder) else {
            throw OpenSSLErrors.failure(subject, "OSSL_PARAM_BLD_to_param")
        }
        // The secret BIGNUMs went to the builder's secure block, which OSSL_PARAM_free clears.
        defer { OSSL_PARAM_free(parameters) }
        guard let keyContext = EVP_PKEY_CTX_new_from_name(nil, "RSA", nil) else {
            throw OpenSSLErrors.failure(subject, "EVP_PKEY_CTX_new_from_name")
        }
        defer { EVP_PKEY_CTX_free(keyContext) }
        var key: OpaquePointer?
        // EVP_PKEY_KEYPAIR, a composite macro Swift does not import, spelled out.
        let keyPair = OSSL_KEYMGMT_SELECT_PRIVATE_KEY | OSSL_KEYMGMT_SELECT_PUBLIC_KEY
            | OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS | OSSL_KEYMGMT_SELECT_OTHER_PARAMETERS
        guard EVP_PKEY_fromdata_init(keyContext) == 1,
              EVP_PKEY_fromdata(keyContext, &key, Int32(keyPair), parameters) == 1, let key
        else { throw OpenSSLErrors.failure(subject, "EVP_PKEY_fromdata") }
        return OwnedPKey(key)
    }

    /// The private exponent d, big-endian, `modulusOctets` octets: what the lab's ledger
    /// shows as the key's secret (a teaching view; the operations never need it out of
    /// OpenSSL).
    public func privateExponent() throws(PrimitivesError) -> [UInt8] {
        let subject = "RSA private exponent"
        var d: OpaquePointer?
        guard EVP_PKEY_get_bn_param(key.pointer, OSSL_PKEY_PARAM_RSA_D, &d) == 1, let d else {
            throw OpenSSLErrors.failure(subject, "EVP_PKEY_get_bn_param")
        }
        defer { BN_clear_free(d) }
        return try BigNumbers.octets(d, length: publicKey.modulusOctets, subject: subject)
    }

    /// RSAES-PKCS1-v1_5 decryption (RFC 8017 §7.2.2) of a `modulusOctets`-octet ciphertext.
    ///
    /// RSADP is OpenSSL's (raw, with blinding); the EME-PKCS1-v1_5 decoding is checked here
    /// and every defect gives the same error, as step 4 asks. A lab, not a hardened server:
    /// a caller that tells a wrong padding apart from later failures to a network peer is a
    /// Bleichenbacher oracle (RFC 8017 §7.2, note).
    public func decrypt(pkcs1v15 ciphertext: [UInt8]) throws(PrimitivesError) -> [UInt8] {
        let subject = "RSAES-PKCS1-v1_5 decryption"
        let k = publicKey.modulusOctets
        // Step 1: length checking.
        guard ciphertext.count == k, k >= 11 else {
            throw PrimitivesError(.wrongLength, subject, "\(k) octets expected for a \(publicKey.modulusBits)-bit key, got \(ciphertext.count)")
        }
        // Step 2: c = OS2IP(C), m = RSADP(K, c) (OpenSSL refuses c ≥ n), EM = I2OSP(m, k).
        let encoded: [UInt8]
        do {
            encoded = try key.raw(ciphertext, usingPrivateKey: true, subject: subject)
        } catch {
            throw PrimitivesError(.invalidEncoding, subject, "decryption error (the ciphertext is not below n)")
        }
        // Steps 3 and 4: EME-PKCS1-v1_5 decoding.
        guard let message = EMEPKCS1v15.decode(encoded) else {
            throw PrimitivesError(.invalidEncoding, subject, "decryption error (not a PKCS #1 v1.5 encryption block)")
        }
        return message
    }

    /// The RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.1) of `message` with `hash`:
    /// EMSA-PKCS1-v1_5 (§9.2) and RSASP1, `modulusOctets` octets. Deterministic.
    public func sign(_ message: [UInt8], hash: HashFunction) throws(PrimitivesError) -> [UInt8] {
        let subject = "RSASSA-PKCS1-v1_5 \(hash.displayName) signing"
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrors.failure(subject, "EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        // EVP_DigestSign with an RSA key defaults to PKCS #1 v1.5 padding.
        guard EVP_DigestSignInit_ex(context, nil, hash.openSSLName, nil, nil, key.pointer, nil) == 1 else {
            throw OpenSSLErrors.failure(subject, "EVP_DigestSignInit_ex")
        }
        var length = publicKey.modulusOctets
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1, length == signature.count else {
            throw OpenSSLErrors.failure(subject, "EVP_DigestSign")
        }
        return signature
    }
}
