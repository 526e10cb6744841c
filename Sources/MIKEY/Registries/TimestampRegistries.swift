/// The `TS type` of T and TR payloads (RFC 3830 §6.6 Table 6.6, extended by RFC 6043).
public enum TimestampType: UInt8, MIKEYRegistry {
    /// 64-bit NTP format, UTC (mandatory; PROFILE D10).
    case ntpUTC = 0
    /// 64-bit NTP format, local time.
    case ntp = 1
    /// A 32-bit counter.
    case counter = 2
    /// The 32-bit seconds part of NTP-UTC (RFC 6043).
    case ntpUTC32 = 3

    public static let registryName = "TS type"

    public var name: String {
        switch self {
        case .ntpUTC: "NTP-UTC"
        case .ntp: "NTP"
        case .counter: "COUNTER"
        case .ntpUTC32: "NTP-UTC-32"
        }
    }

    public var definedIn: SpecReference { self == .ntpUTC32 ? .rfc(6043) : .rfc(3830, "6.6") }

    /// Octets in the TS value: 8 for the NTP forms, 4 for COUNTER and NTP-UTC-32.
    public var valueLength: Int { self == .ntpUTC || self == .ntp ? 8 : 4 }
}

/// The `TS Role` of a TR payload (RFC 6043 §6.4).
public enum TimestampRole: UInt8, MIKEYRegistry {
    case timeOfIssue = 1
    case startOfValidity = 2
    case endOfValidity = 3
    case rekeyingInterval = 4

    public static let registryName = "TS Role"

    public var name: String {
        switch self {
        case .timeOfIssue: "Time of issue (TRi)"
        case .startOfValidity: "Start of validity period (TRs)"
        case .endOfValidity: "End of validity period (TRe)"
        case .rekeyingInterval: "Rekeying interval (TRr)"
        }
    }

    public var definedIn: SpecReference { .rfc(6043, "6.4") }
}

/// The `RAND Role` of a RANDR payload (RFC 6043 §6.8).
public enum RANDRole: UInt8, MIKEYRegistry {
    case initiator = 1
    case responder = 2
    case kms = 3

    public static let registryName = "RAND Role"

    public var name: String {
        switch self {
        case .initiator: "Initiator (RANDRi)"
        case .responder: "Responder (RANDRr)"
        case .kms: "KMS (RANDRkms)"
        }
    }

    public var definedIn: SpecReference { .rfc(6043, "6.8") }
}
