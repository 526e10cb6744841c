/// The ERR payload's `Error no` (RFC 3830 §6.12 Table 6.12, extended by RFC 4738 and
/// RFC 6043). RFC 6267 adds none: a MIKEY-IBAKE parse failure is silently discarded.
public enum ErrorNumber: UInt8, MIKEYRegistry {
    case authenticationFailure = 0
    case invalidTimestamp = 1
    case invalidPRF = 2
    case invalidMAC = 3
    case invalidEncryptionAlgorithm = 4
    case invalidHashAlgorithm = 5
    case invalidDH = 6
    case invalidID = 7
    case invalidCertificate = 8
    case invalidSecurityPolicy = 9
    case invalidSecurityPolicyParameter = 10
    case invalidDataType = 11
    case unspecified = 12
    case unsupportedMessageType = 13
    case invalidTicket = 14
    case invalidTicketPolicyParameter = 15

    public static let registryName = "Error no"

    public var name: String {
        switch self {
        case .authenticationFailure: "Auth failure"
        case .invalidTimestamp: "Invalid TS"
        case .invalidPRF: "Invalid PRF"
        case .invalidMAC: "Invalid MAC"
        case .invalidEncryptionAlgorithm: "Invalid EA"
        case .invalidHashAlgorithm: "Invalid HA"
        case .invalidDH: "Invalid DH"
        case .invalidID: "Invalid ID"
        case .invalidCertificate: "Invalid Cert"
        case .invalidSecurityPolicy: "Invalid SP"
        case .invalidSecurityPolicyParameter: "Invalid SPpar"
        case .invalidDataType: "Invalid DT"
        case .unspecified: "Unspecified error"
        case .unsupportedMessageType: "Unsupported message type"
        case .invalidTicket: "Invalid TICKET"
        case .invalidTicketPolicyParameter: "Invalid TPpar"
        }
    }

    public var definedIn: SpecReference {
        switch rawValue {
        case 0...12: .rfc(3830, "6.12")
        case 13: .rfc(4738)
        default: .rfc(6043)
        }
    }
}
