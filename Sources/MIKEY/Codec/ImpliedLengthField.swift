/// A registered value in one octet, then a field whose length that value implies:
/// CHASH's `Hash func || Hash`, V's `Auth alg || MAC` (RFC 3830 §6.8, §6.9) and DH's
/// `DH-Group || DH-value` (§6.4). No length field travels, so the encoder must refuse a
/// value of the wrong length: the decoder would read the wrong number of octets.
extension ByteWriter {
    /// `registered`'s octet, then `value`, which must be `impliedLength` octets long.
    mutating func registered(_ registered: some MIKEYRegistry, then value: [UInt8], impliedLength: Int,
                             field: String) throws(MIKEYEncodingError) {
        try requireLength(value, impliedLength, field: field, because: registered.name)
        octet(registered.rawValue)
        append(value)
    }
}

extension PayloadReader {
    /// A value of `registry` (recorded as `name`, default the registry's name), then the
    /// field `field` of the length `impliedLength` gives for it.
    mutating func registered<R: MIKEYRegistry>(_ registry: R.Type, _ name: String? = nil, then field: String,
                                               impliedLength: (R) -> Int) throws(MIKEYDecodingError) -> (R, [UInt8]) {
        let value = try registered(registry, name)
        return (value, try octets(field, fixedCount: impliedLength(value)))
    }
}
