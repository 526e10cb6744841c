/// Follows a chain of next-payload fields through a buffer (RFC 3830 §6: each payload's
/// first octet names the type of the one after it, 0 ends the chain, SIGN has none and is
/// last), decoding each element and recording its description. Shared by messages and by
/// sub-payload chains; both stop at the first fault and keep what they understood.
struct ChainDecoder<Element: Hashable & Sendable> {
    let bytes: [UInt8]
    /// `message` or `plaintext`.
    let container: String
    let isSubPayload: Bool
    /// Whether a payload type may follow in this chain (a next payload of 0 always may).
    let allows: (PayloadType) -> Bool
    /// Why a type may not follow, for the error.
    let refusal: (PayloadType) -> String
    let decodeBody: (PayloadType, inout PayloadReader) throws(MIKEYDecodingError) -> Element
    let summary: (Element) -> String

    var elements: [TracedElement<Element>] = []

    /// A reader for an element of `type` (`nil`: the HDR) at `start`.
    func reader(for type: PayloadType?, at start: Int) -> PayloadReader {
        PayloadReader(bytes: bytes, container: container, start: start, type: type, isSubPayload: isSubPayload,
                      reference: type?.definedIn ?? CommonHeader.reference)
    }

    /// Decodes elements from `start`, the first of type `first`, to the end of the chain;
    /// returns the fault and the partial description of the element it stopped in.
    mutating func run(first: PayloadType, at start: Int) -> (MIKEYDecodingError?, PayloadDescription?) {
        var type = first, position = start
        while true {
            var reader = reader(for: type, at: position)
            do throws(MIKEYDecodingError) {
                let next: PayloadType = type == .sign ? .last : try reader.nextPayload()  // SIGN has none
                if next != .last && !allows(next) {
                    throw reader.failure(.misplacedPayload, at: reader.start, "next payload \(next.inWords): \(refusal(next))")
                }
                let value = try decodeBody(type, &reader)
                elements.append(TracedElement(value: value, description: Self.describe(reader, summary: summary(value))))
                position = reader.position
                type = next
            } catch {
                return (error, Self.partial(reader))
            }
            if type == .last {
                do throws(MIKEYDecodingError) {
                    try checkEnd(after: reader, type: elements.last?.description.type)
                } catch {
                    return (error, nil)  // the element itself decoded completely
                }
                return (nil, nil)
            }
        }
    }

    /// After the last element: nothing may follow (PROFILE D16).
    func checkEnd(after reader: PayloadReader, type: PayloadType?) throws(MIKEYDecodingError) {
        guard reader.position < bytes.count else { return }
        let extra = bytes.count - reader.position
        let why = type == .sign ? "SIGN, which is always last (RFC 3830 §6.5)" : "the last payload (next payload 0)"
        throw reader.failure(.trailingBytes, "\(Words.octets(extra)) follow\(extra == 1 ? "s" : "") \(why)")
    }

    /// The description of a completely read element.
    static func describe(_ reader: PayloadReader, summary: String) -> PayloadDescription {
        PayloadDescription(name: reader.type?.name ?? "HDR", title: reader.type?.title ?? "Common header",
                           type: reader.type, isSubPayload: reader.isSubPayload, summary: summary,
                           range: reader.start..<reader.position, reference: reader.reference, fields: reader.fields)
    }

    /// The fields read before a fault, or `nil` if none was.
    static func partial(_ reader: PayloadReader) -> PayloadDescription? {
        reader.fields.isEmpty ? nil : describe(reader, summary: "")
    }
}

extension PayloadReader {
    /// The next-payload octet (RFC 3830 §6.1), which must be a registered payload type.
    mutating func nextPayload() throws(MIKEYDecodingError) -> PayloadType {
        let at = position
        let raw = try take(1, for: "next payload")[0]
        guard let next = PayloadType(rawValue: raw) else {
            throw failure(.unknownPayloadType, at: at,
                          "next payload \(raw) is not a registered payload type (expected \(PayloadType.registeredValues))")
        }
        record("next payload", next.inWords, at..<position, reference: .rfc(3830, "6.1"))
        return next
    }
}
