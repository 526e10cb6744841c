/// PKE: the envelope key encrypted to the receiver's public key (RFC 3830 §6.3):
/// `next payload || C (2 bits) || Data len (14 bits) || Data`. In REQUEST_KEY_PKE
/// (RFC 6267 §4.2.1).
public struct PKEPayload: Hashable, Sendable {
    /// Whether the envelope key may be cached.
    public var cache: EnvelopeKeyCache
    /// At most 16383 octets (the 14-bit length).
    public var data: [UInt8]

    /// A PKE payload.
    public init(cache: EnvelopeKeyCache, data: [UInt8]) {
        self.cache = cache
        self.data = data
    }
}

/// SIGN: a signature over the message (RFC 3830 §6.5): `S type (4 bits) || Signature len
/// (12 bits) || Signature`. It has no next-payload octet and is always the last payload.
public struct SignaturePayload: Hashable, Sendable {
    /// The signature algorithm.
    public var type: SignatureType
    /// At most 4095 octets (the 12-bit length).
    public var signature: [UInt8]

    /// A SIGN payload.
    public init(type: SignatureType, signature: [UInt8]) {
        self.type = type
        self.signature = signature
    }
}

/// CHASH: the hash of the certificate whose key was used (RFC 3830 §6.8):
/// `next payload || Hash func || Hash` (the length follows from the hash function).
public struct CertificateHashPayload: Hashable, Sendable {
    /// The hash function.
    public var function: CertificateHashFunction
    /// Exactly ``CertificateHashFunction/hashLength`` octets.
    public var hash: [UInt8]

    /// A CHASH payload.
    public init(function: CertificateHashFunction, hash: [UInt8]) {
        self.function = function
        self.hash = hash
    }
}

extension PKEPayload: PayloadBody {
    var summary: String { "\(cache.name), \(Words.octets(data.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        let length = try writer.length(of: data, field: "Data", lengthField: "Data len", bits: 14)
        writer.uint16(UInt16(cache.rawValue) << 14 | UInt16(length))
        writer.append(data)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> PKEPayload {
        let at = reader.position
        let word = PayloadReader.integer(try reader.take(2, for: "C and Data len"))
        let cache: EnvelopeKeyCache = try reader.registeredValue(UInt8(word >> 14), "C", at: at)
        let length = Int(word & 0x3FFF)
        reader.record("C", cache.inWords, at..<reader.position, bits: 0..<2)
        reader.record("Data len", Words.octets(length), at..<reader.position, bits: 2..<16)
        return PKEPayload(cache: cache, data: try reader.octets("Data", count: length, countedBy: "Data len"))
    }
}

extension SignaturePayload: PayloadBody {
    var summary: String { "\(type.name), \(Words.octets(signature.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        let length = try writer.length(of: signature, field: "Signature", lengthField: "Signature len", bits: 12)
        writer.uint16(UInt16(type.rawValue) << 12 | UInt16(length))
        writer.append(signature)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SignaturePayload {
        let at = reader.position
        let word = PayloadReader.integer(try reader.take(2, for: "S type and Signature len"))
        let type: SignatureType = try reader.registeredValue(UInt8(word >> 12), "S type", at: at)
        let length = Int(word & 0x0FFF)
        reader.record("S type", type.inWords, at..<reader.position, bits: 0..<4)
        reader.record("Signature len", Words.octets(length), at..<reader.position, bits: 4..<16)
        return SignaturePayload(type: type, signature: try reader.octets("Signature", count: length, countedBy: "Signature len"))
    }
}

extension CertificateHashPayload: PayloadBody {
    var summary: String { "\(function.name) \(Words.hex(hash))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.requireLength(hash, function.hashLength, field: "Hash", because: function.name)
        writer.octet(function.rawValue)
        writer.append(hash)
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> CertificateHashPayload {
        let function = try reader.registered(CertificateHashFunction.self)
        return CertificateHashPayload(function: function, hash: try reader.octets("Hash", fixedCount: function.hashLength))
    }
}
