import MIKEY

/// What a message on the wire is, named as the RFCs name it: `REQUEST_KEY_PSK`,
/// `REQUEST_KEY_RESP`, `I_MESSAGE_1`, `R_MESSAGE_1`, `I_MESSAGE_2`, `R_MESSAGE_2`,
/// `Error` (the MIKEY data types, RFC 3830 §6.1, RFC 6267 §4.2), or a record of the lab's
/// own that is not MIKEY (SRTP, a mailbox deposit, a group frame), which the scenarios
/// declare. The roles, the stage, the timeline, the screens and the JSON all use this
/// one type; it encodes as its name.
public struct MessageKind: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The name printed and encoded: `I_MESSAGE_1`, `SRTP`.
    public let name: String
    /// The HDR data type of a MIKEY message; nil for a record of the lab's own.
    public let dataType: DataType?

    /// The MIKEY message of data type `type`.
    public init(_ type: DataType) {
        name = type.name
        dataType = type
    }

    /// A record of the lab's own (not MIKEY) called `name`.
    public init(record name: String) {
        self.name = name
        dataType = nil
    }

    /// REQUEST_KEY_INIT, pre-shared-key variant (RFC 6267 §4.2.1).
    public static let requestKeyPSK = MessageKind(.requestKeyPSK)
    /// REQUEST_KEY_RESP (RFC 6267 §4.2.1).
    public static let requestKeyResp = MessageKind(.requestKeyResponse)
    /// The initiator's first message (RFC 6267 §4.2.2.1).
    public static let iMessage1 = MessageKind(.iMessage1)
    /// The responder's first message (RFC 6267 §4.2.2.3).
    public static let rMessage1 = MessageKind(.rMessage1)
    /// The initiator's second message (RFC 6267 §4.2.2.5).
    public static let iMessage2 = MessageKind(.iMessage2)
    /// The responder's verification message (RFC 6267 §4.2.2.7).
    public static let rMessage2 = MessageKind(.rMessage2)
    /// A MIKEY Error message (RFC 3830 §5.1.2; PROFILE D18).
    public static let error = MessageKind(.error)

    public var description: String { name }

    /// Decodes a name: a MIKEY data type's, or else a record of the lab's own.
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = DataType.allCases.first { $0.name == name }.map(MessageKind.init) ?? MessageKind(record: name)
    }

    /// Encodes the name alone, as the timeline JSON always has.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
