/// Appends MIKEY fields in network byte order (RFC 3830 §6: all integers big-endian) and
/// refuses values that do not fit their length fields.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []
    /// The payload being written, for error messages (`RAND payload`).
    var subject: String

    init(subject: String) {
        self.subject = subject
    }

    mutating func octet(_ value: UInt8) { bytes.append(value) }

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func append(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    /// `data.count` as a `bits`-bit length, or an error naming `field` and `lengthField`.
    func length(of data: [UInt8], field: String, lengthField: String, bits: Int) throws(MIKEYEncodingError) -> Int {
        let maximum = (1 << bits) - 1
        guard data.count <= maximum else {
            throw MIKEYEncodingError(subject, "\(field) of \(data.count) octets does not fit its \(bits)-bit \(lengthField) field (at most \(maximum))")
        }
        return data.count
    }

    /// An 8-bit length, then `data`.
    mutating func lengthPrefixed8(_ data: [UInt8], field: String, lengthField: String) throws(MIKEYEncodingError) {
        octet(UInt8(try length(of: data, field: field, lengthField: lengthField, bits: 8)))
        append(data)
    }

    /// A 16-bit length, then `data`.
    mutating func lengthPrefixed16(_ data: [UInt8], field: String, lengthField: String) throws(MIKEYEncodingError) {
        uint16(UInt16(try length(of: data, field: field, lengthField: lengthField, bits: 16)))
        append(data)
    }

    /// Checks that `data` has exactly the length `algorithm` implies.
    func requireLength(_ data: [UInt8], _ expected: Int, field: String, because reason: String) throws(MIKEYEncodingError) {
        guard data.count == expected else {
            throw MIKEYEncodingError(subject, "\(field) of \(data.count) octets, \(expected) expected for \(reason)")
        }
    }
}
