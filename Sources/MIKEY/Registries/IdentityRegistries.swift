/// The `ID Type` of ID and IDR payloads (RFC 3830 §6.7 Table 6.7.a, extended by RFC 6043).
public enum IDType: UInt8, MIKEYRegistry {
    /// Network Access Identifier (RFC 4282 form).
    case nai = 0
    /// A URI, for example `sip:alice@ims.example`.
    case uri = 1
    /// Opaque octets (RFC 6043 §6.6).
    case byteString = 2

    public static let registryName = "ID Type"

    public var name: String {
        switch self {
        case .nai: "NAI"
        case .uri: "URI"
        case .byteString: "Byte string"
        }
    }

    public var definedIn: SpecReference {
        self == .byteString ? .rfc(6043, "6.6") : .rfc(3830, "6.7")
    }
}

/// The `ID Role` of an IDR payload: whose identity it is (RFC 6043 §6.6, extended by
/// RFC 6509). MIKEY-IBAKE uses IDRi and IDRr in the exchange, IDRkms and IDRpsk in
/// REQUEST_KEY (RFC 6267 §4.2).
public enum IDRole: UInt8, MIKEYRegistry {
    case initiator = 1
    case responder = 2
    case kms = 3
    case preSharedKey = 4
    case application = 5
    case initiatorKMS = 6
    case responderKMS = 7

    public static let registryName = "ID Role"

    /// The abbreviation used in message definitions, for example `IDRi`.
    public var abbreviation: String {
        switch self {
        case .initiator: "IDRi"
        case .responder: "IDRr"
        case .kms: "IDRkms"
        case .preSharedKey: "IDRpsk"
        case .application: "IDRapp"
        case .initiatorKMS: "IDRkmsi"
        case .responderKMS: "IDRkmsr"
        }
    }

    public var name: String {
        switch self {
        case .initiator: "Initiator (IDRi)"
        case .responder: "Responder (IDRr)"
        case .kms: "KMS (IDRkms)"
        case .preSharedKey: "Pre-Shared Key (IDRpsk)"
        case .application: "Application (IDRapp)"
        case .initiatorKMS: "Initiator's KMS (IDRkmsi)"
        case .responderKMS: "Responder's KMS (IDRkmsr)"
        }
    }

    public var definedIn: SpecReference {
        rawValue >= 6 ? .rfc(6509) : .rfc(6043, "6.6")
    }
}

/// The `Cert Type` of a CERT payload (RFC 3830 §6.7 Table 6.7.b).
public enum CertificateType: UInt8, MIKEYRegistry {
    case x509v3 = 0
    case x509v3URL = 1
    case x509v3Sign = 2
    case x509v3Encr = 3

    public static let registryName = "Cert Type"

    public var name: String {
        switch self {
        case .x509v3: "X.509v3"
        case .x509v3URL: "X.509v3 URL"
        case .x509v3Sign: "X.509v3 Sign"
        case .x509v3Encr: "X.509v3 Encr"
        }
    }

    public var definedIn: SpecReference { .rfc(3830, "6.7") }
}
