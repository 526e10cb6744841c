/// SK: a secret key, only ever inside ESK encrypted data (RFC 6267 §6.1.5):
/// `next payload || Type (4 bits) || KV (4 bits) || Key data len (16 bits) || Key data ||
/// KV data`. PROFILE D12: a 16-octet content key for the intended responder.
public struct SecretKeySubPayload: Hashable, Sendable {
    /// The SK type (1, Secret Key).
    public var type: SecretKeyType
    /// The secret key, at most 65535 octets.
    public var key: [UInt8]
    /// When or for which index the key is valid.
    public var keyValidity: KeyValidity

    /// An SK sub-payload.
    public init(type: SecretKeyType = .secretKey, key: [UInt8], keyValidity: KeyValidity = .null) {
        self.type = type
        self.key = key
        self.keyValidity = keyValidity
    }
}

/// Key data: a key inside KEMAC encrypted data (RFC 3830 §6.13): `next payload ||
/// Type (4 bits) || KV (4 bits) || Key data len (16 bits) || Key data || [Salt len
/// (16 bits) || Salt data] || KV data`, the salt present exactly for the `+SALT` types.
/// REQUEST_KEY_RESP delivers the user's private key as type 7, K_PR (RFC 6267 §4.2.1;
/// PROFILE D11: S_id as 0x04 || x || y, KV = interval holding the key period).
public struct KeyDataSubPayload: Hashable, Sendable {
    /// What kind of key this is.
    public var type: KeyDataType
    /// The key, at most 65535 octets (K_PR: the private key, PROFILE D11).
    public var key: [UInt8]
    /// The salt: present if and only if ``KeyDataType/carriesSalt``.
    public var salt: [UInt8]?
    /// When or for which index the key is valid.
    public var keyValidity: KeyValidity

    /// A Key data sub-payload; give a salt exactly for the `+SALT` types.
    public init(type: KeyDataType, key: [UInt8], salt: [UInt8]? = nil, keyValidity: KeyValidity = .null) {
        self.type = type
        self.key = key
        self.salt = salt
        self.keyValidity = keyValidity
    }
}

extension SecretKeySubPayload: PayloadBody {
    var summary: String { "\(type.name), \(Words.octets(key.count)), validity \(keyValidity.summary)" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.keyHead(type: type, validity: keyValidity.type, key: key)
        try keyValidity.encode(into: &writer)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SecretKeySubPayload {
        let (type, kvType, key) = try reader.keyHead(SecretKeyType.self)
        return SecretKeySubPayload(type: type, key: key, keyValidity: try KeyValidity.decode(kvType, from: &reader))
    }
}

extension KeyDataSubPayload: PayloadBody {
    var summary: String {
        "\(type.name), \(Words.octets(key.count))" + (salt.map { ", salt \(Words.octets($0.count))" } ?? "")
            + ", validity \(keyValidity.summary)"
    }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        guard (salt != nil) == type.carriesSalt else {
            throw MIKEYEncodingError(writer.subject, type.carriesSalt
                ? "type \(type.inWords) needs a salt (RFC 3830 §6.13)" : "type \(type.inWords) carries no salt (RFC 3830 §6.13)")
        }
        try writer.keyHead(type: type, validity: keyValidity.type, key: key)
        if let salt { try writer.lengthPrefixed16(salt, field: "Salt data", lengthField: "Salt len") }
        try keyValidity.encode(into: &writer)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> KeyDataSubPayload {
        let (type, kvType, key) = try reader.keyHead(KeyDataType.self)
        let salt = type.carriesSalt ? try reader.lengthPrefixed16("Salt data", lengthField: "Salt len") : nil
        return KeyDataSubPayload(type: type, key: key, salt: salt, keyValidity: try KeyValidity.decode(kvType, from: &reader))
    }
}

/// How SK and Key data begin (RFC 6267 §6.1.5, RFC 3830 §6.13): `Type (4 bits) ||
/// KV (4 bits) || Key data len (16 bits) || Key data`; what follows differs (Key data's
/// salt), and both end with the KV data.
extension ByteWriter {
    fileprivate mutating func keyHead(type: some MIKEYRegistry, validity: KeyValidityType,
                                      key: [UInt8]) throws(MIKEYEncodingError) {
        octet(type.rawValue << 4 | validity.rawValue)
        try lengthPrefixed16(key, field: "Key data", lengthField: "Key data len")
    }
}

extension PayloadReader {
    fileprivate mutating func keyHead<T: MIKEYRegistry>(_ types: T.Type) throws(MIKEYDecodingError)
        -> (type: T, validity: KeyValidityType, key: [UInt8]) {
        let at = position
        let (rawType, validity) = try nibbleAndKeyValidityType("Type") { T.inWords($0) }
        let type: T = try registeredValue(rawType, "Type", at: at)
        return (type, validity, try lengthPrefixed16("Key data", lengthField: "Key data len"))
    }
}
