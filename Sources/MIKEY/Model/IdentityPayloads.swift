/// ID: an identity (RFC 3830 §6.7): `next payload || ID Type || ID len (16 bits) || ID data`.
/// Also a sub-payload: the first item of KEMAC encrypted data in REQUEST_KEY_RESP
/// (RFC 6267 §4.2.1) and of ESK encrypted data (RFC 6267 §6.1.2).
public struct IDPayload: Hashable, Sendable {
    /// The form of the identity data.
    public var type: IDType
    /// The identity octets, at most 65535.
    public var data: [UInt8]

    /// An identity of any type.
    public init(type: IDType, data: [UInt8]) {
        self.type = type
        self.data = data
    }

    /// A URI identity, for example `sip:alice@ims.example`.
    public init(uri: String) {
        self.init(type: .uri, data: Array(uri.utf8))
    }

    /// The identity as text, when it is valid UTF-8.
    public var text: String? { String(validating: data, as: UTF8.self) }
}

/// IDR: an identity with its role (RFC 6043 §6.6): `next payload || ID Role || ID Type ||
/// ID len (16 bits) || ID data`. MIKEY-IBAKE's IDRi, IDRr (RFC 6267 §4.2.2), IDRkms and
/// IDRpsk (§4.2.1), in the clear and as the first sub-payload of IBAKE encrypted data.
public struct IDRPayload: Hashable, Sendable {
    /// Whose identity it is.
    public var role: IDRole
    /// The form of the identity data.
    public var type: IDType
    /// The identity octets, at most 65535.
    public var data: [UInt8]

    /// An identity of any type in `role`.
    public init(role: IDRole, type: IDType, data: [UInt8]) {
        self.role = role
        self.type = type
        self.data = data
    }

    /// A URI identity in `role`, for example IDRi `sip:alice@ims.example`.
    public init(role: IDRole, uri: String) {
        self.init(role: role, type: .uri, data: Array(uri.utf8))
    }

    /// The identity as text, when it is valid UTF-8.
    public var text: String? { String(validating: data, as: UTF8.self) }
}

/// CERT: a certificate (RFC 3830 §6.7): `next payload || Cert Type || Cert len (16 bits) ||
/// Certificate`. REQUEST_KEY_PKE carries the user's chain (RFC 6267 §4.2.1).
public struct CertificatePayload: Hashable, Sendable {
    /// The certificate type.
    public var type: CertificateType
    /// The identity octets, at most 65535.
    public var data: [UInt8]

    /// A certificate payload.
    public init(type: CertificateType, data: [UInt8]) {
        self.type = type
        self.data = data
    }
}

extension IDPayload: PayloadBody {
    var summary: String { "\(type.name) \(Words.identity(data))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(type.rawValue)
        try writer.lengthPrefixed16(data, field: "ID data", lengthField: "ID len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> IDPayload {
        let type = try reader.registered(IDType.self)
        return IDPayload(type: type, data: try reader.lengthPrefixed16("ID data", lengthField: "ID len", describe: Words.identity))
    }
}

extension IDRPayload: PayloadBody {
    var summary: String { "\(role.abbreviation), \(type.name) \(Words.identity(data))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(role.rawValue)
        writer.octet(type.rawValue)
        try writer.lengthPrefixed16(data, field: "ID data", lengthField: "ID len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> IDRPayload {
        let role = try reader.registered(IDRole.self)
        let type = try reader.registered(IDType.self)
        let data = try reader.lengthPrefixed16("ID data", lengthField: "ID len", describe: Words.identity)
        return IDRPayload(role: role, type: type, data: data)
    }
}

extension CertificatePayload: PayloadBody {
    var summary: String { "\(type.name), \(Words.octets(data.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        writer.octet(type.rawValue)
        try writer.lengthPrefixed16(data, field: "Certificate", lengthField: "Cert len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> CertificatePayload {
        let type = try reader.registered(CertificateType.self)
        return CertificatePayload(type: type, data: try reader.lengthPrefixed16("Certificate", lengthField: "Cert len"))
    }
}
