import MIKEY
import Primitives

/// What the two ends of one exchange in any of MIKEY's key-management modes agree on
/// before the first message (PROFILE D22): who calls whom, the PRF and MAC of the
/// profile (D7, D8), the CSB ID and the one SRTP crypto session (D9). Each mode builds
/// its HDRs from it, so a later message of an exchange repeats the first one's HDR
/// (D17).
public struct ModeSession: Sendable {
    /// The initiator's URI (ID or IDR payload, PROFILE D19).
    public let initiator: String
    /// The responder's URI.
    public let responder: String
    public let prf: PRFFunction
    /// KEMAC and V MACs: the profile's (D8).
    public let mac: MACAlgorithm
    public let csbID: UInt32
    /// The SSRC of the one SRTP crypto session the keys are for (D9).
    public let ssrc: UInt32

    public init(initiator: String, responder: String, profile: IBAKEProfile, using random: RandomSource) {
        self.initiator = initiator
        self.responder = responder
        prf = profile.prf
        mac = profile.macAlgorithm
        csbID = Wire.uint32(random)
        ssrc = Wire.uint32(random)
    }

    /// A session with every parameter given: MIKEY-SAKKE's HDR fixes its own PRF and SSRC
    /// (RFC 6509 §2.1).
    public init(initiator: String, responder: String, prf: PRFFunction, mac: MACAlgorithm, csbID: UInt32, ssrc: UInt32) {
        self.initiator = initiator
        self.responder = responder
        self.prf = prf
        self.mac = mac
        self.csbID = csbID
        self.ssrc = ssrc
    }

    /// A random 32-bit word, as a CSB ID is drawn (RFC 3830 §6.1).
    public static func randomWord(_ random: RandomSource) -> UInt32 { Wire.uint32(random) }

    /// The HDR of a message of this exchange (RFC 3830 §6.1): `type`, the V flag, and
    /// what every message of it shares.
    public func header(_ type: DataType, verificationRequired: Bool = false) -> CommonHeader {
        CommonHeader(dataType: type, verificationRequired: verificationRequired, prf: prf, csbID: csbID,
                     cryptoSessions: .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: ssrc, roc: 0)]))
    }

    /// The suffix a verification message's MAC covers after the message (RFC 3830 §5.2):
    /// the initiator's and the responder's ID data, then the 64-bit value of the
    /// initiator's T.
    func verificationSuffix(initiatorTimestamp: Timestamp) -> [UInt8] {
        Array(initiator.utf8) + Array(responder.utf8) + initiatorTimestamp.value64.bigEndianOctets
    }

    /// The verification message of type `type` (PSK's and PK's R_MESSAGE, RFC 3830 §3.1,
    /// §3.2): HDR, T (the responder's own), IDr, V, the V MAC under `authKey` over the
    /// message, both identities and the initiator's T (RFC 3830 §5.2).
    func verificationMessage(_ type: DataType, authKey: [UInt8], answering initiatorTimestamp: Timestamp,
                             now: UInt64) throws(IBAKEFailure) -> [UInt8] {
        let response = MIKEYMessage(header: header(type), payloads: [
            .timestamp(TimestampPayload(.ntpUTC(now))), .id(IDPayload(uri: responder)),
        ])
        return try Wire.sealed(response, authKey: authKey, mac: mac, suffix: verificationSuffix(initiatorTimestamp: initiatorTimestamp))
    }

    /// The SRTP master key and salt of the crypto session, from the TGK (RFC 3830 §4.1.3).
    public func srtpKeys(tgk: [UInt8], rand: [UInt8]) -> SRTPMasterKeys {
        KeyDerivation.srtpMasterKeys(tgk: tgk, csID: IBAKEProfile.cryptoSessionID, csbID: csbID, rand: rand, prf: prf)
    }

    /// Decodes `bytes` as a message of this exchange of data type `type`, with its HDR
    /// checked against the exchange's (PROFILE D17).
    func decode(_ bytes: [UInt8], expecting type: DataType) throws(IBAKEFailure) -> MIKEYMessage {
        try Wire.decode(bytes, expecting: type, following: header(type))
    }
}

/// The TGK a key-transport mode carries: 16 random octets chosen by the party that sends
/// the key (PROFILE D22).
enum TransportedKey {
    static let length = 16

    static func draw(using random: RandomSource) -> [UInt8] { random.bytes(length) }
}
