import MIKEY
import Primitives
import Testing

/// A corpus of malformed inputs built from valid ones (PROFILE D16): every truncation,
/// every length field off by one, every next-payload octet unknown, trailing octets. Each
/// must be an error value naming a payload inside the input, never a trap.
@Suite("Malformed-message corpus")
struct MalformedCorpusTests {
    static let messages: [(String, [UInt8])] = [
        ("I_MESSAGE_1", Fixtures.encode(Fixtures.iMessage1)),
        ("R_MESSAGE_2", Fixtures.encode(Fixtures.rMessage2)),
        ("REQUEST_KEY_RESP", Fixtures.encode(Fixtures.requestKeyResponse)),
        ("every payload", Fixtures.encode(Fixtures.everyPayload)),
    ]

    static let chains: [(String, PayloadType, [UInt8])] = {
        func encode(_ chain: [SubPayload]) -> [UInt8] {
            do { return try SubPayloadChain.encode(chain) } catch { fatalError("\(error)") }
        }
        return NISTCurve.allCases.flatMap { curve in
            [(false, "uncompressed"), (true, "compressed")].map { compressed, name in
                ("IBAKE \(curve.displayName) \(name)", PayloadType.idr, encode(Fixtures.ibakePlaintext(curve: curve, compressed: compressed)))
            }
        } + [("ESK", .id, encode(Fixtures.eskPlaintext)), ("KEMAC", .id, encode(Fixtures.kemacPlaintext))]
    }()

    /// Length and count fields by name, as the descriptions record them.
    static let lengthFields: Set<String> = [
        "#CS", "#P", "Session Data Length", "SPI Length", "ID len", "RAND len", "Encr data len", "Policy param length",
        "Length", "Cert len", "Data len", "Signature len", "SAKKE data length", "Key data len", "Salt len",
        "VF Length", "VT Length",
    ]

    /// Every field of every element, children included, with the element it belongs to.
    static func fields<E>(_ trace: DecodeTrace<E>) -> [(TracedElement<E>, FieldDescription)] {
        func flatten(_ field: FieldDescription) -> [FieldDescription] { [field] + field.children.flatMap(flatten) }
        return trace.elements.flatMap { element in element.description.fields.flatMap(flatten).map { (element, $0) } }
    }

    /// The bytes with the field at `range` read as a big-endian integer and `delta` added
    /// (wrapping within the field's octets).
    static func adjusted(_ bytes: [UInt8], _ range: Range<Int>, by delta: Int) -> [UInt8] {
        var copy = bytes
        var carry = delta
        for index in range.reversed() {
            let sum = Int(copy[index]) + carry
            copy[index] = UInt8(truncatingIfNeeded: sum)
            carry = sum >> 8
        }
        return copy
    }

    static func messageError(_ bytes: [UInt8]) -> MIKEYDecodingError? {
        do { _ = try MIKEYMessage(decoding: bytes); return nil } catch { return error }
    }

    static func chainError(_ bytes: [UInt8], _ first: PayloadType) -> MIKEYDecodingError? {
        do { _ = try SubPayloadChain.decode(bytes, first: first); return nil } catch { return error }
    }

    /// An error must name a payload that starts inside the input, at or before the fault.
    static func checkPlausible(_ error: MIKEYDecodingError?, count: Int, _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else {
            Issue.record("no error: \(comment)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.offset <= error.fieldOffset && error.fieldOffset <= count, "\(comment): \(error)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix("\(error.payloadName) at offset \(error.offset): "), sourceLocation: sourceLocation)
    }

    @Test("every truncation of a message is an error", arguments: messages)
    func truncations(name: String, bytes: [UInt8]) {
        for count in 0..<bytes.count {
            let error = Self.messageError(Array(bytes[0..<count]))
            Self.checkPlausible(error, count: count, "\(name) cut to \(count) octets")
            #expect(error?.kind == .truncated || error?.kind == .lengthOverrun, "\(name) cut to \(count): \(String(describing: error))")
        }
    }

    @Test("every truncation of a sub-payload chain is an error", arguments: chains)
    func chainTruncations(name: String, first: PayloadType, bytes: [UInt8]) {
        for count in 0..<bytes.count {
            let error = Self.chainError(Array(bytes[0..<count]), first)
            Self.checkPlausible(error, count: count, "\(name) cut to \(count) octets")
            #expect(error?.kind == .truncated || error?.kind == .lengthOverrun, "\(name) cut to \(count): \(String(describing: error))")
        }
    }

    /// Whether `field` counts octets that follow. The Empty map's #CS counts nothing (RFC 4563).
    static func countsOctets(_ field: FieldDescription, in element: PayloadDescription) -> Bool {
        guard lengthFields.contains(field.name) else { return false }
        return field.name != "#CS" || element.fields.first { $0.name == "CS ID map type" }?.value != "1 (Empty map)"
    }

    @Test("every length field of a message, plus and minus one, is an error", arguments: messages)
    func lengthFields(name: String, bytes: [UInt8]) throws {
        let original = try MIKEYMessage(decoding: bytes)
        let fields = Self.fields(MIKEYMessage.trace(bytes)).filter { Self.countsOctets($0.1, in: $0.0.description) }
        #expect(fields.count >= 2)
        for (element, field) in fields {
            for delta in [1, -1] {
                let mutated = Self.adjusted(bytes, field.range, by: delta)
                let comment = "\(name): \(field.name) of the \(element.description.name) at \(element.offset) \(delta > 0 ? "+" : "-")1"
                // A TLV's Length inside SP's Policy param block (delimited by its own length)
                // can shift the TLV boundaries into another well-formed list: then the message
                // must read differently, never silently as the original.
                if element.description.type == .securityPolicy && field.name == "Length",
                   let other = try? MIKEYMessage(decoding: mutated) {
                    #expect(other != original && (try? other.encode()) == mutated, "\(comment)")
                    continue
                }
                Self.checkPlausible(Self.messageError(mutated), count: mutated.count, comment)
            }
        }
    }

    @Test("every length field of a sub-payload chain, plus and minus one, is an error", arguments: chains)
    func chainLengthFields(name: String, first: PayloadType, bytes: [UInt8]) {
        let fields = Self.fields(SubPayloadChain.trace(bytes, first: first)).filter { Self.lengthFields.contains($0.1.name) }
        #expect(fields.count >= 2)
        for (element, field) in fields {
            for delta in [1, -1] {
                let mutated = Self.adjusted(bytes, field.range, by: delta)
                Self.checkPlausible(Self.chainError(mutated, first), count: mutated.count,
                                    "\(name): \(field.name) of the \(element.description.name) at \(element.offset) \(delta > 0 ? "+" : "-")1")
            }
        }
    }

    static let unknownTypes: [UInt8] = [18, 19, 27, 100, 240, 241, 255]

    @Test("every next-payload octet replaced by an unknown type is refused at that payload", arguments: messages)
    func unknownPayloadTypes(name: String, bytes: [UInt8]) {
        let nextFields = Self.fields(MIKEYMessage.trace(bytes)).filter { $0.1.name == "next payload" }
        #expect(nextFields.count == MIKEYMessage.trace(bytes).elements.count - (name == "every payload" ? 1 : 0))  // SIGN has none
        for (element, field) in nextFields {
            for unknown in Self.unknownTypes {
                var mutated = bytes
                mutated[field.range.lowerBound] = unknown
                let error = Self.messageError(mutated)
                #expect(error?.kind == .unknownPayloadType)
                #expect(error?.offset == element.offset && error?.fieldOffset == field.range.lowerBound)
                #expect(error?.payloadType == element.description.type)
                #expect(error?.detail == "next payload \(unknown) is not a registered payload type (expected 0-17, 20-26)")
            }
            var misplaced = bytes
            misplaced[field.range.lowerBound] = PayloadType.eccpt.rawValue
            let error = Self.messageError(misplaced)
            #expect(error?.kind == .misplacedPayload && error?.offset == element.offset)
        }
    }

    @Test("every next-payload octet of a chain replaced by an unknown or clear-only type is refused", arguments: chains)
    func chainUnknownTypes(name: String, first: PayloadType, bytes: [UInt8]) {
        for (element, field) in Self.fields(SubPayloadChain.trace(bytes, first: first)) where field.name == "next payload" {
            for unknown in Self.unknownTypes {
                var mutated = bytes
                mutated[field.range.lowerBound] = unknown
                let error = Self.chainError(mutated, first)
                #expect(error?.kind == .unknownPayloadType && error?.offset == element.offset)
                #expect(error?.description.hasPrefix("\(element.description.name) sub-payload at offset \(element.offset): next payload \(unknown)") == true)
            }
            for clear: PayloadType in [.timestamp, .rand, .ibake, .sign] {
                var mutated = bytes
                mutated[field.range.lowerBound] = clear.rawValue
                let error = Self.chainError(mutated, first)
                #expect(error?.kind == .misplacedPayload && error?.offset == element.offset)
            }
        }
    }

    @Test("trailing octets are refused after the last payload", arguments: messages)
    func trailing(name: String, bytes: [UInt8]) throws {
        let last = try #require(MIKEYMessage.trace(bytes).elements.last)
        for extra: [UInt8] in [[0], [0, 0, 0], [0x01, 0x16, 0x05]] {
            let error = Self.messageError(bytes + extra)
            #expect(error?.kind == .trailingBytes)
            #expect(error?.offset == last.offset && error?.fieldOffset == bytes.count)
        }
        for (chainName, first, chain) in Self.chains {
            let error = Self.chainError(chain + [0, 0], first)
            #expect(error?.kind == .trailingBytes, "\(chainName)")
            #expect(error?.detail == "2 octets follow the last payload (next payload 0)")
        }
    }

    @Test("a few errors checked by hand")
    func byHand() throws {
        let bytes = Fixtures.encode(Fixtures.iMessage1)
        // HDR 0..<19 (SRTP-ID map, one entry), T 19..<29, RAND 29..<47, IDRi 47..<73 (ID len at 50).
        var mutated = bytes
        mutated[50] = 0x01
        mutated[51] = 0x2C  // ID len 300
        var error = Self.messageError(mutated)
        #expect(error?.description == "IDR payload at offset 47: ID len 300 overruns the message (\(bytes.count - 52) octets remain)")
        #expect(error?.kind == .lengthOverrun && error?.fieldOffset == 52)

        mutated = bytes
        mutated[48] = 0  // ID Role 0 (reserved)
        error = Self.messageError(mutated)
        #expect(error?.description == "IDR payload at offset 47: ID Role 0 is not a registered value (expected 1-7)")

        mutated = bytes
        mutated[20] = 4  // TS type 4
        error = Self.messageError(mutated)
        #expect(error?.description == "T payload at offset 19: TS type 4 is not a registered value (expected 0-3)")

        mutated = bytes
        mutated[2] = 16  // HDR's next payload: TP, registered but without a layout here
        error = Self.messageError(mutated)
        #expect(error?.kind == .unsupportedPayload)
        #expect(error?.description == "TP payload at offset 19: 16 (TP) is registered (RFC 6043 §6.10) but this decoder has no layout for it")

        let r2 = Fixtures.encode(Fixtures.rMessage2)
        error = Self.messageError(Array(r2.dropLast(5)))
        #expect(error?.description == "V payload at offset \(r2.count - 34): truncated: MAC needs 32 octets, 27 octets remain")

        let esk = try SubPayloadChain.encode(Fixtures.eskPlaintext)
        // ID 0..<23 ("sip:bob@ims.example"), SK at 23: NP, Type|KV (0x12), Key data len 16 at 25.
        #expect(esk[24] == 0x12)
        var eskMutated = esk
        eskMutated[24] = 0x22  // SK type 2
        error = Self.chainError(eskMutated, .id)
        #expect(error?.description == "SK sub-payload at offset 23: Type 2 is not a registered value (expected 1)")
        eskMutated = esk
        eskMutated[24] = 0x13  // KV 3
        error = Self.chainError(eskMutated, .id)
        #expect(error?.description == "SK sub-payload at offset 23: KV 3 is not a registered value (expected 0-2)")
        error = Self.chainError(esk, .timestamp)
        #expect(error?.kind == .misplacedPayload && error?.description.hasPrefix("T sub-payload at offset 0: 5 (T) may not start encrypted data") == true)
        error = Self.messageError([])
        #expect(error?.description == "HDR payload at offset 0: truncated: version needs 1 octet, 0 octets remain")
    }

    @Test("random corruption never traps; whatever decodes re-encodes to a fixed point")
    func fuzz() {
        let random = HMACDRBG(seed: 6267)
        let inputs = Self.messages.map { ($0.1, PayloadType?.none) } + Self.chains.map { ($0.2, Optional($0.1)) }
        var decoded = 0
        for round in 0..<3000 {
            let (original, first) = inputs[round % inputs.count]
            var bytes = original
            let choice = random.bytes(4)
            let position = Int(choice[1]) << 8 | Int(choice[2])
            switch choice[0] % 4 {
            case 0: bytes[position % bytes.count] ^= choice[3] | 1
            case 1: bytes.insert(choice[3], at: position % (bytes.count + 1))
            case 2: bytes.remove(at: position % bytes.count)
            default: bytes = random.bytes(Int(choice[3]))
            }
            if let first {
                let trace = SubPayloadChain.trace(bytes, first: first)
                Self.checkConsistent(trace, count: bytes.count)
                if trace.isComplete, let again = try? SubPayloadChain.encode(trace.elements.map(\.value)) {
                    decoded += 1
                    #expect((try? SubPayloadChain.decode(again, first: first)) == trace.elements.map(\.value))
                }
            } else {
                let trace = MIKEYMessage.trace(bytes)
                Self.checkConsistent(trace, count: bytes.count)
                if let message = try? MIKEYMessage(decoding: bytes) {
                    decoded += 1
                    #expect((try? message.encode()).flatMap { try? MIKEYMessage(decoding: $0) } == message)
                }
            }
        }
        #expect(decoded > 0 && decoded < 3000)
    }

    /// Traced elements tile the input from offset 0 without gaps; a failure lies inside it.
    static func checkConsistent<E>(_ trace: DecodeTrace<E>, count: Int) {
        var position = 0
        for element in trace.elements {
            #expect(element.offset == position)
            position = element.description.range.upperBound
        }
        if let failure = trace.failure, failure.kind == .trailingBytes {
            // Trailing octets are blamed on the last payload, which decoded completely.
            #expect(failure.offset == trace.elements.last?.offset && failure.fieldOffset == position && position < count)
            #expect(trace.partial == nil)
        } else if let failure = trace.failure {
            #expect(failure.offset == position && failure.fieldOffset <= count)
            #expect(trace.partial.map { $0.range.lowerBound == position } ?? true)
        } else {
            #expect(position == count)
        }
    }
}
