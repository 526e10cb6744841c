/// One field of a payload as an inspector shows it: its name, its value in words, where
/// its bytes are and which RFC section defines it. Data, not text: the `decode` command
/// prints these as a tree with a hex dump or as JSON, the TUI draws them.
public struct FieldDescription: Hashable, Sendable, Codable {
    /// The field's name as the RFC spells it, for example `data type` or `ID len`.
    public let name: String
    /// The value in words, for example `22 (I_MESSAGE_1)` or `P-256 (8)`.
    public let value: String
    /// The octets the field occupies, as offsets into the decoded buffer (the message, or
    /// the plaintext of a sub-payload chain).
    public let range: Range<Int>
    /// For a field narrower than its octets (the V flag, a 4-bit KV, a 12-bit length): the
    /// bits it occupies within `range`, numbered from 0 at the most significant bit of the
    /// first octet, as the RFC diagrams number them. `nil` for whole-octet fields.
    public let bits: Range<Int>?
    /// Where the field is defined.
    public let reference: SpecReference
    /// Parts of a structured field: the entries of a CS ID map, the TLVs of a security
    /// policy, the coordinates of a point, the parts of KV data.
    public let children: [FieldDescription]

    /// A field description; `bits` is `nil` for whole-octet fields.
    public init(name: String, value: String, range: Range<Int>, bits: Range<Int>? = nil,
                reference: SpecReference, children: [FieldDescription] = []) {
        self.name = name
        self.value = value
        self.range = range
        self.bits = bits
        self.reference = reference
        self.children = children
    }
}

/// One payload (or the HDR, or a sub-payload) as an inspector shows it.
public struct PayloadDescription: Hashable, Sendable, Codable {
    /// The short name, for example `HDR`, `IDR`, `ECCPT`.
    public let name: String
    /// What it carries, for example `Identity with role`.
    public let title: String
    /// The payload type; `nil` for the common header, which has none.
    public let type: PayloadType?
    /// Whether this is a sub-payload inside encrypted data (offsets are then into the plaintext).
    public let isSubPayload: Bool
    /// A one-line reading of the content, for example `IDRi, URI "sip:alice@ims.example"`.
    /// Empty for a payload that failed to decode.
    public let summary: String
    /// The octets of the whole payload.
    public let range: Range<Int>
    /// The section that defines the payload's layout.
    public let reference: SpecReference
    /// The fields in wire order.
    public let fields: [FieldDescription]

    /// A payload description.
    public init(name: String, title: String, type: PayloadType?, isSubPayload: Bool, summary: String,
                range: Range<Int>, reference: SpecReference, fields: [FieldDescription]) {
        self.name = name
        self.title = title
        self.type = type
        self.isSubPayload = isSubPayload
        self.summary = summary
        self.range = range
        self.reference = reference
        self.fields = fields
    }
}

extension PayloadType: Codable {}
