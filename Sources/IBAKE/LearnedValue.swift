/// The values the protocol computes or learns, named as the seed slides name them
/// (a, b, aP, bP, abP; RFC 6267 writes x, y). Screens, transcripts, exports and
/// tutorials all use these names, so there is one vocabulary.
public enum ValueName: String, Sendable, CaseIterable, Codable {
    case masterSecret = "s"
    case kmsPublicKey = "sP"
    case initiatorPrivateKey = "I_PrK"
    case responderPrivateKey = "R_PrK"
    case commonPrivateKey = "common_PrK"
    /// An eavesdropper's own private key, for her own identity.
    case eavesdropperPrivateKey = "Eve_PrK"
    case preSharedKey = "PSK"
    case a
    case aP
    case b
    case bP
    case abP
    case rand = "RAND"
    case csbID = "CSB_ID"
    case sessionKey = "K_SESSION"
    case mpk = "MPK"
    case tgk = "TGK"
    case authKey = "auth_key"
    case srtpMasterKey = "SRTP_key"
    case srtpMasterSalt = "SRTP_salt"
    case secretKey = "SK"
    case content = "content"
    case initiatorIdentity = "IDRi"
    case responderIdentity = "IDRr"
    case groupKey = "group_key"
    /// A session key sent by plain IBE key transport (no Diffie-Hellman): the contrast to IBAKE.
    case plainIBEKey = "K_plainIBE"

    /// Whether the value is secret to the parties that hold it (shown masked to
    /// adversaries, wiped when a role is done).
    public var isSecret: Bool {
        switch self {
        case .kmsPublicKey, .aP, .bP, .rand, .csbID, .initiatorIdentity, .responderIdentity: false
        default: true
        }
    }
}

/// Where a party got a value.
public enum ValueSource: Sendable, Equatable, Codable, CustomStringConvertible {
    /// It computed the value itself at this step.
    case computed
    /// It chose the value at random.
    case generated
    /// It wrote the value (media, content to deposit).
    case created
    /// The KMS issued it (provisioning, or set-up before the demo).
    case provisioned
    /// It came out of a message of this kind (decrypted or read in clear).
    case message(MessageKind)
    /// It leaked to the party after the fact (a forward-secrecy demonstration).
    case leak

    public var description: String {
        switch self {
        case .computed: "computed"
        case .generated: "chosen at random"
        case .created: "its own"
        case .provisioned: "issued by the KMS"
        case .message(let kind): "from \(kind)"
        case .leak: "from leak"
        }
    }
}

/// One value a party holds after a step, with its octets and where it came from.
public struct LearnedValue: Sendable, Equatable {
    public let name: ValueName
    public let octets: [UInt8]
    public let source: ValueSource

    public init(_ name: ValueName, _ octets: [UInt8], _ source: ValueSource) {
        self.name = name
        self.octets = octets
        self.source = source
    }
}
