extension FixedWidthInteger {
    /// The value's octets, most significant first: network byte order, as every
    /// length, counter and identifier on the wire is written (RFC 3830 §6, RFC 3711 §4).
    public var bigEndianOctets: [UInt8] { withUnsafeBytes(of: bigEndian, Array.init) }
}
