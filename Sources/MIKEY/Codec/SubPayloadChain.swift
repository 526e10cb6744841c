/// The plaintext inside IBAKE, ESK and KEMAC encrypted data: sub-payloads chained by
/// their next-payload fields like a message's payloads, the last with next payload 0.
///
/// The first item's type is signalled nowhere (RFC 6267 §4.2.2 gap), so the caller says it:
/// ``PayloadType/idr`` for IBAKE (`IDRi || {ECCPTi} || IDRr || {ECCPTr}`) and
/// ``PayloadType/id`` for ESK (`ID || SK`, RFC 6267 §6.1.2) and for REQUEST_KEY_RESP's
/// KEMAC (`ID || Key data`, RFC 6267 §4.2.1), ``PayloadType/keyData`` for an RFC 3830
/// KEMAC. Offsets in descriptions and errors count from the plaintext's first octet.
public enum SubPayloadChain {
    /// The plaintext octets of `items`.
    ///
    /// - Throws: ``MIKEYEncodingError`` for an empty chain or a value that does not fit.
    public static func encode(_ items: [SubPayload]) throws(MIKEYEncodingError) -> [UInt8] {
        guard !items.isEmpty else {
            throw MIKEYEncodingError("sub-payload chain", "at least one sub-payload is needed")
        }
        var writer = ByteWriter(subject: "")
        for (index, item) in items.enumerated() {
            writer.subject = "\(item.type.name) sub-payload"
            writer.octet(index + 1 < items.count ? items[index + 1].type.rawValue : PayloadType.last.rawValue)
            try item.body.encodeBody(into: &writer)
        }
        return writer.bytes
    }

    /// Decodes a whole plaintext strictly (PROFILE D16), its first item of type `first`.
    ///
    /// - Throws: ``MIKEYDecodingError`` as ``MIKEYMessage/init(decoding:)`` does; a type
    ///   other than ID, IDR, ECCPT, SK and Key data is misplaced here.
    public static func decode(_ bytes: [UInt8], first: PayloadType) throws(MIKEYDecodingError) -> [SubPayload] {
        let trace = trace(bytes, first: first)
        if let failure = trace.failure { throw failure }
        return trace.elements.map(\.value)
    }

    /// Decodes as far as possible, for an inspector.
    public static func trace(_ bytes: [UInt8], first: PayloadType) -> DecodeTrace<SubPayload> {
        let allowed = PayloadType.allCases.filter(\.mayAppearInEncryptedData).map(\.inWords).joined(separator: ", ")
        guard first.mayAppearInEncryptedData else {
            let failure = MIKEYDecodingError(.misplacedPayload, payloadType: first, isSubPayload: true, offset: 0, fieldOffset: 0,
                                             "\(first.inWords) may not start encrypted data (expected one of \(allowed))")
            return DecodeTrace(elements: [], failure: failure, partial: nil)
        }
        var chain = ChainDecoder<SubPayload>(
            bytes: bytes, container: "plaintext", isSubPayload: true,
            allows: \.mayAppearInEncryptedData,
            refusal: { _ in "may not appear in encrypted data (expected one of \(allowed), or 0)" },
            decodeBody: { (type, reader) throws(MIKEYDecodingError) in try SubPayload.decodeBody(type, from: &reader) },
            summary: { $0.body.summary })
        let (failure, partial) = chain.run(first: first, at: 0)
        return DecodeTrace(elements: chain.elements, failure: failure, partial: partial)
    }
}
