import Primitives

/// The HDR `PRF func`: the pseudo-random function every key derivation of the exchange
/// uses (RFC 3830 §6.1 Table 6.1.c, extended by RFC 6043 §6.1). PROFILE D7: PRF-HMAC-SHA-256
/// by default, MIKEY-1 selectable.
public enum PRFFunction: UInt8, MIKEYRegistry {
    /// MIKEY-1: the P-function of RFC 3830 §4.1.2 over HMAC-SHA-1.
    case mikey1 = 0
    /// PRF-HMAC-SHA-256: the same construction over HMAC-SHA-256 (RFC 6043 §6.1).
    case hmacSHA256 = 1

    public static let registryName = "PRF func"

    public var name: String {
        switch self {
        case .mikey1: "MIKEY-1"
        case .hmacSHA256: "PRF-HMAC-SHA-256"
        }
    }

    public var definedIn: SpecReference {
        switch self {
        case .mikey1: .rfc(3830, "4.1.2")
        case .hmacSHA256: .rfc(6043, "6.1")
        }
    }

    /// The hash under the HMAC of the P-function: SHA-1 or SHA-256.
    public var hash: HashFunction {
        switch self {
        case .mikey1: .sha1
        case .hmacSHA256: .sha256
        }
    }
}

/// The HDR `CS ID map type`: how the crypto sessions of the bundle are described
/// (RFC 3830 §6.1, RFC 4563, RFC 6043 §6.1.1).
public enum CSIDMapType: UInt8, MIKEYRegistry {
    /// One 9-octet entry per crypto session: policy number, SSRC, ROC (RFC 3830 §6.1.1).
    case srtpID = 0
    /// No map information at all (RFC 4563); REQUEST_KEY uses it with #CS = 0.
    case empty = 1
    /// Self-describing entries with their own CS ID, protocol and policies (RFC 6043 §6.1.1).
    case genericID = 2

    public static let registryName = "CS ID map type"

    public var name: String {
        switch self {
        case .srtpID: "SRTP-ID"
        case .empty: "Empty map"
        case .genericID: "GENERIC-ID"
        }
    }

    public var definedIn: SpecReference {
        switch self {
        case .srtpID: .rfc(3830, "6.1.1")
        case .empty: .rfc(4563)
        case .genericID: .rfc(6043, "6.1.1")
        }
    }
}
