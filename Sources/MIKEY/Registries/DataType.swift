/// The HDR `data type`: which kind of MIKEY message this is (RFC 3830 §6.1 Table 6.1.a and
/// the IANA "Data Type" registry, which RFC 4650, RFC 4738, RFC 6043, RFC 6267 and RFC 6509
/// extend).
public enum DataType: UInt8, MIKEYRegistry {
    case preShared = 0
    case preSharedVerification = 1
    case publicKey = 2
    case publicKeyVerification = 3
    case diffieHellmanInit = 4
    case diffieHellmanResponse = 5
    case error = 6
    case dhhmacInit = 7
    case dhhmacResponse = 8
    case rsaRInit = 9
    case rsaRResponse = 10
    case requestInitPSK = 11
    case requestInitPK = 12
    case requestResponse = 13
    case transferInit = 14
    case transferResponse = 15
    case resolveInitPSK = 16
    case resolveInitPK = 17
    case resolveResponse = 18
    /// REQUEST_KEY_INIT, pre-shared-key variant (RFC 6267 §4.2.1).
    case requestKeyPSK = 19
    /// REQUEST_KEY_INIT, public-key-envelope variant (RFC 6267 §4.2.1).
    case requestKeyPKE = 20
    /// REQUEST_KEY_RESP (RFC 6267 §4.2.1).
    case requestKeyResponse = 21
    /// Initiator's first message of the IBAKE exchange (RFC 6267 §4.2.2).
    case iMessage1 = 22
    /// Responder's first message (RFC 6267 §4.2.2).
    case rMessage1 = 23
    /// Initiator's second message (RFC 6267 §4.2.2).
    case iMessage2 = 24
    /// Responder's verification message (RFC 6267 §4.2.2).
    case rMessage2 = 25
    case sakke = 26

    public static let registryName = "data type"

    public var name: String {
        switch self {
        case .preShared: "Pre-shared"
        case .preSharedVerification: "PSK ver msg"
        case .publicKey: "Public key"
        case .publicKeyVerification: "PK ver msg"
        case .diffieHellmanInit: "D-H init"
        case .diffieHellmanResponse: "D-H resp"
        case .error: "Error"
        case .dhhmacInit: "DHHMAC init"
        case .dhhmacResponse: "DHHMAC resp"
        case .rsaRInit: "RSA-R I_MSG"
        case .rsaRResponse: "RSA-R R_MSG"
        case .requestInitPSK: "REQUEST_INIT_PSK"
        case .requestInitPK: "REQUEST_INIT_PK"
        case .requestResponse: "REQUEST_RESP"
        case .transferInit: "TRANSFER_INIT"
        case .transferResponse: "TRANSFER_RESP"
        case .resolveInitPSK: "RESOLVE_INIT_PSK"
        case .resolveInitPK: "RESOLVE_INIT_PK"
        case .resolveResponse: "RESOLVE_RESP"
        case .requestKeyPSK: "REQUEST_KEY_PSK"
        case .requestKeyPKE: "REQUEST_KEY_PKE"
        case .requestKeyResponse: "REQUEST_KEY_RESP"
        case .iMessage1: "I_MESSAGE_1"
        case .rMessage1: "R_MESSAGE_1"
        case .iMessage2: "I_MESSAGE_2"
        case .rMessage2: "R_MESSAGE_2"
        case .sakke: "SAKKE msg"
        }
    }

    public var definedIn: SpecReference {
        switch rawValue {
        case 0...6: .rfc(3830, "6.1")
        case 7...8: .rfc(4650)
        case 9...10: .rfc(4738)
        case 11...18: .rfc(6043, "6.1")
        case 19...21: .rfc(6267, "4.2.1")
        case 22...25: .rfc(6267, "4.2.2")
        default: .rfc(6509, "4")
        }
    }
}
