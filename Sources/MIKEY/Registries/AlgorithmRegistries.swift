import Primitives

/// The KEMAC `Encr alg` (RFC 3830 §6.2 Table 6.2.a, extended by RFC 6043 §6.2).
public enum EncryptionAlgorithm: UInt8, MIKEYRegistry {
    case null = 0
    /// AES-128 in counter mode with the IV of RFC 3830 §4.2.3 (mandatory).
    case aesCM128 = 1
    /// AES-128 key wrap (RFC 3394) with the 64-bit salt as IV (RFC 3830 §4.2.3).
    case aesKW128 = 2
    /// AES-256 in counter mode (RFC 6043 §6.2).
    case aesCM256 = 3

    public static let registryName = "Encr alg"

    public var name: String {
        switch self {
        case .null: "NULL"
        case .aesCM128: "AES-CM-128"
        case .aesKW128: "AES-KW-128"
        case .aesCM256: "AES-CM-256"
        }
    }

    public var definedIn: SpecReference {
        self == .aesCM256 ? .rfc(6043, "6.2") : .rfc(3830, "4.2.3")
    }

    /// Octets of encr_key this algorithm takes (RFC 3830 §4.1.4): 16, 32, or 0 for NULL.
    public var keyLength: Int {
        switch self {
        case .null: 0
        case .aesCM128, .aesKW128: 16
        case .aesCM256: 32
        }
    }

    /// Octets of salt_key this algorithm takes (RFC 3830 §4.2.3): 14 (112 bits) for the
    /// counter modes, 8 (the 64-bit key-wrap IV) for AES-KW, none for NULL.
    public var saltLength: Int {
        switch self {
        case .null: 0
        case .aesCM128, .aesCM256: 14
        case .aesKW128: 8
        }
    }
}

/// The `MAC alg` of KEMAC and the `Auth alg` of V (RFC 3830 §6.2 Table 6.2.b, extended by
/// RFC 6043 §6.2). RFC 6267 §6.1.4 reuses it for the ECCPT `Auth alg`.
public enum MACAlgorithm: UInt8, MIKEYRegistry {
    case null = 0
    /// HMAC-SHA-1 with the full 160-bit tag (mandatory; RFC 3830 §4.2.4).
    case hmacSHA1_160 = 1
    /// HMAC-SHA-256 with the full 256-bit tag (RFC 6043 §6.2).
    case hmacSHA256_256 = 2

    public static let registryName = "MAC alg"

    public var name: String {
        switch self {
        case .null: "NULL"
        case .hmacSHA1_160: "HMAC-SHA-1-160"
        case .hmacSHA256_256: "HMAC-SHA-256-256"
        }
    }

    public var definedIn: SpecReference {
        self == .hmacSHA256_256 ? .rfc(6043, "6.2") : .rfc(3830, "4.2.4")
    }

    /// The hash under the HMAC, or `nil` for NULL.
    public var hash: HashFunction? {
        switch self {
        case .null: nil
        case .hmacSHA1_160: .sha1
        case .hmacSHA256_256: .sha256
        }
    }

    /// Octets in the MAC field: 0, 20 or 32. Also the auth_key length (RFC 3830 §4.1.4:
    /// the key is as long as the hash output).
    public var macLength: Int { hash?.digestLength ?? 0 }
}

/// The PKE `C` field: whether the envelope key may be cached (RFC 3830 §6.3).
public enum EnvelopeKeyCache: UInt8, MIKEYRegistry {
    case noCache = 0
    case cache = 1
    case cacheForCSB = 2

    public static let registryName = "C"

    public var name: String {
        switch self {
        case .noCache: "No cache"
        case .cache: "Cache"
        case .cacheForCSB: "Cache for CSB"
        }
    }

    public var definedIn: SpecReference { .rfc(3830, "6.3") }
}

/// The DH payload's `DH-Group` (RFC 3830 §6.4 Table 6.4).
public enum DHGroup: UInt8, MIKEYRegistry {
    /// OAKLEY group 5, 1536-bit MODP (mandatory).
    case oakley5 = 0
    /// OAKLEY group 1, 768-bit MODP.
    case oakley1 = 1
    /// OAKLEY group 2, 1024-bit MODP.
    case oakley2 = 2

    public static let registryName = "DH-Group"

    public var name: String {
        switch self {
        case .oakley5: "OAKLEY 5"
        case .oakley1: "OAKLEY 1"
        case .oakley2: "OAKLEY 2"
        }
    }

    public var definedIn: SpecReference { .rfc(3830, "6.4") }

    /// Octets in a DH value of this group: 192, 96 or 128.
    public var valueLength: Int {
        switch self {
        case .oakley5: 192
        case .oakley1: 96
        case .oakley2: 128
        }
    }
}

/// The SIGN payload's `S type` (RFC 3830 §6.5, extended by RFC 6509).
public enum SignatureType: UInt8, MIKEYRegistry {
    case rsaPKCS1v15 = 0
    case rsaPSS = 1
    case eccsi = 2

    public static let registryName = "S type"

    public var name: String {
        switch self {
        case .rsaPKCS1v15: "RSA/PKCS#1/1.5"
        case .rsaPSS: "RSA/PSS"
        case .eccsi: "ECCSI"
        }
    }

    public var definedIn: SpecReference { self == .eccsi ? .rfc(6509) : .rfc(3830, "6.5") }
}

/// The CHASH payload's `Hash func` (RFC 3830 §6.8, extended by RFC 6043).
public enum CertificateHashFunction: UInt8, MIKEYRegistry {
    case sha1 = 0
    case md5 = 1
    case sha256 = 2

    public static let registryName = "Hash func"

    public var name: String {
        switch self {
        case .sha1: "SHA-1"
        case .md5: "MD5"
        case .sha256: "SHA-256"
        }
    }

    public var definedIn: SpecReference { self == .sha256 ? .rfc(6043) : .rfc(3830, "6.8") }

    /// Octets in the hash field: 20, 16 or 32.
    public var hashLength: Int {
        switch self {
        case .sha1: 20
        case .md5: 16
        case .sha256: 32
        }
    }
}
