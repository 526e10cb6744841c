import MIKEY

/// One input through the MIKEY decoder (PROFILE D16). Properties:
/// - `MIKEYMessage(decoding:)` fails exactly when `trace` reports a failure, with the same error;
/// - an error names a payload that starts inside the input, at or before the fault;
/// - a complete trace describes the input without gaps: the header at 0, each payload where
///   the one before ends, the last ending at the input's end;
/// - what decodes re-encodes to the same octets, except in fields named `Reserved`, which
///   RFC 3830 has the receiver ignore (the encoder writes them as zero), and decodes again
///   to the same message.
@discardableResult
public func fuzzDecoder(_ data: [UInt8]) -> FuzzOutcome {
    checkDecoding(data, .decoder, trace: MIKEYMessage.trace(data),
                  decode: { bytes throws(MIKEYDecodingError) in try MIKEYMessage(decoding: bytes) },
                  encode: { message throws(MIKEYEncodingError) in try message.encode() })
}

/// One input through the sub-payload chain decoder, which reads what an IBE layer or a
/// KEMAC decrypts to (anyone can encrypt to an identity, so this is reachable by any
/// sender). The first octet is the first item's type (IDR 14 for IBAKE, ID 6 for ESK and
/// KEMAC), since a plaintext does not say it; the same properties as ``fuzzDecoder(_:)``,
/// with the ECCPT padding (PROFILE D5: pad octets ignored) masked like `Reserved`.
@discardableResult
public func fuzzSubPayloads(_ data: [UInt8]) -> FuzzOutcome {
    guard let selector = data.first, let first = PayloadType(rawValue: selector) else { return .rejected("no first payload type") }
    let plaintext = Array(data.dropFirst())
    return checkDecoding(plaintext, .subpayloads, trace: SubPayloadChain.trace(plaintext, first: first),
                         decode: { bytes throws(MIKEYDecodingError) in try SubPayloadChain.decode(bytes, first: first) },
                         encode: { chain throws(MIKEYEncodingError) in try SubPayloadChain.encode(chain) })
}

/// The properties of both decoders: the strict decode agrees with the trace, refuses with a
/// located error, and what it accepts round-trips.
private func checkDecoding<Element, Value: Equatable>(
    _ input: [UInt8], _ target: FuzzTarget, trace: DecodeTrace<Element>,
    decode: ([UInt8]) throws(MIKEYDecodingError) -> Value, encode: (Value) throws(MIKEYEncodingError) -> [UInt8]
) -> FuzzOutcome {
    let value: Value
    do {
        value = try decode(input)
    } catch {
        guard trace.failure == error else { propertyViolated(target, "decode threw \(error), trace reports \(String(describing: trace.failure))") }
        checkLocated(error, count: input.count, target)
        return .rejected(error.description)
    }
    guard trace.isComplete else { propertyViolated(target, "decode succeeded, trace failed: \(String(describing: trace.failure))") }
    checkRoundTrip(input, descriptions: trace.descriptions, target, decoded: value) { () throws(MIKEYEncodingError) in
        try encode(value)
    } decodeAgain: { bytes in
        (try? decode(bytes)) == value
    }
    return .accepted
}

/// An error must name a payload that starts inside the input, at or before the fault.
private func checkLocated(_ error: MIKEYDecodingError, count: Int, _ target: FuzzTarget) {
    guard 0 <= error.offset, error.offset <= error.fieldOffset, error.fieldOffset <= count else {
        propertyViolated(target, "error outside the input of \(count) octets: \(error)")
    }
    guard error.description.hasPrefix("\(error.payloadName) at offset \(error.offset): ") else {
        propertyViolated(target, "error that does not name its payload and offset: \(error)")
    }
}

/// Fields the decoder reads and then ignores, so re-encoding may write other octets there.
private let ignoredFields: Set<String> = ["Reserved", "Padding"]

/// The descriptions tile the input, and encoding the decoded value gives the input back
/// outside ignored fields, and decodes to the same value.
private func checkRoundTrip<Value>(_ input: [UInt8], descriptions: [PayloadDescription], _ target: FuzzTarget, decoded: Value,
                                   encode: () throws(MIKEYEncodingError) -> [UInt8],
                                   decodeAgain: ([UInt8]) -> Bool) {
    var end = 0
    for description in descriptions {
        guard description.range.lowerBound == end else {
            propertyViolated(target, "\(description.name) described at \(description.range), the one before ends at \(end)")
        }
        end = description.range.upperBound
    }
    guard end == input.count else { propertyViolated(target, "the descriptions end at \(end) of \(input.count) octets") }

    let encoded: [UInt8]
    do {
        encoded = try encode()
    } catch {
        propertyViolated(target, "a decoded value does not encode: \(error)")
    }
    guard encoded.count == input.count else {
        propertyViolated(target, "re-encoded to \(encoded.count) octets from \(input.count): \(decoded)")
    }
    var mask = [UInt8](repeating: 0xFF, count: input.count)
    func clear(_ field: FieldDescription) {
        if ignoredFields.contains(field.name) {
            for index in field.range where index < mask.count {
                mask[index] &= ~ignoredBits(field, octet: index)
            }
        }
        field.children.forEach(clear)
    }
    descriptions.forEach { $0.fields.forEach(clear) }
    if let index = input.indices.first(where: { (input[$0] ^ encoded[$0]) & mask[$0] != 0 }) {
        propertyViolated(target, "re-encoded octet \(index) is \(encoded[index]), the input has \(input[index]): \(decoded)")
    }
    guard decodeAgain(encoded) else { propertyViolated(target, "the re-encoded octets decode to another value: \(decoded)") }
}

/// The bits of `octet` that `field` occupies (all eight for a whole-octet field).
private func ignoredBits(_ field: FieldDescription, octet: Int) -> UInt8 {
    guard let bits = field.bits else { return 0xFF }
    var mask: UInt8 = 0
    let first = (octet - field.range.lowerBound) * 8
    for bit in 0..<8 where bits.contains(first + bit) {
        mask |= 0x80 >> UInt8(bit)
    }
    return mask
}
