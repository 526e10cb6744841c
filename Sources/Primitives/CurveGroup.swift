import COpenSSL

/// One OpenSSL `EC_GROUP` per curve, created on first use and kept for the life of the
/// process, with the constants that every point operation needs read out once.
///
/// `@unchecked Sendable` is sound: nothing writes to the group after `init`; OpenSSL's point
/// functions take it as `const EC_GROUP *`, and a group that is not modified may be used by
/// several threads at the same time. It is never freed.
final class CurveGroup: @unchecked Sendable {
    let group: OpaquePointer
    /// The field prime p, big-endian, coordinate-length octets.
    let fieldPrime: [UInt8]
    /// The order n of the generator, big-endian, coordinate-length octets.
    let order: [UInt8]
    /// Bits in n: 256, 384 or 521.
    let orderBits: Int
    /// The generator as an uncompressed SEC1 encoding.
    let generator: [UInt8]
    let coordinateLength: Int

    static let p256 = CurveGroup(.p256, nid: NID_X9_62_prime256v1)
    static let p384 = CurveGroup(.p384, nid: NID_secp384r1)
    static let p521 = CurveGroup(.p521, nid: NID_secp521r1)

    private init(_ curve: NISTCurve, nid: Int32) {
        // Invariant: OpenSSL 3 always builds in the NIST prime curves; without them nothing
        // elliptic in this module can work, so there is no caller to hand an error to.
        guard let group = EC_GROUP_new_by_curve_name(nid),
              let prime = BN_new()
        else { OpenSSLErrors.fatal("\(curve.displayName) group set-up") }
        defer { BN_free(prime) }
        let length = curve.coordinateLength
        guard EC_GROUP_get_curve(group, prime, nil, nil, nil) == 1,
              let order = EC_GROUP_get0_order(group),
              let generator = EC_GROUP_get0_generator(group),
              let fieldPrime = Self.bytes(prime, length: length),
              let orderBytes = Self.bytes(order, length: length)
        else { OpenSSLErrors.fatal("\(curve.displayName) group set-up") }
        self.group = group
        self.coordinateLength = length
        self.fieldPrime = fieldPrime
        self.order = orderBytes
        self.orderBits = Int(BN_num_bits(order))
        guard let encoded = Self.encode(generator, group: group, length: length, context: nil) else {
            OpenSSLErrors.fatal("\(curve.displayName) generator encoding")
        }
        self.generator = encoded
    }

    private static func bytes(_ number: OpaquePointer, length: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: length)
        return BN_bn2binpad(number, &out, Int32(length)) == Int32(length) ? out : nil
    }

    /// A new `EC_POINT` holding the point that `encoding` (any SEC1 form OpenSSL accepts)
    /// denotes; OpenSSL checks the curve equation (uncompressed) or finds y (compressed).
    /// The caller frees it with `EC_POINT_free`. Returns `nil` when OpenSSL rejects it.
    func decode(_ encoding: [UInt8], context: OpaquePointer?) -> OpaquePointer? {
        guard let point = EC_POINT_new(group) else { return nil }
        guard EC_POINT_oct2point(group, point, encoding, encoding.count, context) == 1 else {
            EC_POINT_free(point)
            return nil
        }
        return point
    }

    /// The uncompressed SEC1 encoding of a finite `point`, or `nil` if OpenSSL fails.
    func encode(_ point: OpaquePointer, context: OpaquePointer?) -> [UInt8]? {
        Self.encode(point, group: group, length: coordinateLength, context: context)
    }

    private static func encode(_ point: OpaquePointer, group: OpaquePointer, length: Int,
                               context: OpaquePointer?) -> [UInt8]? {
        var encoded = [UInt8](repeating: 0, count: 1 + 2 * length)
        let written = EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, &encoded, encoded.count, context)
        return written == encoded.count ? encoded : nil
    }
}
