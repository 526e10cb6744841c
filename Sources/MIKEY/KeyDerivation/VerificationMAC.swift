/// The input of a V payload's MAC (RFC 6267 §5.4, PROFILE D8): the message's octets up to,
/// not including, the MAC field, with every ESK payload's octets left out. The IBAKE layer
/// appends the ID data of IDRi and IDRr itself.
public enum VerificationMAC {
    /// The MAC input for received octets: `bytes` must decode, and V must be its last payload.
    ///
    /// - Throws: ``MIKEYDecodingError`` if the message does not decode, or of kind
    ///   `.missingPayload` if its last payload is not V.
    public static func input(forMessage bytes: [UInt8]) throws(MIKEYDecodingError) -> [UInt8] {
        let trace = MIKEYMessage.trace(bytes)
        if let failure = trace.failure { throw failure }
        guard let last = trace.elements.last, case .payload(.verification) = last.value else {
            let offset = trace.elements.last?.offset ?? 0
            throw MIKEYDecodingError(.missingPayload, payloadType: trace.elements.last?.description.type, offset: offset,
                                     fieldOffset: offset, "the last payload is not V, so there is no MAC field to compute the input for")
        }
        let macStart = last.offset + 2  // next payload, Auth alg (RFC 3830 §6.9)
        var input: [UInt8] = []
        var position = 0
        for element in trace.elements {
            guard case .payload(.esk) = element.value else { continue }
            input += bytes[position..<element.offset]
            position = element.description.range.upperBound
        }
        input += bytes[position..<macStart]
        return input
    }

    /// The MAC input for a message about to be sent; its last payload must be V, whose
    /// MAC may be a placeholder (``VerificationPayload/placeholder(_:)``): it is not part
    /// of the input.
    ///
    /// - Throws: ``MIKEYEncodingError`` if the message does not encode or does not end with V.
    public static func input(for message: MIKEYMessage) throws(MIKEYEncodingError) -> [UInt8] {
        guard case .verification = message.payloads.last else {
            throw MIKEYEncodingError("message", "the last payload is not V, so there is no MAC field to compute the input for")
        }
        let bytes = try message.encode()
        do throws(MIKEYDecodingError) {
            return try input(forMessage: bytes)
        } catch {
            // Invariant: encode and decode are inverses, so an encoded message decodes.
            preconditionFailure("an encoded message failed to decode: \(error)")
        }
    }
}
