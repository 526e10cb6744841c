/// TR: a timestamp with a role (RFC 6043 §6.4): `next payload || TS Role || TS type ||
/// TS value`. Not used by MIKEY-IBAKE; decoded so that `decode` reads RFC 6043 messages.
public struct TimestampWithRolePayload: Hashable, Sendable {
    /// What the timestamp marks.
    public var role: TimestampRole
    /// The timestamp value.
    public var timestamp: Timestamp

    /// A TR payload.
    public init(role: TimestampRole, timestamp: Timestamp) {
        self.role = role
        self.timestamp = timestamp
    }
}

/// RANDR: a random value with a role (RFC 6043 §6.8): `next payload || RAND Role ||
/// RAND len || RAND`. Not used by MIKEY-IBAKE.
public struct RANDWithRolePayload: Hashable, Sendable {
    /// Whose random value it is.
    public var role: RANDRole
    /// At most 255 octets.
    public var value: [UInt8]

    /// A RANDR payload.
    public init(role: RANDRole, value: [UInt8]) {
        self.role = role
        self.value = value
    }
}

/// SAKKE: SAKKE-encapsulated data (RFC 6509 §4.2): `next payload || SAKKE params ||
/// ID scheme || SAKKE data length (16 bits) || SAKKE data`. Not used by MIKEY-IBAKE;
/// decoded so that `decode` reads MIKEY-SAKKE messages (data type 26).
public struct SAKKEPayload: Hashable, Sendable {
    /// The SAKKE parameter set.
    public var parameterSet: SAKKEParameterSet
    /// How identities are formed.
    public var idScheme: SAKKEIDScheme
    /// The data, at most 65535 octets.
    public var data: [UInt8]

    /// A SAKKE payload.
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
