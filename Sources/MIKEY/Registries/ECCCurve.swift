import Primitives

/// The ECCPT `ECC Curve` registry that RFC 6267 §6.1.4 creates: the SECG curves by number.
///
/// PROFILE D5: only P-256 (8), P-384 (11) and P-521 (14) are supported (``nistCurve``);
/// the decoder refuses an ECCPT on any other curve, since it cannot check the point.
/// One private-use value (RFC 6267 §8: 240-254) is this lab's: the toy parameter set's
/// own tiny group (PROFILE D4), whose points the IBAKE layer checks.
public enum ECCCurve: UInt8, MIKEYRegistry {
    case p192 = 1
    case b163 = 2
    case k163 = 3
    case sect163r1 = 4
    case p224 = 5
    case b233 = 6
    case k233 = 7
    case p256 = 8
    case b283 = 9
    case k283 = 10
    case p384 = 11
    case b409 = 12
    case k409 = 13
    case p521 = 14
    case b571 = 15
    case k571 = 16
    /// Private use: the toy set's order-q subgroup of its type-1 curve (PROFILE D4). INSECURE.
    case labToy = 240

    /// Octets per coordinate of a ``labToy`` point (the toy set's p is below 2^32).
    public static let labToyCoordinateLength = 4

    public static let registryName = "ECC Curve"

    /// The NIST name, or the SEC name for the curve NIST does not name (sect163r1).
    public var name: String {
        switch self {
        case .p192: "P-192"
        case .b163: "B-163"
        case .k163: "K-163"
        case .sect163r1: "sect163r1"
        case .p224: "P-224"
        case .b233: "B-233"
        case .k233: "K-233"
        case .p256: "P-256"
        case .b283: "B-283"
        case .k283: "K-283"
        case .p384: "P-384"
        case .b409: "B-409"
        case .k409: "K-409"
        case .p521: "P-521"
        case .b571: "B-571"
        case .k571: "K-571"
        case .labToy: "toy group"
        }
    }

    /// The registry's full description: SECG name / NIST name / SEC name.
    public var registryDescription: String {
        switch self {
        case .p192: "ECPRGF192Random / P-192 / secp192r1"
        case .b163: "EC2NGF163Random / B-163 / sect163r2"
        case .k163: "EC2NGF163Koblitz / K-163 / sect163k1"
        case .sect163r1: "EC2NGF163Random2 / none / sect163r1"
        case .p224: "ECPRGF224Random / P-224 / secp224r1"
        case .b233: "EC2NGF233Random / B-233 / sect233r1"
        case .k233: "EC2NGF233Koblitz / K-233 / sect233k1"
        case .p256: "ECPRGF256Random / P-256 / secp256r1"
        case .b283: "EC2NGF283Random / B-283 / sect283r1"
        case .k283: "EC2NGF283Koblitz / K-283 / sect283k1"
        case .p384: "ECPRGF384Random / P-384 / secp384r1"
        case .b409: "EC2NGF409Random / B-409 / sect409r1"
        case .k409: "EC2NGF409Koblitz / K-409 / sect409k1"
        case .p521: "ECPRGF521Random / P-521 / secp521r1"
        case .b571: "EC2NGF571Random / B-571 / sect571r1"
        case .k571: "EC2NGF571Koblitz / K-571 / sect571k1"
        case .labToy: "private use: MIKEY-IBAKE Lab toy type-1 group (INSECURE)"
        }
    }

    public var definedIn: SpecReference { self == .labToy ? .profile("D4") : .rfc(6267, "6.1.4") }

    /// Curves read name first, for example `P-256 (8)`.
    public var inWords: String { "\(name) (\(rawValue))" }

    /// The curve the Primitives module computes on, for the three this profile supports.
    public var nistCurve: NISTCurve? { NISTCurve(mikeyIdentifier: rawValue) }

    /// The registry entry of a supported curve (PROFILE D5).
    public init(_ curve: NISTCurve) {
        switch curve {
        case .p256: self = .p256
        case .p384: self = .p384
        case .p521: self = .p521
        }
    }
}
