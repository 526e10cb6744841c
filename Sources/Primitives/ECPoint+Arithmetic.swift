import COpenSSL

/// Point arithmetic, done by OpenSSL on the cached group of the curve. Each operation loads
/// its operands into fresh `EC_POINT`s, computes, and encodes the result back.
extension ECPoint {
    /// `[k]P` for the big-endian integer `scalar` (any length; OpenSSL reduces it modulo the
    /// order n, so `[k]P = [k mod n]P`). OpenSSL's constant-time ladder is used, as the
    /// scalar is usually a secret; its BIGNUM copy is wiped afterwards.
    ///
    /// - Throws: ``PrimitivesError`` of kind `.pointAtInfinity` when `k` is a multiple of n
    ///   (zero and the empty scalar included).
    public func multiplied(by scalar: [UInt8]) throws(PrimitivesError) -> ECPoint {
        let subject = "\(curve.displayName) scalar multiplication"
        let group = curve.group
        guard let scalarLength = Int32(exactly: scalar.count) else {
            throw PrimitivesError(.wrongLength, subject, "scalar of at most \(Int32.max) octets expected, got \(scalar.count)")
        }
        guard let context = BN_CTX_new() else { throw OpenSSLErrors.failure(subject, "BN_CTX_new") }
        defer { BN_CTX_free(context) }
        guard let point = group.decode(encoding, context: context) else {
            throw OpenSSLErrors.failure(subject, "loading the point")
        }
        defer { EC_POINT_free(point) }
        guard let k = scalar.withUnsafeBufferPointer({ BN_bin2bn($0.baseAddress, scalarLength, nil) }) else {
            throw OpenSSLErrors.failure(subject, "loading the scalar")
        }
        defer { BN_clear_free(k) }
        BN_set_flags(k, BN_FLG_CONSTTIME)
        guard let product = EC_POINT_new(group.group) else { throw OpenSSLErrors.failure(subject, "EC_POINT_new") }
        defer { EC_POINT_free(product) }
        guard EC_POINT_mul(group.group, product, nil, point, k, context) == 1 else {
            throw OpenSSLErrors.failure(subject, "EC_POINT_mul")
        }
        return try Self.finite(product, on: curve, context: context, subject: subject,
                               infinity: "the product is the point at infinity (the scalar is a multiple of the order n)")
    }

    /// `P + Q`.
    ///
    /// - Throws: ``PrimitivesError`` of kind `.pointAtInfinity` when `Q = -P`, or
    ///   `.mismatchedCurves` when the points lie on different curves.
    public func adding(_ other: ECPoint) throws(PrimitivesError) -> ECPoint {
        let subject = "\(curve.displayName) point addition"
        guard other.curve == curve else {
            throw PrimitivesError(.mismatchedCurves, subject, "the other point is on \(other.curve.displayName)")
        }
        let group = curve.group
        guard let context = BN_CTX_new() else { throw OpenSSLErrors.failure(subject, "BN_CTX_new") }
        defer { BN_CTX_free(context) }
        guard let p = group.decode(encoding, context: context) else {
            throw OpenSSLErrors.failure(subject, "loading the point")
        }
        defer { EC_POINT_free(p) }
        guard let q = group.decode(other.encoding, context: context) else {
            throw OpenSSLErrors.failure(subject, "loading the point")
        }
        defer { EC_POINT_free(q) }
        // EC_POINT_add handles P = Q (doubling) itself.
        guard EC_POINT_add(group.group, p, p, q, context) == 1 else {
            throw OpenSSLErrors.failure(subject, "EC_POINT_add")
        }
        return try Self.finite(p, on: curve, context: context, subject: subject,
                               infinity: "the sum is the point at infinity (the points are each other's negation)")
    }

    /// `-P`, the point with the same x and the other y (p - y).
    public func negated() -> ECPoint {
        // Invariant: the point was validated when made, so loading it, negating it (y is below
        // p and never 0 on a prime-order curve) and encoding the result can fail only when
        // memory is exhausted.
        let group = curve.group
        guard let point = group.decode(encoding, context: nil) else { OpenSSLErrors.fatal("EC point load") }
        defer { EC_POINT_free(point) }
        guard EC_POINT_invert(group.group, point, nil) == 1,
              let encoded = group.encode(point, context: nil)
        else { OpenSSLErrors.fatal("EC point negation") }
        return ECPoint(curve: curve, validatedUncompressed: encoded)
    }

    /// The point `point` as an ``ECPoint``, or an error if it is the point at infinity.
    private static func finite(_ point: OpaquePointer, on curve: NISTCurve, context: OpaquePointer,
                               subject: String, infinity: String) throws(PrimitivesError) -> ECPoint {
        guard EC_POINT_is_at_infinity(curve.group.group, point) == 0 else {
            throw PrimitivesError(.pointAtInfinity, subject, infinity)
        }
        guard let encoded = curve.group.encode(point, context: context) else {
            throw OpenSSLErrors.failure(subject, "encoding the result")
        }
        return ECPoint(curve: curve, validatedUncompressed: encoded)
    }
}
