/// The 16-bit word that packs a registered value into its top bits and the length of the
/// data that follows into the rest: PKE's `C (2 bits) || Data len (14 bits)` (RFC 3830
/// §6.3) and SIGN's `S type (4 bits) || Signature len (12 bits)` (RFC 3830 §6.5).
extension ByteWriter {
    /// The word holding `value` in its top `valueBits` bits and `data`'s length in the
    /// rest, then `data`; refuses data too long for the length's bits.
    mutating func valueAndLengthPrefixed(_ value: some MIKEYRegistry, valueBits: Int, _ data: [UInt8], field: String,
                                         lengthField: String) throws(MIKEYEncodingError) {
        let lengthBits = 16 - valueBits
        let length = try length(of: data, field: field, lengthField: lengthField, bits: lengthBits)
        uint16(UInt16(value.rawValue) << lengthBits | UInt16(length))
        append(data)
    }
}

extension PayloadReader {
    /// Reads the word (a value of `registry` in its top `valueBits` bits, a length in the
    /// rest), records both parts, then reads and records that many octets as `name`.
    mutating func valueAndLengthPrefixed<R: MIKEYRegistry>(_ registry: R.Type, valueBits: Int, _ name: String,
                                                           lengthField: String) throws(MIKEYDecodingError) -> (R, [UInt8]) {
        let at = position
        let lengthBits = 16 - valueBits
        let word = Self.integer(try take(2, for: "\(R.registryName) and \(lengthField)"))
        let value: R = try registeredValue(UInt8(word >> lengthBits), R.registryName, at: at)
        let length = Int(word & ((1 << lengthBits) - 1))
        record(R.registryName, value.inWords, at..<position, bits: 0..<valueBits)
        record(lengthField, Words.octets(length), at..<position, bits: valueBits..<16)
        return (value, try octets(name, count: length, countedBy: lengthField))
    }
}
