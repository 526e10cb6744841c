import MIKEY

/// What the inspector shows for one wire message: the decoded payload tree (the same
/// decoder and field descriptions as `mikey-ibake decode`), or, for a message that
/// is not MIKEY (SRTP, a deposit, a pickup, a plain IBE ciphertext), only its octets.
/// With its IBE layers opened as a party (`o`), each IBAKE or ESK payload is followed by
/// what that party's keys made of it: U, V and W, and the plaintext chain, or the refusal.
public struct InspectorDocument: Sendable {
    /// Where a line's octets are: in the message, or in the plaintext of an opened layer.
    public enum Buffer: Sendable, Hashable {
        case message
        /// `plaintexts[index]`.
        case plaintext(Int)
    }

    /// One line of the decoded tree.
    public struct Line: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A payload's (or an opened sub-payload's) first line: name and title.
            case payload
            /// The payload read in words.
            case summary
            /// A field, nested `depth` levels below its payload (1 = a top-level field).
            case field(depth: Int)
            /// Where decoding stopped.
            case error
            /// The first line of an IBE layer opened as a party, or left shut.
            case layer(opened: Bool)
            /// Why a layer stays shut, in words (wrapped to the width).
            case note
        }

        public let kind: Kind
        /// Offset of the first octet in its buffer.
        public let offset: Int?
        public let name: String
        public let value: String
        /// The RFC section or profile decision that defines it.
        public let reference: String
        /// 0 for the message's own lines, 1 inside an opened IBE layer.
        public var indent = 0
        /// The octets it describes, for the hex view to highlight when it is selected.
        public var octets: Range<Int>?
        public var buffer = Buffer.message
        /// Where it is by names (`IDR#2 > ID data`), for a payload, a field or a layer:
        /// how a tutorial's `inspect` directive chooses it.
        public var path: FieldPath?

        /// Whether Up/Down stop on it: payloads, fields and layers, not their prose.
        public var isSelectable: Bool {
            switch kind {
            case .payload, .field, .layer: octets != nil
            case .summary, .error, .note: false
            }
        }
    }

    /// A labelled stretch of octets for the hex view: a payload, the whole message, or
    /// an opened layer's plaintext.
    public struct Section: Sendable, Equatable {
        public let name: String
        public let range: Range<Int>
        public var buffer = Buffer.message
    }

    public let name: String
    public let octets: [UInt8]
    /// The message decoded as MIKEY (its header names the same message).
    public let isMIKEY: Bool
    /// Whether it carries IBE layers (IBAKE or ESK payloads) a party may try to open.
    public let hasIBELayers: Bool
    /// The field tree; empty for a non-MIKEY message.
    public private(set) var lines: [Line] = []
    /// Payload ranges for the hex view (one section for a non-MIKEY message).
    public private(set) var sections: [Section]
    /// The plaintexts of the opened layers, in the order their lines refer to them.
    public private(set) var plaintexts: [[UInt8]] = []
    /// The party the layers are opened as (its tag), when they are.
    public let openedAs: String?

    /// Deeper fields (the type, length and value octets of one policy parameter) are
    /// left to the hex view and `mikey-ibake decode`: their parent already reads them in words.
    public static let deepestShownField = 2

    /// The indexes of the lines the field view shows, in order.
    public var shownLines: [Int] {
        lines.indices.filter {
            if case .field(let depth) = lines[$0].kind { return depth <= Self.deepestShownField }
            return true
        }
    }

    /// The lines Up/Down stop on: shown, and with octets to highlight.
    public var selectableLines: [Int] { shownLines.filter { lines[$0].isSelectable } }

    /// The selectable line at `path`, if the document has one.
    public func line(at path: FieldPath) -> Line? {
        selectableLines.lazy.map { lines[$0] }.first { $0.path == path }
    }

    /// The octets of `buffer`.
    public func octets(of buffer: Buffer) -> [UInt8] {
        switch buffer {
        case .message: octets
        case .plaintext(let index): plaintexts.indices.contains(index) ? plaintexts[index] : []
        }
    }

    /// The document of `message`, its IBE layers as `openings` found them (opened as the
    /// party tagged `openedAs`), or as sent when there are none.
    public init(message: WireMessage, openings: [LayerOpening] = [], openedAs: String? = nil) {
        name = message.kind.name
        octets = message.octets
        let trace = MIKEYMessage.trace(message.octets)
        var isMIKEY = false
        if case .header(let header)? = trace.elements.first?.value { isMIKEY = header.dataType == message.kind.dataType }
        self.isMIKEY = isMIKEY
        hasIBELayers = isMIKEY && trace.descriptions.contains { $0.type == .ibake || $0.type == .esk }
        self.openedAs = openings.isEmpty ? nil : openedAs
        guard isMIKEY else {
            sections = [Section(name: message.kind.name, range: 0..<message.octets.count)]
            return
        }
        sections = trace.descriptions.map { Section(name: $0.name, range: $0.range) }
        var names = Siblings()
        for payload in trace.descriptions {
            let opening = openings.first { $0.payloadRange == payload.range }
            let path = names.path(payload.name, under: nil)
            append(payload, at: path, buffer: .message, indent: 0, ciphertextParts: opening?.ciphertextParts ?? [], names: &names)
            if let opening { append(opening, under: path, openedAs: openedAs ?? opening.party.rawValue, names: &names) }
        }
        if let failure = trace.failure {
            lines.append(Line(kind: .error, offset: failure.fieldOffset, name: "error", value: failure.description, reference: ""))
        }
    }

    /// Counts the names met under each path, so a repeated name gets its `#N`.
    private struct Siblings {
        private var seen: [FieldPath?: [String: Int]] = [:]

        mutating func path(_ name: String, under parent: FieldPath?) -> FieldPath {
            let occurrence = (seen[parent]?[name] ?? 0) + 1
            seen[parent, default: [:]][name] = occurrence
            return parent?.appending(name, occurrence: occurrence) ?? FieldPath([.init(name, occurrence: occurrence)])
        }
    }

    /// A payload's lines: its name, its summary, its fields (U, V and W below Encr data).
    private mutating func append(_ payload: PayloadDescription, at path: FieldPath, buffer: Buffer, indent: Int,
                                 ciphertextParts: [FieldDescription], names: inout Siblings) {
        lines.append(Line(kind: .payload, offset: payload.range.lowerBound, name: payload.name, value: payload.title,
                          reference: payload.reference.description, indent: indent, octets: payload.range, buffer: buffer,
                          path: path))
        if !payload.summary.isEmpty {
            lines.append(Line(kind: .summary, offset: nil, name: "", value: payload.summary, reference: "", indent: indent))
        }
        for field in payload.fields {
            let fieldPath = append(field, under: path, depth: 1, buffer: buffer, indent: indent, names: &names)
            if field.name == "Encr data" {
                for part in ciphertextParts {
                    append(part, under: fieldPath, depth: 2, buffer: buffer, indent: indent, names: &names)
                }
            }
        }
    }

    @discardableResult
    private mutating func append(_ field: FieldDescription, under parent: FieldPath, depth: Int, buffer: Buffer, indent: Int,
                                 names: inout Siblings) -> FieldPath {
        let bits = field.bits.map { " bits \($0.lowerBound)-\($0.upperBound - 1)" } ?? ""
        let path = names.path(field.name, under: parent)
        lines.append(Line(kind: .field(depth: depth), offset: field.range.lowerBound, name: field.name + bits,
                          value: field.value, reference: field.reference.description, indent: indent, octets: field.range,
                          buffer: buffer, path: path))
        for child in field.children { append(child, under: path, depth: depth + 1, buffer: buffer, indent: indent, names: &names) }
        return path
    }

    /// An opened layer: its plaintext chain, offsets from the plaintext's first octet, or why it stays shut.
    /// Its sub-payloads are named under the payload that carries it (`IBAKE > ECCPT`).
    private mutating func append(_ opening: LayerOpening, under payload: FieldPath, openedAs party: String, names: inout Siblings) {
        let name = opening.payload.name
        let path = payload.appending("plaintext")
        guard let opened = opening.opened else {
            lines.append(Line(kind: .layer(opened: false), offset: opening.ciphertextRange.lowerBound, name: "\(name) as \(party)",
                              value: "stays shut", reference: "RFC 5091 §5.5", indent: 1, octets: opening.ciphertextRange,
                              path: path))
            lines.append(Line(kind: .note, offset: nil, name: "", value: opening.refusal ?? "", reference: "", indent: 1))
            return
        }
        let buffer = Buffer.plaintext(plaintexts.count)
        plaintexts.append(opened.plaintext)
        sections.append(Section(name: "\(name) plaintext as \(party)", range: 0..<opened.plaintext.count, buffer: buffer))
        lines.append(Line(kind: .layer(opened: true), offset: 0, name: "\(name) as \(party)",
                          value: "opened with \(opened.key), \(opened.plaintext.count) octets",
                          reference: "RFC 5091 §5.5", indent: 1, octets: 0..<opened.plaintext.count, buffer: buffer, path: path))
        for item in opened.chain {
            append(item, at: names.path(item.name, under: payload), buffer: buffer, indent: 1, ciphertextParts: [], names: &names)
        }
        if let failure = opened.failure {
            lines.append(Line(kind: .error, offset: nil, name: "error", value: failure, reference: "", indent: 1))
        }
    }
}
