/// DH: a Diffie-Hellman value (RFC 3830 §6.4): `next payload || DH-Group || DH-value ||
/// Reserved (4 bits) || KV (4 bits) || KV data`. The value's length follows from the group.
/// Not used by MIKEY-IBAKE (its DH values travel as ECCPT inside IBAKE); decoded so that
/// `decode` reads RFC 3830 DH-mode messages.
public struct DHPayload: Hashable, Sendable {
    /// The MODP group.
    public var group: DHGroup
    /// Exactly ``DHGroup/valueLength`` octets.
    public var value: [UInt8]
    /// Key validity data (KV).
    public var keyValidity: KeyValidity

    /// A DH payload.
    public init(group: DHGroup, value: [UInt8], keyValidity: KeyValidity = .null) {
        self.group = group
        self.value = value
        self.keyValidity = keyValidity
    }
}

extension DHPayload: PayloadBody {
    var summary: String { "\(group.name), \(Words.octets(value.count)), validity \(keyValidity.summary)" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.registered(group, then: value, impliedLength: group.valueLength, field: "DH-value")
        writer.octet(keyValidity.type.rawValue)  // Reserved (0) || KV
        try keyValidity.encode(into: &writer)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> DHPayload {
        let (group, value) = try reader.registered(DHGroup.self, then: "DH-value", impliedLength: \.valueLength)
        let (_, kvType) = try reader.nibbleAndKeyValidityType("Reserved", describeHigh: reservedInWords)
        return DHPayload(group: group, value: value, keyValidity: try KeyValidity.decode(kvType, from: &reader))
    }
}
