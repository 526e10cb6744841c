import COpenSSL

extension NISTCurve {
    /// `[k]G` for the curve's generator G and the big-endian integer `scalar` (reduced modulo
    /// n). OpenSSL multiplies the generator from its precomputed tables (P-256: the constant-
    /// time nistz256 code), several times faster than `generator.multiplied(by:)`. The
    /// scalar is treated as a secret and its BIGNUM copy wiped.
    ///
    /// - Throws: ``PrimitivesError`` of kind `.pointAtInfinity` when `k` is a multiple of n.
    public func multiplyGenerator(by scalar: [UInt8]) throws(PrimitivesError) -> ECPoint {
        try linearCombination(generatorScalar: scalar, point: nil, scalar: [], secret: true,
                              subject: "\(displayName) generator multiplication")
    }

    /// `[a]G + [b]P` in one OpenSSL call (`EC_POINT_mul` with both scalars: interleaved,
    /// as ECDSA verification does), for public scalars: not constant-time.
    ///
    /// - Throws: ``PrimitivesError`` of kind `.pointAtInfinity` when the sum is the point at
    ///   infinity, `.mismatchedCurves` when P lies on another curve.
    public func linearCombination(generatorScalar a: [UInt8], point: ECPoint, scalar b: [UInt8]) throws(PrimitivesError) -> ECPoint {
        let subject = "\(displayName) [a]G + [b]P"
        guard point.curve == self else {
            throw PrimitivesError(.mismatchedCurves, subject, "the point is on \(point.curve.displayName)")
        }
        return try linearCombination(generatorScalar: a, point: point, scalar: b, secret: false, subject: subject)
    }

    private func linearCombination(generatorScalar a: [UInt8], point: ECPoint?, scalar b: [UInt8], secret: Bool,
                                   subject: String) throws(PrimitivesError) -> ECPoint {
        guard let context = BN_CTX_new() else { throw OpenSSLErrors.failure(subject, "BN_CTX_new") }
        defer { BN_CTX_free(context) }
        let k = try Self.bignum(a, subject: subject, secret: secret)
        defer { BN_clear_free(k) }
        guard let result = EC_POINT_new(group.group) else { throw OpenSSLErrors.failure(subject, "EC_POINT_new") }
        defer { EC_POINT_free(result) }
        if let point {
            guard let loaded = group.decode(point.encoding, context: context) else {
                throw OpenSSLErrors.failure(subject, "loading the point")
            }
            defer { EC_POINT_free(loaded) }
            let m = try Self.bignum(b, subject: subject, secret: secret)
            defer { BN_clear_free(m) }
            guard EC_POINT_mul(group.group, result, k, loaded, m, context) == 1 else {
                throw OpenSSLErrors.failure(subject, "EC_POINT_mul")
            }
        } else {
            guard EC_POINT_mul(group.group, result, k, nil, nil, context) == 1 else {
                throw OpenSSLErrors.failure(subject, "EC_POINT_mul")
            }
        }
        guard EC_POINT_is_at_infinity(group.group, result) == 0 else {
            throw PrimitivesError(.pointAtInfinity, subject, "the result is the point at infinity")
        }
        guard let encoded = group.encode(result, context: context) else {
            throw OpenSSLErrors.failure(subject, "encoding the result")
        }
        return ECPoint(curve: self, validatedUncompressed: encoded)
    }

    /// A new BIGNUM holding the big-endian `octets`; the caller frees it with `BN_clear_free`.
    private static func bignum(_ octets: [UInt8], subject: String, secret: Bool) throws(PrimitivesError) -> OpaquePointer {
        guard let length = Int32(exactly: octets.count) else {
            throw PrimitivesError(.wrongLength, subject, "scalar of at most \(Int32.max) octets expected, got \(octets.count)")
        }
        guard let number = octets.withUnsafeBufferPointer({ BN_bin2bn($0.baseAddress, length, nil) }) else {
            throw OpenSSLErrors.failure(subject, "loading a scalar")
        }
        if secret { BN_set_flags(number, BN_FLG_CONSTTIME) }
        return number
    }
}
