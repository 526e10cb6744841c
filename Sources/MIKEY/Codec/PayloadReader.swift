/// Reads one payload's fields from a buffer, refusing to read past its end (PROFILE D16),
/// and records each field it reads as a ``FieldDescription``, so that decoding and
/// describing are one code path and every recorded range is where the bytes really are.
struct PayloadReader {
    let bytes: [UInt8]
    /// `message` or `plaintext`: what a length overruns.
    private(set) var container: String
    /// One past the last octet this reader may read (the buffer's end unless narrowed).
    private(set) var end: Int
    let type: PayloadType?
    let isSubPayload: Bool
    /// Offset of the payload's first octet.
    let start: Int
    /// The section that defines the payload's layout; fields cite it unless told otherwise.
    let reference: SpecReference
    private(set) var position: Int
    private(set) var fields: [FieldDescription] = []

    init(bytes: [UInt8], container: String, start: Int, type: PayloadType?, isSubPayload: Bool,
         reference: SpecReference) {
        self.bytes = bytes
        self.container = container
        self.start = start
        self.position = start
        self.end = bytes.count
        self.type = type
        self.isSubPayload = isSubPayload
        self.reference = reference
    }

    /// Octets left in the buffer.
    var remaining: Int { end - position }

    /// Limits reading to the next `count` octets, which `container` names in errors (for a
    /// field that holds a list, such as SP's policy parameters); returns what ``widen(_:)``
    /// restores. The caller has checked that `count` octets remain.
    mutating func narrow(to count: Int, container: String) -> (end: Int, container: String) {
        defer {
            end = position + count
            self.container = container
        }
        return (end, self.container)
    }

    /// Undoes ``narrow(to:container:)``.
    mutating func widen(_ saved: (end: Int, container: String)) {
        end = saved.end
        container = saved.container
    }

    /// An error about this payload, at `offset` (default: the current position).
    func failure(_ kind: MIKEYDecodingError.Kind, at offset: Int? = nil, _ detail: String) -> MIKEYDecodingError {
        MIKEYDecodingError(kind, payloadType: type, isSubPayload: isSubPayload, offset: start,
                           fieldOffset: offset ?? position, detail)
    }

    // MARK: Taking octets

    /// The next `count` octets of the fixed-size field `field`.
    mutating func take(_ count: Int, for field: String) throws(MIKEYDecodingError) -> [UInt8] {
        guard count <= remaining else {
            throw failure(.truncated, "truncated: \(field) needs \(Words.octets(count)), \(Words.remain(remaining))")
        }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    /// The next `count` octets of `field`, whose length the field `lengthField` gave.
    mutating func take(_ count: Int, for field: String, countedBy lengthField: String) throws(MIKEYDecodingError) -> [UInt8] {
        guard count <= remaining else {
            throw failure(.lengthOverrun, "\(lengthField) \(count) overruns the \(container) (\(Words.remain(remaining)))")
        }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    // MARK: Recording

    /// Records a field that occupies `range`.
    mutating func record(_ name: String, _ value: String, _ range: Range<Int>, bits: Range<Int>? = nil,
                         reference: SpecReference? = nil, children: [FieldDescription] = []) {
        fields.append(FieldDescription(name: name, value: value, range: range, bits: bits,
                                       reference: reference ?? self.reference, children: children))
    }

    /// The number of fields recorded so far: a mark for ``removeFields(since:)``.
    var fieldMark: Int { fields.count }

    /// Removes and returns the fields recorded since `mark`, to nest them as the children
    /// of a structured field.
    mutating func removeFields(since mark: Int) -> [FieldDescription] {
        let children = Array(fields[mark...])
        fields.removeSubrange(mark...)
        return children
    }

    // MARK: Reading and recording

    /// One octet, recorded with `describe`'s reading of it.
    mutating func octet(_ name: String, reference: SpecReference? = nil,
                        describe: (UInt8) -> String = { "\($0)" }) throws(MIKEYDecodingError) -> UInt8 {
        let at = position
        let value = try take(1, for: name)[0]
        record(name, describe(value), at..<position, reference: reference)
        return value
    }

    /// A 16-bit big-endian integer.
    mutating func uint16(_ name: String, reference: SpecReference? = nil,
                         describe: (UInt16) -> String = { "\($0)" }) throws(MIKEYDecodingError) -> UInt16 {
        let at = position
        let octets = try take(2, for: name)
        let value = UInt16(octets[0]) << 8 | UInt16(octets[1])
        record(name, describe(value), at..<position, reference: reference)
        return value
    }

    /// A 32-bit big-endian integer.
    mutating func uint32(_ name: String, reference: SpecReference? = nil,
                         describe: (UInt32) -> String = { "\($0)" }) throws(MIKEYDecodingError) -> UInt32 {
        let at = position
        let value = Self.integer(try take(4, for: name))
        record(name, describe(UInt32(value)), at..<position, reference: reference)
        return UInt32(value)
    }

    /// A registered value of `registry` in one octet; an unregistered one is an error that
    /// lists the registered values.
    mutating func registered<R: MIKEYRegistry>(_ registry: R.Type, _ name: String? = nil,
                                               reference: SpecReference? = nil) throws(MIKEYDecodingError) -> R {
        let field = name ?? R.registryName
        let at = position
        let raw = try take(1, for: field)[0]
        let value: R = try registeredValue(raw, field, at: at)
        record(field, value.inWords, at..<position, reference: reference)
        return value
    }

    /// `raw` as a value of `R`, or an error naming `field` at `offset`.
    func registeredValue<R: MIKEYRegistry>(_ raw: UInt8, _ field: String, at offset: Int) throws(MIKEYDecodingError) -> R {
        guard let value = R(rawValue: raw) else {
            throw failure(.invalidValue, at: offset,
                          "\(field) \(raw) is not a registered value (expected \(R.registeredValues))")
        }
        return value
    }

    /// `count` octets whose length `lengthField` gave, recorded with `describe`.
    mutating func octets(_ name: String, count: Int, countedBy lengthField: String, reference: SpecReference? = nil,
                         describe: ([UInt8]) -> String = Words.hex) throws(MIKEYDecodingError) -> [UInt8] {
        let at = position
        let value = try take(count, for: name, countedBy: lengthField)
        record(name, describe(value), at..<position, reference: reference)
        return value
    }

    /// `count` octets of a field whose size another field implies (an algorithm, a group).
    mutating func octets(_ name: String, fixedCount count: Int, reference: SpecReference? = nil,
                         describe: ([UInt8]) -> String = Words.hex) throws(MIKEYDecodingError) -> [UInt8] {
        let at = position
        let value = try take(count, for: name)
        record(name, describe(value), at..<position, reference: reference)
        return value
    }

    /// A 1-octet length field, then that many octets.
    mutating func lengthPrefixed8(_ name: String, lengthField: String, reference: SpecReference? = nil,
                                  describe: ([UInt8]) -> String = Words.hex) throws(MIKEYDecodingError) -> [UInt8] {
        let count = try octet(lengthField, reference: reference) { Words.octets(Int($0)) }
        return try octets(name, count: Int(count), countedBy: lengthField, reference: reference, describe: describe)
    }

    /// A 2-octet length field, then that many octets.
    mutating func lengthPrefixed16(_ name: String, lengthField: String, reference: SpecReference? = nil,
                                   describe: ([UInt8]) -> String = Words.hex) throws(MIKEYDecodingError) -> [UInt8] {
        let count = try uint16(lengthField, reference: reference) { Words.octets(Int($0)) }
        return try octets(name, count: Int(count), countedBy: lengthField, reference: reference, describe: describe)
    }

    /// Big-endian octets as an integer (at most 8 octets).
    static func integer(_ octets: [UInt8]) -> UInt64 {
        octets.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
