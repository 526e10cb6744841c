/// TR: a timestamp with a role (RFC 6043 §6.4): `next payload || TS Role || TS type ||
/// TS value`. Not used by MIKEY-IBAKE; decoded so that `decode` reads RFC 6043 messages.
public struct TimestampWithRolePayload: Hashable, Sendable {
    public var role: TimestampRole
    public var timestamp: Timestamp

    public init(role: TimestampRole, timestamp: Timestamp) {
        self.role = role
        self.timestamp = timestamp
    }
}

/// RANDR: a random value with a role (RFC 6043 §6.8): `next payload || RAND Role ||
/// RAND len || RAND`. Not used by MIKEY-IBAKE.
public struct RANDWithRolePayload: Hashable, Sendable {
    public var role: RANDRole
    /// At most 255 octets.
    public var value: [UInt8]

    public init(role: RANDRole, value: [UInt8]) {
        self.role = role
        self.value = value
    }
}

/// SAKKE: SAKKE-encapsulated data (RFC 6509 §4.2): `next payload || SAKKE params ||
/// ID scheme || SAKKE data length (16 bits) || SAKKE data`. Not used by MIKEY-IBAKE;
/// decoded so that `decode` reads MIKEY-SAKKE messages (data type 26).
public struct SAKKEPayload: Hashable, Sendable {
    public var parameterSet: SAKKEParameterSet
    public var idScheme: SAKKEIDScheme
    public var data: [UInt8]

    public init(parameterSet: SAKKEParameterSet, idScheme: SAKKEIDScheme, data: [UInt8]) {
        self.parameterSet = parameterSet
        self.idScheme = idScheme
        self.data = data
    }
}

extension TimestampWithRolePayload: PayloadBody {
    var summary: String { "\(role.name): \(timestamp.type.name) \(timestamp.inWords)" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(role.rawValue)
        timestamp.encode(into: &writer)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> TimestampWithRolePayload {
        let role = try reader.registered(TimestampRole.self)
        return TimestampWithRolePayload(role: role, timestamp: try Timestamp.decode(from: &reader))
    }
}

extension RANDWithRolePayload: PayloadBody {
    var summary: String { "\(role.name): \(Words.octets(value.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(role.rawValue)
        try writer.lengthPrefixed8(value, field: "RAND", lengthField: "RAND len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> RANDWithRolePayload {
        let role = try reader.registered(RANDRole.self)
        return RANDWithRolePayload(role: role, value: try reader.lengthPrefixed8("RAND", lengthField: "RAND len"))
    }
}

extension SAKKEPayload: PayloadBody {
    var summary: String { "\(parameterSet.name), \(idScheme.name), \(Words.octets(data.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(parameterSet.rawValue)
        writer.octet(idScheme.rawValue)
        try writer.lengthPrefixed16(data, field: "SAKKE data", lengthField: "SAKKE data length")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SAKKEPayload {
        let parameterSet = try reader.registered(SAKKEParameterSet.self)
        let idScheme = try reader.registered(SAKKEIDScheme.self)
        let data = try reader.lengthPrefixed16("SAKKE data", lengthField: "SAKKE data length")
        return SAKKEPayload(parameterSet: parameterSet, idScheme: idScheme, data: data)
    }
}
