/// The NIST prime curves MIKEY-IBAKE may use for its Diffie-Hellman values (PROFILE D5),
/// with OpenSSL doing the arithmetic. All three have cofactor 1, so every finite point on
/// the curve lies in the group of prime order ``order``.
///
/// The raw values (`p256`, `p384`, `p521`) are the names parameter files and options use.
public enum NISTCurve: String, CaseIterable, Sendable {
    case p256, p384, p521

    /// The FIPS 186 name, for example `P-256`.
    public var displayName: String {
        switch self {
        case .p256: "P-256"
        case .p384: "P-384"
        case .p521: "P-521"
        }
    }

    /// The value of the ECC Curve field of an ECCPT sub-payload: RFC 6267 §6.1.4 and its
    /// ECC Curve registry (ECPRGF256Random = 8, ECPRGF384Random = 11, ECPRGF521Random = 14).
    public var mikeyIdentifier: UInt8 {
        switch self {
        case .p256: 8
        case .p384: 11
        case .p521: 14
        }
    }

    /// The curve an ECCPT ECC Curve value names, or `nil` for values this profile does not support.
    public init?(mikeyIdentifier: UInt8) {
        guard let curve = Self.allCases.first(where: { $0.mikeyIdentifier == mikeyIdentifier }) else { return nil }
        self = curve
    }

    /// Octets in one field element, as SEC 1 §2.3.5 encodes it: 32, 48 or 66.
    public var coordinateLength: Int {
        switch self {
        case .p256: 32
        case .p384: 48
        case .p521: 66
        }
    }

    /// The base point G.
    public var generator: ECPoint { ECPoint(curve: self, validatedUncompressed: group.generator) }

    /// The order n of G, big-endian, ``coordinateLength`` octets.
    public var order: [UInt8] { group.order }

    /// The field prime p, big-endian, ``coordinateLength`` octets.
    public var fieldPrime: [UInt8] { group.fieldPrime }

    /// The cached OpenSSL group of this curve.
    var group: CurveGroup {
        switch self {
        case .p256: CurveGroup.p256
        case .p384: CurveGroup.p384
        case .p521: CurveGroup.p521
        }
    }
}
