extension MIKEYMessage {
    /// The message's octets (RFC 3830 §6), next-payload fields derived from the order.
    ///
    /// - Throws: ``MIKEYEncodingError`` for a value that does not fit its field (a RAND of
    ///   more than 255 octets, a MAC of the wrong length for its algorithm, ...) or a SIGN
    ///   that is not the last payload.
    public func encode() throws(MIKEYEncodingError) -> [UInt8] {
        if let index = payloads.firstIndex(where: { $0.type == .sign }), index != payloads.count - 1 {
            throw MIKEYEncodingError("message", "SIGN is payload \(index + 1) of \(payloads.count); it has no next-payload field and must be last (RFC 3830 §6.5)")
        }
        var writer = ByteWriter(subject: "HDR payload")
        try header.encode(into: &writer, next: payloads.first?.type ?? .last)
        for (index, payload) in payloads.enumerated() {
            writer.subject = "\(payload.type.name) payload"
            if payload.type != .sign {
                writer.octet(index + 1 < payloads.count ? payloads[index + 1].type.rawValue : PayloadType.last.rawValue)
            }
            try payload.body.encodeBody(into: &writer)
        }
        return writer.bytes
    }

    /// Decodes a whole message strictly (PROFILE D16).
    ///
    /// - Throws: ``MIKEYDecodingError`` naming the payload, its offset and what was
    ///   expected, for truncation, an overrunning length, an unknown or misplaced payload
    ///   type, trailing octets, a version other than 1, an unregistered field value, or an
    ///   ECCPT-style point error. Never traps, whatever the bytes.
    public init(decoding bytes: [UInt8]) throws(MIKEYDecodingError) {
        let trace = Self.trace(bytes)
        if let failure = trace.failure { throw failure }
        var header: CommonHeader?
        var payloads: [Payload] = []
        for element in trace.elements {
            switch element.value {
            case .header(let value): header = value
            case .payload(let value): payloads.append(value)
            }
        }
        // Invariant: a trace without failure starts with the decoded header.
        guard let header else { preconditionFailure("a complete trace has no header") }
        self.init(header: header, payloads: payloads)
    }

    /// Decodes as far as possible, for an inspector: every element understood (the header
    /// first), each with its offset, length and fields, and the error that stopped decoding.
    public static func trace(_ bytes: [UInt8]) -> DecodeTrace<MessageElement> {
        var chain = ChainDecoder<MessageElement>(
            bytes: bytes, container: "message", isSubPayload: false,
            allows: { !$0.isSubPayloadOnly },
            refusal: { _ in "a sub-payload, allowed only inside encrypted data" },
            decodeBody: { (type, reader) throws(MIKEYDecodingError) in .payload(try Payload.decodeBody(type, from: &reader)) },
            summary: { element in
                switch element {
                case .header(let header): header.summary
                case .payload(let payload): payload.body.summary
                }
            })

        var reader = chain.reader(for: nil, at: 0)
        let header: CommonHeader, next: PayloadType
        do throws(MIKEYDecodingError) {
            (header, next) = try CommonHeader.decode(from: &reader)
            if next != .last && next.isSubPayloadOnly {
                throw reader.failure(.misplacedPayload, at: 0,
                                     "next payload \(next.inWords): a sub-payload, allowed only inside encrypted data")
            }
        } catch {
            return DecodeTrace(elements: [], failure: error, partial: ChainDecoder<MessageElement>.partial(reader))
        }
        chain.elements.append(TracedElement(value: .header(header),
                                            description: ChainDecoder<MessageElement>.describe(reader, summary: header.summary)))
        guard next != .last else {
            do throws(MIKEYDecodingError) {
                try chain.checkEnd(after: reader, type: nil)
            } catch {
                return DecodeTrace(elements: chain.elements, failure: error, partial: nil)
            }
            return DecodeTrace(elements: chain.elements, failure: nil, partial: nil)
        }
        let (failure, partial) = chain.run(first: next, at: reader.position)
        return DecodeTrace(elements: chain.elements, failure: failure, partial: partial)
    }

    /// The descriptions an inspector shows for this message: encoded, then traced.
    public func describe() throws(MIKEYEncodingError) -> [PayloadDescription] {
        Self.trace(try encode()).descriptions
    }
}
