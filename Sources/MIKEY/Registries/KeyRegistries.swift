/// The `Type` of a Key data sub-payload (RFC 3830 §6.13, extended by RFC 6043 and
/// RFC 6267, which adds K_PR for the private key a KMS delivers).
public enum KeyDataType: UInt8, MIKEYRegistry {
    case tgk = 0
    case tgkWithSalt = 1
    case tek = 2
    case tekWithSalt = 3
    case gtgk = 4
    case gtgkWithSalt = 5
    case mpk = 6
    /// The user's IBE private key (RFC 6267; PROFILE D11: S_id as 0x04 || x || y).
    case privateKey = 7

    public static let registryName = "Type"

    public var name: String {
        switch self {
        case .tgk: "TGK"
        case .tgkWithSalt: "TGK+SALT"
        case .tek: "TEK"
        case .tekWithSalt: "TEK+SALT"
        case .gtgk: "GTGK"
        case .gtgkWithSalt: "GTGK+SALT"
        case .mpk: "MPK"
        case .privateKey: "K_PR"
        }
    }

    public var definedIn: SpecReference {
        switch rawValue {
        case 0...3: .rfc(3830, "6.13")
        case 4...6: .rfc(6043)
        default: .rfc(6267, "6.1")
        }
    }

    /// Whether the sub-payload carries `Salt len` and `Salt data` (the `+SALT` types).
    public var carriesSalt: Bool { self == .tgkWithSalt || self == .tekWithSalt || self == .gtgkWithSalt }
}

/// The `KV` (key validity) type of Key data, DH, SK and ECCPT (RFC 3830 §6.13, §6.14).
public enum KeyValidityType: UInt8, MIKEYRegistry {
    case null = 0
    /// A Security Parameter Index or SRTP Master Key Identifier.
    case spi = 1
    /// A validity interval, for SRTP two packet indexes (ValidFrom, ValidTo).
    case interval = 2

    public static let registryName = "KV"

    public var name: String {
        switch self {
        case .null: "Null"
        case .spi: "SPI/MKI"
        case .interval: "Interval"
        }
    }

    public var definedIn: SpecReference { .rfc(3830, "6.14") }
}

/// The `Type` of an SK sub-payload (RFC 6267 §6.1.5, "SK sub-payload" registry).
public enum SecretKeyType: UInt8, MIKEYRegistry {
    /// A secret key for content protection (PROFILE D12).
    case secretKey = 1

    public static let registryName = "SK Type"

    public var name: String { "Secret Key (SK)" }

    public var definedIn: SpecReference { .rfc(6267, "6.1.5") }
}
