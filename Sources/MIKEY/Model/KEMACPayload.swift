/// KEMAC: key data transport (RFC 3830 §6.2): `next payload || Encr alg || Encr data len
/// (16 bits) || Encr data || MAC alg || MAC`. The encrypted data is a chain of sub-payloads
/// (``SubPayloadChain``); in REQUEST_KEY_RESP it is `ID || Key data(K_PR)` under AES-CM
/// with MAC alg NULL (RFC 6267 §4.2.1, PROFILE D11).
public struct KEMACPayload: Hashable, Sendable {
    /// How the data is encrypted (PROFILE D11: AES-CM-128).
    public var encryption: EncryptionAlgorithm
    /// The encrypted sub-payload chain; MIKEY treats it as opaque octets.
    public var encryptedData: [UInt8]
    /// The MAC over the payload (RFC 6267 §4.2.1: SHOULD be NULL in REQUEST_KEY_RESP, V covers it).
    public var macAlgorithm: MACAlgorithm
    /// The MAC, exactly ``MACAlgorithm/macLength`` octets.
    public var mac: [UInt8]

    /// A KEMAC payload.
    public init(encryption: EncryptionAlgorithm, encryptedData: [UInt8], macAlgorithm: MACAlgorithm, mac: [UInt8]) {
        self.encryption = encryption
        self.encryptedData = encryptedData
        self.macAlgorithm = macAlgorithm
        self.mac = mac
    }
}

extension KEMACPayload: PayloadBody {
    var summary: String {
        "\(encryption.name), \(Words.octets(encryptedData.count)) of encrypted data, MAC \(macAlgorithm.name)"
    }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.requireLength(mac, macAlgorithm.macLength, field: "MAC", because: macAlgorithm.name)
        writer.octet(encryption.rawValue)
        try writer.lengthPrefixed16(encryptedData, field: "Encr data", lengthField: "Encr data len")
        writer.octet(macAlgorithm.rawValue)
        writer.append(mac)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> KEMACPayload {
        let encryption = try reader.registered(EncryptionAlgorithm.self)
        let data = try reader.lengthPrefixed16("Encr data", lengthField: "Encr data len") {
            "\(Words.octets($0.count)) of encrypted sub-payloads"
        }
        let macAlgorithm = try reader.registered(MACAlgorithm.self)
        let mac = try reader.octets("MAC", fixedCount: macAlgorithm.macLength)
        return KEMACPayload(encryption: encryption, encryptedData: data, macAlgorithm: macAlgorithm, mac: mac)
    }
}
