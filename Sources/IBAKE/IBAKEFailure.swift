import MIKEY

/// The check that refused a message. Each names one step of RFC 6267 §4.2 (with
/// RFC 6539's echo checks), so the demonstrator can say which check caught what.
public enum IBAKECheck: String, Sendable, CaseIterable {
    /// The message does not decode as MIKEY (RFC 6267: silently discard and abort).
    case parse
    /// The message is not the one this role expects now (data type, order).
    case messageType
    /// The message does not belong to this exchange: its CSB ID, PRF or RAND differ
    /// from the exchange's (RFC 6267 §4.2.2; PROFILE D7).
    case session
    /// The timestamp is outside the clock-skew window (PROFILE D10; RFC 3830 §5.4).
    case timestamp
    /// The message was seen before (PROFILE D10 replay cache).
    case replay
    /// An IBE layer does not decrypt with the receiver's private key.
    case decryption
    /// The identities inside the IBE layer differ from the clear IDR payloads.
    case innerIdentity
    /// The echo of the initiator's aP differs from the value it sent (RFC 6539 §3.2).
    case initiatorEcho
    /// The echo of the responder's bP differs from the value it sent (RFC 6539 §3.2).
    case responderEcho
    /// The Diffie-Hellman value is not a valid point (PROFILE D5).
    case diffieHellmanValue
    /// R_MESSAGE_2's V MAC does not verify (PROFILE D8).
    case verificationMAC
    /// A SIGN payload's signature does not verify (MIKEY-SAKKE's ECCSI, RFC 6509 §4;
    /// the RSA signatures of MIKEY-PK, DH-SIGN and RSA-R, RFC 3830 §5.2).
    case signature
    /// A KEMAC's MAC does not verify under the auth_key of the pre-shared or envelope
    /// key (RFC 3830 §3.1, §3.2; RFC 4650 §3).
    case kemacMAC
    /// A PKE payload's envelope key does not decrypt with the receiver's RSA private key
    /// (RFC 3830 §3.2; RFC 4738 §3).
    case envelopeKey
    /// A certificate does not chain to the lab CA, names another identity, or is not
    /// valid now (PROFILE D22).
    case certificate
    /// The responder's identity is not the one called and the initiator's policy refuses it (PROFILE D13).
    case responderPolicy
    /// The KMS response's KEMAC or V does not verify, or carries no usable key (PROFILE D11).
    case provisioning
    /// Media after the exchange: the SRTP packet's SSRC is not the one I_MESSAGE_1's
    /// SRTP-ID map announced for the crypto session (RFC 3830 §6.1.1; PROFILE D9).
    case srtpStream
    /// Media after the exchange: the SRTP authentication tag does not verify under the
    /// keys from abP and the announced ROC (RFC 3711 §3.3).
    case srtpTag

    /// A short name for screens and transcripts.
    public var title: String {
        switch self {
        case .parse: "parse"
        case .messageType: "message type"
        case .session: "same exchange"
        case .timestamp: "timestamp freshness"
        case .replay: "replay cache"
        case .decryption: "IBE decryption"
        case .innerIdentity: "inner identities"
        case .initiatorEcho: "aP echo"
        case .responderEcho: "bP echo"
        case .diffieHellmanValue: "Diffie-Hellman value"
        case .verificationMAC: "V MAC"
        case .signature: "signature"
        case .kemacMAC: "KEMAC MAC"
        case .envelopeKey: "envelope key"
        case .certificate: "certificate"
        case .responderPolicy: "initiator policy"
        case .provisioning: "key provisioning"
        case .srtpStream: "SRTP stream (SSRC)"
        case .srtpTag: "SRTP tag"
        }
    }

    /// What a responder reports in an Error message when this check refuses a message
    /// that expected an answer (PROFILE D18, RFC 3830 §5.1.2), or nil when the message is
    /// discarded silently: one that does not parse or is not expected (RFC 6267 §4.2.2.2),
    /// or a replay (answering those would let anyone make the responder send traffic).
    public var errorNumber: ErrorNumber? {
        switch self {
        // Media is not MIKEY: a bad SRTP packet is dropped (RFC 3711 §3.3), never answered.
        case .parse, .messageType, .replay, .responderPolicy, .srtpStream, .srtpTag: nil
        case .session: .unspecified
        case .timestamp: .invalidTimestamp
        case .decryption, .innerIdentity, .initiatorEcho, .responderEcho, .verificationMAC, .signature, .provisioning,
             .kemacMAC, .envelopeKey: .authenticationFailure
        case .certificate: .invalidCertificate
        case .diffieHellmanValue: .invalidDH
        }
    }
}

/// A refused message: which check, and why, in words a user can read.
public struct IBAKEFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public let check: IBAKECheck
    public let reason: String
    /// The ERR number an answer reports (PROFILE D18): the check's own unless a refusal
    /// names a more precise one (an unsupported PRF, an unknown identity); nil: no answer.
    public let errorNumber: ErrorNumber?
    /// The Error message the refusing party sends back, when it answers (PROFILE D18).
    public internal(set) var errorMessage: [UInt8]?

    public init(_ check: IBAKECheck, _ reason: String) {
        self.init(check, reason, errorNumber: check.errorNumber)
    }

    /// A refusal answered with `errorNumber` (nil: discarded silently).
    public init(_ check: IBAKECheck, _ reason: String, errorNumber: ErrorNumber?) {
        self.check = check
        self.reason = reason
        self.errorNumber = errorNumber
    }

    public var description: String { "\(check.title) check failed: \(reason)" }
}
