/// V: the verification payload (RFC 3830 §6.9): `next payload || Auth alg || MAC`. Last
/// in R_MESSAGE_2, where the MAC covers the message up to the MAC field (ESK left out) and
/// the identities (RFC 6267 §5.4, PROFILE D8; see ``VerificationMAC``).
public struct VerificationPayload: Hashable, Sendable {
    /// The `Auth alg` (PROFILE D8: HMAC-SHA-256-256 with PRF 1, HMAC-SHA-1-160 with MIKEY-1).
    public var algorithm: MACAlgorithm
    /// The MAC, exactly ``MACAlgorithm/macLength`` octets.
    public var mac: [UInt8]

    /// A V payload with its MAC.
    public init(algorithm: MACAlgorithm, mac: [UInt8]) {
        self.algorithm = algorithm
        self.mac = mac
    }

    /// A V payload whose MAC is all zeros: a placeholder while the MAC input is computed.
    public static func placeholder(_ algorithm: MACAlgorithm) -> VerificationPayload {
        VerificationPayload(algorithm: algorithm, mac: [UInt8](repeating: 0, count: algorithm.macLength))
    }
}

extension VerificationPayload: PayloadBody {
    var summary: String { "\(algorithm.name), \(Words.octets(mac.count)) MAC" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.registered(algorithm, then: mac, impliedLength: algorithm.macLength, field: "MAC")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> VerificationPayload {
        let (algorithm, mac) = try reader.registered(MACAlgorithm.self, "Auth alg", then: "MAC", impliedLength: \.macLength)
        return VerificationPayload(algorithm: algorithm, mac: mac)
    }
}
