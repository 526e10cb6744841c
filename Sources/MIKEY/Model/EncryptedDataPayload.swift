/// The layout shared by IBAKE (RFC 6267 §6.1.1) and ESK (RFC 6267 §6.1.2):
/// `next payload || Encr data len (16 bits) || Encr data`, with no algorithm octet and no MAC.
///
/// The encrypted data is an IBE ciphertext (PROFILE D1, D2) of a sub-payload chain:
/// IBAKE `IDRi || {ECCPTi} || IDRr || {ECCPTr}`, ESK `ID || SK` (RFC 6267 §4.2.2). MIKEY
/// treats it as opaque octets; decrypt it elsewhere and read the plaintext with
/// ``SubPayloadChain``.
public struct EncryptedDataPayload: Hashable, Sendable {
    /// At most 65535 octets.
    public var encryptedData: [UInt8]

    /// An IBAKE or ESK body around `encryptedData`.
    public init(encryptedData: [UInt8]) {
        self.encryptedData = encryptedData
    }
}

extension EncryptedDataPayload: PayloadBody {
    var summary: String { "\(Words.octets(encryptedData.count)) of IBE-encrypted sub-payloads" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.lengthPrefixed16(encryptedData, field: "Encr data", lengthField: "Encr data len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> EncryptedDataPayload {
        let data = try reader.lengthPrefixed16("Encr data", lengthField: "Encr data len") {
            "\(Words.octets($0.count)) of IBE ciphertext (opaque to MIKEY; PROFILE D2)"
        }
        return EncryptedDataPayload(encryptedData: data)
    }
}
