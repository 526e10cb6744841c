/// The `next payload` number space: the type of a payload or sub-payload (RFC 3830 §6.1
/// Table 6.1.b and the IANA "Next Payload" registry, extended by RFC 6043, RFC 6267 and
/// RFC 6509). Note that 22-25 also appear, with other meanings, as data types.
public enum PayloadType: UInt8, MIKEYRegistry {
    /// `0`: no payload follows.
    case last = 0
    case kemac = 1
    case pke = 2
    case dh = 3
    case sign = 4
    case timestamp = 5
    case id = 6
    case cert = 7
    case chash = 8
    case verification = 9
    case securityPolicy = 10
    case rand = 11
    case error = 12
    case tr = 13
    case idr = 14
    case randr = 15
    case tp = 16
    case ticket = 17
    /// Key data sub-payload: only inside KEMAC encrypted data.
    case keyData = 20
    case generalExtension = 21
    case ibake = 22
    case esk = 23
    /// SK sub-payload: only inside ESK encrypted data.
    case sk = 24
    /// ECCPT sub-payload: only inside IBAKE encrypted data.
    case eccpt = 25
    case sakke = 26

    public static let registryName = "next payload"

    /// The short name the RFCs use, for example `IDR` or `ECCPT`.
    public var name: String {
        switch self {
        case .last: "Last payload"
        case .kemac: "KEMAC"
        case .pke: "PKE"
        case .dh: "DH"
        case .sign: "SIGN"
        case .timestamp: "T"
        case .id: "ID"
        case .cert: "CERT"
        case .chash: "CHASH"
        case .verification: "V"
        case .securityPolicy: "SP"
        case .rand: "RAND"
        case .error: "ERR"
        case .tr: "TR"
        case .idr: "IDR"
        case .randr: "RANDR"
        case .tp: "TP"
        case .ticket: "TICKET"
        case .keyData: "Key data"
        case .generalExtension: "General Ext."
        case .ibake: "IBAKE"
        case .esk: "ESK"
        case .sk: "SK"
        case .eccpt: "ECCPT"
        case .sakke: "SAKKE"
        }
    }

    /// What the payload carries, in a few words, for example `Identity with role`.
    public var title: String {
        switch self {
        case .last: "End of the payload chain"
        case .kemac: "Key data transport"
        case .pke: "Envelope data"
        case .dh: "Diffie-Hellman data"
        case .sign: "Signature"
        case .timestamp: "Timestamp"
        case .id: "Identity"
        case .cert: "Certificate"
        case .chash: "Certificate hash"
        case .verification: "Verification (MAC)"
        case .securityPolicy: "Security policy"
        case .rand: "Random value"
        case .error: "Error"
        case .tr: "Timestamp with role"
        case .idr: "Identity with role"
        case .randr: "Random value with role"
        case .tp: "Ticket policy"
        case .ticket: "Ticket"
        case .keyData: "Key data"
        case .generalExtension: "General extension"
        case .ibake: "IBAKE (IBE-encrypted identities and DH values)"
        case .esk: "Encrypted secret key"
        case .sk: "Secret key"
        case .eccpt: "Elliptic-curve Diffie-Hellman value"
        case .sakke: "SAKKE encapsulated data"
        }
    }

    public var definedIn: SpecReference {
        switch self {
        case .last: .rfc(3830, "6.1")
        case .kemac: .rfc(3830, "6.2")
        case .pke: .rfc(3830, "6.3")
        case .dh: .rfc(3830, "6.4")
        case .sign: .rfc(3830, "6.5")
        case .timestamp: .rfc(3830, "6.6")
        case .id, .cert: .rfc(3830, "6.7")
        case .chash: .rfc(3830, "6.8")
        case .verification: .rfc(3830, "6.9")
        case .securityPolicy: .rfc(3830, "6.10")
        case .rand: .rfc(3830, "6.11")
        case .error: .rfc(3830, "6.12")
        case .tr: .rfc(6043, "6.4")
        case .idr: .rfc(6043, "6.6")
        case .randr: .rfc(6043, "6.8")
        case .tp, .ticket: .rfc(6043, "6.10")
        case .keyData: .rfc(3830, "6.13")
        case .generalExtension: .rfc(3830, "6.15")
        case .ibake: .rfc(6267, "6.1.1")
        case .esk: .rfc(6267, "6.1.2")
        case .eccpt: .rfc(6267, "6.1.4")
        case .sk: .rfc(6267, "6.1.5")
        case .sakke: .rfc(6509, "4.2")
        }
    }

    /// Whether the type is a sub-payload that lives only inside encrypted data (Key data,
    /// SK, ECCPT) and never in the clear message.
    public var isSubPayloadOnly: Bool { self == .keyData || self == .sk || self == .eccpt }

    /// Whether the type may appear in a sub-payload chain (the plaintext of IBAKE, ESK or
    /// KEMAC encrypted data): the identity payloads and the three sub-payloads.
    public var mayAppearInEncryptedData: Bool {
        isSubPayloadOnly || self == .id || self == .idr
    }
}
