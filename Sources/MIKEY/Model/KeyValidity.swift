/// Key validity data (RFC 3830 §6.14): when or for which index a key is valid. Follows a
/// `KV` type field in Key data, DH, SK and ECCPT.
public enum KeyValidity: Hashable, Sendable {
    /// KV = 0: no validity data.
    case null
    /// KV = 1: an SPI or SRTP MKI (`SPI Length` (8 bits) || SPI).
    case spi([UInt8])
    /// KV = 2: an interval (`VF Length` || Valid From || `VT Length` || Valid To); for
    /// SRTP two 48-bit packet indexes. PROFILE D11 puts the key period here for K_PR.
    case interval(validFrom: [UInt8], validTo: [UInt8])

    /// The KV type that announces this data.
    public var type: KeyValidityType {
        switch self {
        case .null: .null
        case .spi: .spi
        case .interval: .interval
        }
    }

    /// `none`, `SPI 0a0b`, `from 2026-11 to 2026-11`.
    public var summary: String {
        switch self {
        case .null: "none"
        case .spi(let spi): "SPI/MKI \(Words.hex(spi))"
        case .interval(let from, let to): "from \(Words.identity(from)) to \(Words.identity(to))"
        }
    }

    static let reference = SpecReference.rfc(3830, "6.14")

    /// Writes the KV data (the KV type itself is written by the payload, in a nibble).
    func encode(into writer: inout ByteWriter) throws(MIKEYEncodingError) {
        switch self {
        case .null:
            break
        case .spi(let spi):
            try writer.lengthPrefixed8(spi, field: "SPI", lengthField: "SPI Length")
        case .interval(let from, let to):
            try writer.lengthPrefixed8(from, field: "Valid From", lengthField: "VF Length")
            try writer.lengthPrefixed8(to, field: "Valid To", lengthField: "VT Length")
        }
    }

    /// Reads the KV data that `type` announces, recorded as one `KV data` field.
    static func decode(_ type: KeyValidityType, from reader: inout PayloadReader) throws(MIKEYDecodingError) -> KeyValidity {
        let at = reader.position, mark = reader.fieldMark
        let validity: KeyValidity
        switch type {
        case .null:
            return .null
        case .spi:
            validity = .spi(try reader.lengthPrefixed8("SPI", lengthField: "SPI Length", reference: reference))
        case .interval:
            let from = try reader.lengthPrefixed8("Valid From", lengthField: "VF Length", reference: reference, describe: Words.identity)
            let to = try reader.lengthPrefixed8("Valid To", lengthField: "VT Length", reference: reference, describe: Words.identity)
            validity = .interval(validFrom: from, validTo: to)
        }
        let parts = reader.removeFields(since: mark)
        reader.record("KV data", validity.summary, at..<reader.position, reference: reference, children: parts)
        return validity
    }
}

extension PayloadReader {
    /// Reads the octet whose high nibble is `highName` and whose low nibble is the KV type
    /// (Key data, SK: Type || KV; DH, ECCPT: Reserved || KV), records both halves and
    /// returns the high nibble and the KV type.
    mutating func nibbleAndKeyValidityType(_ highName: String, highReference: SpecReference? = nil,
                                           describeHigh: (UInt8) -> String) throws(MIKEYDecodingError) -> (UInt8, KeyValidityType) {
        let at = position
        let octet = try take(1, for: "\(highName) and KV")[0]
        let high = octet >> 4
        record(highName, describeHigh(high), at..<position, bits: 0..<4, reference: highReference)
        let type: KeyValidityType = try registeredValue(octet & 0x0F, "KV", at: at)
        record("KV", type.inWords, at..<position, bits: 4..<8, reference: KeyValidity.reference)
        return (high, type)
    }
}

/// How the ignored `Reserved` bits read: zero, or the value and that it is ignored.
func reservedInWords<T: BinaryInteger>(_ value: T) -> String {
    value == 0 ? "0" : "\(value) (nonzero, ignored)"
}
