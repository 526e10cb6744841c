/// The name of a value a party holds, as the seed slides name it (a, b, aP, bP, abP;
/// RFC 6267 writes x, y). This layer declares the protocol's values; the scenarios add
/// their own vocabulary (content, group_key, ...) beside them, so screens, transcripts,
/// exports and tutorials share one set of names. It encodes as its name.
public struct ValueName: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// The value called `rawValue`; the scenarios declare theirs with it.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let masterSecret = ValueName(rawValue: "s")
    public static let kmsPublicKey = ValueName(rawValue: "sP")
    public static let initiatorPrivateKey = ValueName(rawValue: "I_PrK")
    public static let responderPrivateKey = ValueName(rawValue: "R_PrK")
    public static let preSharedKey = ValueName(rawValue: "PSK")
    public static let a = ValueName(rawValue: "a")
    public static let aP = ValueName(rawValue: "aP")
    public static let b = ValueName(rawValue: "b")
    public static let bP = ValueName(rawValue: "bP")
    public static let abP = ValueName(rawValue: "abP")
    public static let rand = ValueName(rawValue: "RAND")
    public static let csbID = ValueName(rawValue: "CSB_ID")
    public static let sessionKey = ValueName(rawValue: "K_SESSION")
    public static let mpk = ValueName(rawValue: "MPK")
    public static let tgk = ValueName(rawValue: "TGK")
    public static let authKey = ValueName(rawValue: "auth_key")
    public static let srtpMasterKey = ValueName(rawValue: "SRTP_key")
    public static let srtpMasterSalt = ValueName(rawValue: "SRTP_salt")
    /// The secret key an ESK carries to an absent user (RFC 6267 §4.2.2.5).
    public static let secretKey = ValueName(rawValue: "SK")
    public static let initiatorIdentity = ValueName(rawValue: "IDRi")
    public static let responderIdentity = ValueName(rawValue: "IDRr")

    /// The values anyone on the path may read: shown in full to adversaries, never wiped.
    private static let publicValues = Set<ValueName>([.kmsPublicKey, .aP, .bP, .rand, .csbID, .initiatorIdentity, .responderIdentity])
        .union(modePublicValues)

    /// Whether the value is secret to the parties that hold it (shown masked to
    /// adversaries, wiped when a role is done).
    public var isSecret: Bool { !Self.publicValues.contains(self) }

    public var description: String { rawValue }
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
    /// An authority other than the KMS issued it: a CA's certificate (issue 13's modes).
    case issued(by: String)
    /// The parties agreed on it before the run, by means outside the protocol (a PSK).
    case outOfBand

    public var description: String {
        switch self {
        case .computed: "computed"
        case .generated: "chosen at random"
        case .created: "its own"
        case .provisioned: "issued by the KMS"
        case .message(let kind): "from \(kind)"
        case .leak: "from leak"
        case .issued(let authority): "issued by the \(authority)"
        case .outOfBand: "agreed out of band"
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
