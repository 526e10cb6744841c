/// T: the timestamp payload (RFC 3830 §6.6): `next payload || TS type || TS value`.
/// RFC 6267 §4.2: the Initiator sends a fresh T in each of its messages, the Responder
/// echoes the T of the message it answers.
public struct TimestampPayload: Hashable, Sendable {
    /// The timestamp value and its type.
    public var timestamp: Timestamp

    /// A T payload holding `timestamp`.
    public init(_ timestamp: Timestamp) {
        self.timestamp = timestamp
    }
}

extension TimestampPayload: PayloadBody {
    var summary: String { "\(timestamp.type.name) \(timestamp.inWords)" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        timestamp.encode(into: &writer)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> TimestampPayload {
        TimestampPayload(try Timestamp.decode(from: &reader))
    }
}

extension Timestamp {
    /// `TS type || TS value` (RFC 3830 §6.6), shared by T and TR.
    func encode(into writer: inout ByteWriter) {
        writer.octet(type.rawValue)
        switch self {
        case .ntpUTC(let value), .ntp(let value): writer.uint64(value)
        case .counter(let value), .ntpUTC32(let value): writer.uint32(value)
        }
    }

    static func decode(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> Timestamp {
        let type = try reader.registered(TimestampType.self, reference: .rfc(3830, "6.6"))
        let at = reader.position
        let raw = PayloadReader.integer(try reader.take(type.valueLength, for: "TS value"))
        let timestamp: Timestamp = switch type {
        case .ntpUTC: .ntpUTC(raw)
        case .ntp: .ntp(raw)
        case .counter: .counter(UInt32(truncatingIfNeeded: raw))
        case .ntpUTC32: .ntpUTC32(UInt32(truncatingIfNeeded: raw))
        }
        let hexDigits = String(raw, radix: 16)
        let hex = "0x" + String(repeating: "0", count: 2 * type.valueLength - hexDigits.count) + hexDigits
        reader.record("TS value", "\(timestamp.inWords) (\(hex))", at..<reader.position, reference: type.definedIn)
        return timestamp
    }
}
