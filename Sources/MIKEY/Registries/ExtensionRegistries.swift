/// The General Extension payload's `Type` (RFC 3830 §6.15, extended by RFC 4442,
/// RFC 4563, RFC 4738 and RFC 4909).
public enum GeneralExtensionType: UInt8, MIKEYRegistry {
    case vendorID = 0
    case sdpIDs = 1
    case teslaIKey = 2
    case keyID = 3
    case csbID = 4
    case omaBCAST = 5

    public static let registryName = "Type"

    public var name: String {
        switch self {
        case .vendorID: "Vendor ID"
        case .sdpIDs: "SDP IDs"
        case .teslaIKey: "TESLA I-Key"
        case .keyID: "Key ID"
        case .csbID: "CSB_ID"
        case .omaBCAST: "OMA BCAST"
        }
    }

    public var definedIn: SpecReference {
        switch self {
        case .vendorID, .sdpIDs: .rfc(3830, "6.15")
        case .teslaIKey: .rfc(4442)
        case .keyID: .rfc(4563)
        case .csbID: .rfc(4738)
        case .omaBCAST: .rfc(4909)
        }
    }
}

/// The SAKKE payload's `SAKKE params` (RFC 6509 §4.2).
public enum SAKKEParameterSet: UInt8, MIKEYRegistry {
    case parameterSet1 = 1

    public static let registryName = "SAKKE params"
    public var name: String { "Parameter Set 1" }
    public var definedIn: SpecReference { .rfc(6509, "4.2") }
}

/// The SAKKE payload's `ID scheme` (RFC 6509 §4.2).
public enum SAKKEIDScheme: UInt8, MIKEYRegistry {
    case telURIWithMonthlyKeys = 1

    public static let registryName = "ID scheme"
    public var name: String { "tel URI with monthly keys" }
    public var definedIn: SpecReference { .rfc(6509, "4.2") }
}
