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
        try writer.valueAndLengthPrefixed(cache, valueBits: 2, data, field: "Data", lengthField: "Data len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> PKEPayload {
        let (cache, data) = try reader.valueAndLengthPrefixed(EnvelopeKeyCache.self, valueBits: 2, "Data", lengthField: "Data len")
        return PKEPayload(cache: cache, data: data)
    }
}

extension SignaturePayload: PayloadBody {
    var summary: String { "\(type.name), \(Words.octets(signature.count))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.valueAndLengthPrefixed(type, valueBits: 4, signature, field: "Signature", lengthField: "Signature len")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> SignaturePayload {
        let (type, signature) = try reader.valueAndLengthPrefixed(SignatureType.self, valueBits: 4, "Signature",
                                                                  lengthField: "Signature len")
        return SignaturePayload(type: type, signature: signature)
    }
}

extension CertificateHashPayload: PayloadBody {
    var summary: String { "\(function.name) \(Words.hex(hash))" }

    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        try writer.registered(function, then: hash, impliedLength: function.hashLength, field: "Hash")
    }

    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> CertificateHashPayload {
        let (function, hash) = try reader.registered(CertificateHashFunction.self, then: "Hash", impliedLength: \.hashLength)
        return CertificateHashPayload(function: function, hash: hash)
    }
}
