/// The codec of one payload or sub-payload layout: everything after its next-payload
/// octet (SIGN, which has none, is written and read whole). The chain codecs write and
/// read the next-payload octets.
protocol PayloadBody: Hashable, Sendable {
    /// Writes the fields after the next-payload octet.
    func encodeBody(into writer: inout ByteWriter) throws(MIKEYEncodingError)
    /// Reads the fields after the next-payload octet, recording each.
    static func decodeBody(from reader: inout PayloadReader) throws(MIKEYDecodingError) -> Self
    /// A one-line reading of the content for ``PayloadDescription/summary``.
    var summary: String { get }
}
