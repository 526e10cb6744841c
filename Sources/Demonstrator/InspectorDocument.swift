import MIKEY
import Scenarios

/// What the inspector shows for one wire message: the decoded payload tree (the same
/// decoder and field descriptions as `mikey-ibake decode`), or, for a message that
/// is not MIKEY (SRTP, a deposit, a pickup, a plain IBE ciphertext), only its octets.
public struct InspectorDocument: Sendable {
    /// One line of the decoded tree.
    public struct Line: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A payload's first line: name and title.
            case payload
            /// The payload read in words.
            case summary
            /// A field, nested `depth` levels below its payload (1 = a top-level field).
            case field(depth: Int)
            /// Where decoding stopped.
            case error
        }

        public let kind: Kind
        /// Offset of the first octet in the message.
        public let offset: Int?
        public let name: String
        public let value: String
        /// The RFC section or profile decision that defines it.
        public let reference: String
    }

    /// A labelled stretch of octets for the hex view: a payload, or the whole message.
    public struct Section: Sendable, Equatable {
        public let name: String
        public let range: Range<Int>
    }

    public let name: String
    public let octets: [UInt8]
    /// The message decoded as MIKEY (its header names the same message).
    public let isMIKEY: Bool
    /// The field tree; empty for a non-MIKEY message.
    public let lines: [Line]
    /// Payload ranges for the hex view (one section for a non-MIKEY message).
    public let sections: [Section]

    public init(message: WireMessage) {
        name = message.kind.name
        octets = message.octets
        let trace = MIKEYMessage.trace(message.octets)
        var isMIKEY = false
        if case .header(let header)? = trace.elements.first?.value { isMIKEY = header.dataType == message.kind.dataType }
        self.isMIKEY = isMIKEY
        guard isMIKEY else {
            lines = []
            sections = [Section(name: message.kind.name, range: 0..<message.octets.count)]
            return
        }
        var lines = [Line]()
        for payload in trace.descriptions {
            lines.append(Line(kind: .payload, offset: payload.range.lowerBound, name: payload.name, value: payload.title,
                              reference: payload.reference.description))
            if !payload.summary.isEmpty {
                lines.append(Line(kind: .summary, offset: nil, name: "", value: payload.summary, reference: ""))
            }
            for field in payload.fields { Self.append(field, depth: 1, to: &lines) }
        }
        if let failure = trace.failure {
            lines.append(Line(kind: .error, offset: failure.fieldOffset, name: "error", value: failure.description, reference: ""))
        }
        self.lines = lines
        sections = trace.descriptions.map { Section(name: $0.name, range: $0.range) }
    }

    private static func append(_ field: FieldDescription, depth: Int, to lines: inout [Line]) {
        let bits = field.bits.map { " bits \($0.lowerBound)-\($0.upperBound - 1)" } ?? ""
        lines.append(Line(kind: .field(depth: depth), offset: field.range.lowerBound, name: field.name + bits,
                          value: field.value, reference: field.reference.description))
        for child in field.children { append(child, depth: depth + 1, to: &lines) }
    }
}
