/// RAND: a random value (RFC 3830 §6.11): `next payload || RAND len || RAND`. Every PRF
/// label of the exchange ends with it (PROFILE D7: 16 octets, sent in I_MESSAGE_1 and
/// repeated in I_MESSAGE_2).
public struct RANDPayload: Hashable, Sendable {
    /// At most 255 octets; RFC 3830 §6.11 recommends at least 16.
    public var value: [UInt8]

    /// A RAND payload holding `value`.
    public init(_ value: [UInt8]) {
        self.value = value
    }
}

/// ERR: an error indication (RFC 3830 §6.12): `next payload || Error no || Reserved (16 bits)`.
public struct ErrorPayload: Hashable, Sendable {
    /// What went wrong.
    public var error: ErrorNumber

    /// An ERR payload reporting `error`.
    public init(_ error: ErrorNumber) {
        self.error = error
    }
}

/// General Extension (RFC 3830 §6.15): `next payload || Type || Length (16 bits) || Data`.
public struct GeneralExtensionPayload: Hashable, Sendable {
    /// The extension type.
    public var type: GeneralExtensionType
    /// The data, at most 65535 octets.
    public var data: [UInt8]

    /// A General Extension payload.
    public init(type: GeneralExtensionType, data: [UInt8]) {
        self.type = type
        self.data = data
    }
}

extension RANDPayload: PayloadBody {
    var summary: String { "\(Words.octets(value.count)): \(Words.hex(value))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.lengthPrefixed8(value, field: "RAND", lengthField: "RAND len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> RANDPayload {
        RANDPayload(try reader.lengthPrefixed8("RAND", lengthField: "RAND len"))
    }
}

extension ErrorPayload: PayloadBody {
    var summary: String { error.inWords }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(error.rawValue)
        writer.uint16(0)  // Reserved
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> ErrorPayload {
        let error = try reader.registered(ErrorNumber.self)
        _ = try reader.uint16("Reserved", describe: reservedInWords)
        return ErrorPayload(error)
    }
}

extension GeneralExtensionPayload: PayloadBody {
    var summary: String { "\(type.name), \(Words.octets(data.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(type.rawValue)
        try writer.lengthPrefixed16(data, field: "Data", lengthField: "Length")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> GeneralExtensionPayload {
        let type = try reader.registered(GeneralExtensionType.self)
        return GeneralExtensionPayload(type: type, data: try reader.lengthPrefixed16("Data", lengthField: "Length"))
    }
}
