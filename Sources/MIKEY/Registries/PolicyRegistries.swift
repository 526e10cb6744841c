/// The SP payload's `Prot type`: which security protocol a policy is for (RFC 3830 §6.10).
public enum ProtocolType: UInt8, MIKEYRegistry {
    case srtp = 0
    case tesla = 1

    public static let registryName = "Prot type"

    public var name: String { self == .srtp ? "SRTP" : "TESLA" }

    public var definedIn: SpecReference { self == .srtp ? .rfc(3830, "6.10") : .rfc(4442) }
}

/// The parameter types of an SRTP security policy (RFC 3830 §6.10.1 Table 6.10.1.a,
/// extended by RFC 4771 and RFC 7714). SP parameters are TLVs, so the decoder keeps
/// unregistered types as numbers instead of refusing them.
public enum SRTPPolicyParameterType: UInt8, MIKEYRegistry {
    case encryptionAlgorithm = 0
    case sessionEncryptionKeyLength = 1
    case authenticationAlgorithm = 2
    case sessionAuthenticationKeyLength = 3
    case sessionSaltKeyLength = 4
    case pseudoRandomFunction = 5
    case keyDerivationRate = 6
    case srtpEncryption = 7
    case srtcpEncryption = 8
    case fecOrder = 9
    case srtpAuthentication = 10
    case authenticationTagLength = 11
    case srtpPrefixLength = 12
    case rocTransmissionRate = 13
    case srtpAuthenticationAlgorithm = 14
    case srtcpAuthenticationAlgorithm = 15
    case srtpSessionAuthenticationKeyLength = 16
    case srtcpSessionAuthenticationKeyLength = 17
    case srtpAuthenticationTagLength = 18
    case srtcpAuthenticationTagLength = 19
    case aeadAuthenticationTagLength = 20

    public static let registryName = "SRTP policy parameter type"

    public var name: String {
        switch self {
        case .encryptionAlgorithm: "Encryption algorithm"
        case .sessionEncryptionKeyLength: "Session Encr. key length"
        case .authenticationAlgorithm: "Authentication algorithm"
        case .sessionAuthenticationKeyLength: "Session Auth. key length"
        case .sessionSaltKeyLength: "Session Salt key length"
        case .pseudoRandomFunction: "SRTP Pseudo Random Function"
        case .keyDerivationRate: "Key derivation rate"
        case .srtpEncryption: "SRTP encryption off/on"
        case .srtcpEncryption: "SRTCP encryption off/on"
        case .fecOrder: "sender's FEC order"
        case .srtpAuthentication: "SRTP authentication off/on"
        case .authenticationTagLength: "Authentication tag length"
        case .srtpPrefixLength: "SRTP prefix length"
        case .rocTransmissionRate: "ROC transmission rate"
        case .srtpAuthenticationAlgorithm: "SRTP Auth. algorithm"
        case .srtcpAuthenticationAlgorithm: "SRTCP Auth. algorithm"
        case .srtpSessionAuthenticationKeyLength: "SRTP Session Auth. key len"
        case .srtcpSessionAuthenticationKeyLength: "SRTCP Session Auth. key len"
        case .srtpAuthenticationTagLength: "SRTP Authentication tag len"
        case .srtcpAuthenticationTagLength: "SRTCP Authentication tag len"
        case .aeadAuthenticationTagLength: "AEAD authentication tag length"
        }
    }

    public var definedIn: SpecReference {
        switch rawValue {
        case 0...12: .rfc(3830, "6.10.1")
        case 13...19: .rfc(4771)
        default: .rfc(7714)
        }
    }
}

/// Values of the SRTP `Encryption algorithm` parameter (RFC 3830 §6.10.1, extended by
/// RFC 5748, RFC 7714 and RFC 8269).
public enum SRTPEncryptionAlgorithm: UInt8, MIKEYRegistry {
    case null = 0, aesCM = 1, aesF8 = 2, seedCTR = 3, seedCCM = 4, seedGCM = 5, aesGCM = 6, ariaCTR = 7, ariaGCM = 8

    public static let registryName = "SRTP encryption algorithm"

    public var name: String {
        switch self {
        case .null: "NULL"
        case .aesCM: "AES-CM"
        case .aesF8: "AES-F8"
        case .seedCTR: "SEED-CTR"
        case .seedCCM: "SEED-CCM"
        case .seedGCM: "SEED-GCM"
        case .aesGCM: "AES-GCM"
        case .ariaCTR: "ARIA-CTR"
        case .ariaGCM: "ARIA-GCM"
        }
    }

    public var definedIn: SpecReference {
        switch rawValue {
        case 0...2: .rfc(3830, "6.10.1")
        case 3...5: .rfc(5748)
        case 6: .rfc(7714)
        default: .rfc(8269)
        }
    }
}

/// Values of the SRTP `Authentication algorithm` parameter (RFC 3830 §6.10.1, RFC 4771).
public enum SRTPAuthenticationAlgorithm: UInt8, MIKEYRegistry {
    case null = 0, hmacSHA1 = 1, rccm1 = 2, rccm2 = 3, rccm3 = 4

    public static let registryName = "SRTP authentication algorithm"

    public var name: String {
        switch self {
        case .null: "NULL"
        case .hmacSHA1: "HMAC-SHA-1"
        case .rccm1: "RCCm1"
        case .rccm2: "RCCm2"
        case .rccm3: "RCCm3"
        }
    }

    public var definedIn: SpecReference { rawValue <= 1 ? .rfc(3830, "6.10.1") : .rfc(4771) }
}

/// Values of the `SRTP Pseudo Random Function` parameter (RFC 3830 §6.10.1, RFC 5748,
/// RFC 8269).
public enum SRTPPseudoRandomFunction: UInt8, MIKEYRegistry {
    case aesCM = 0, seedCTR = 1, ariaCTR = 2

    public static let registryName = "SRTP PRF"

    public var name: String {
        switch self {
        case .aesCM: "AES-CM"
        case .seedCTR: "SEED-CTR"
        case .ariaCTR: "ARIA-CTR"
        }
    }

    public var definedIn: SpecReference {
        switch self {
        case .aesCM: .rfc(3830, "6.10.1")
        case .seedCTR: .rfc(5748)
        case .ariaCTR: .rfc(8269)
        }
    }
}

/// Values of the `sender's FEC order` parameter (RFC 3830 §6.10.1).
public enum SRTPFECOrder: UInt8, MIKEYRegistry {
    case fecSRTP = 0

    public static let registryName = "FEC order"
    public var name: String { "FEC-SRTP" }
    public var definedIn: SpecReference { .rfc(3830, "6.10.1") }
}
