/// The common header HDR that starts every MIKEY message (RFC 3830 §6.1).
///
/// The version (always 1) and the `next payload` field are not stored: the encoder writes
/// them, the decoder checks them. The number of crypto sessions (#CS) is the number of
/// map entries (or, for the Empty map, ``CryptoSessionMap/empty(sessionCount:)``'s count).
public struct CommonHeader: Hashable, Sendable {
    /// The only MIKEY version: 1 (RFC 3830 §6.1).
    public static let version: UInt8 = 1

    /// Which message this is, for example ``DataType/iMessage1``.
    public var dataType: DataType
    /// The V flag: set when a response is expected (RFC 3830 §6.1). MIKEY-IBAKE sets it in
    /// I_MESSAGE_1, R_MESSAGE_1 and I_MESSAGE_2 and REQUEST_KEY_INIT, clears it in
    /// R_MESSAGE_2 and REQUEST_KEY_RESP (RFC 6267 §4.2).
    public var verificationRequired: Bool
    /// The PRF every derivation of the exchange uses (PROFILE D7).
    public var prf: PRFFunction
    /// The crypto session bundle identifier, chosen by the Initiator and kept in every
    /// message of the exchange.
    public var csbID: UInt32
    /// The crypto sessions and how they are described.
    public var cryptoSessions: CryptoSessionMap

    /// A header with the given fields.
    public init(dataType: DataType, verificationRequired: Bool, prf: PRFFunction, csbID: UInt32,
                cryptoSessions: CryptoSessionMap) {
        self.dataType = dataType
        self.verificationRequired = verificationRequired
        self.prf = prf
        self.csbID = csbID
        self.cryptoSessions = cryptoSessions
    }

    /// `I_MESSAGE_1, CSB ID 0x…, PRF-HMAC-SHA-256, V=1, 1 SRTP-ID crypto session`.
    public var summary: String {
        let sessions = cryptoSessions.sessionCount
        return "\(dataType.name), CSB ID \(Words.hex32(csbID)), \(prf.name), V=\(verificationRequired ? 1 : 0), "
            + "\(sessions) crypto session\(sessions == 1 ? "" : "s") (\(cryptoSessions.type.name))"
    }
}

/// The HDR's CS ID map: the crypto sessions of the bundle (RFC 3830 §6.1).
public enum CryptoSessionMap: Hashable, Sendable {
    /// SRTP-ID (RFC 3830 §6.1.1): one entry per crypto session; CS ID i is entry i (from 1).
    case srtp([SRTPCryptoSession])
    /// Empty map (RFC 4563): no map information, with #CS as sent (0 in REQUEST_KEY,
    /// RFC 6267 §4.2.1).
    case empty(sessionCount: UInt8 = 0)
    /// GENERIC-ID (RFC 6043 §6.1.1): self-describing entries.
    case generic([GenericCryptoSession])

    /// The CS ID map type this map is encoded with.
    public var type: CSIDMapType {
        switch self {
        case .srtp: .srtpID
        case .empty: .empty
        case .generic: .genericID
        }
    }

    /// The #CS field.
    public var sessionCount: Int {
        switch self {
        case .srtp(let sessions): sessions.count
        case .empty(let count): Int(count)
        case .generic(let sessions): sessions.count
        }
    }
}

/// One SRTP-ID map entry (RFC 3830 §6.1.1): 9 octets.
public struct SRTPCryptoSession: Hashable, Sendable {
    /// The `Policy no` of the SP payload that applies (PROFILE D9: policy 0).
    public var policyNumber: UInt8
    /// The stream's SSRC; 0 lets the Responder fill it in.
    public var ssrc: UInt32
    /// The rollover counter; 0 before the stream starts.
    public var roc: UInt32

    /// An SRTP-ID entry.
    public init(policyNumber: UInt8, ssrc: UInt32, roc: UInt32) {
        self.policyNumber = policyNumber
        self.ssrc = ssrc
        self.roc = roc
    }
}

/// One GENERIC-ID map entry (RFC 6043 §6.1.1).
public struct GenericCryptoSession: Hashable, Sendable {
    /// The crypto session's identifier.
    public var csID: UInt8
    /// The security protocol.
    public var protocolType: ProtocolType
    /// The S flag (the most significant bit of the octet that holds #P).
    public var sFlag: Bool
    /// The policies that apply (#P of them, at most 127).
    public var policyNumbers: [UInt8]
    /// Protocol-specific session data (for SRTP: SSRC, and ROC and SEQ).
    public var sessionData: [UInt8]
    /// The SPI or MKI, possibly empty.
    public var spi: [UInt8]

    /// A GENERIC-ID entry.
    public init(csID: UInt8, protocolType: ProtocolType, sFlag: Bool, policyNumbers: [UInt8],
                sessionData: [UInt8], spi: [UInt8]) {
        self.csID = csID
        self.protocolType = protocolType
        self.sFlag = sFlag
        self.policyNumbers = policyNumbers
        self.sessionData = sessionData
        self.spi = spi
    }
}
