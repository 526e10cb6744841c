/// A line of an inspected message named by the payloads and fields above it, as a
/// tutorial's `inspect` directive writes it: `HDR`, `HDR > CSB ID`, `IDR#2 > ID data`,
/// `IBAKE > Encr data > U`. Inside an IBE layer opened as a party the layer's
/// sub-payloads are its payload's children (`IBAKE > ECCPT`, `IBAKE > IDR#2`), and
/// `IBAKE > plaintext` is the layer itself. `#N` picks the N-th of the siblings that
/// share a name (field names may hold `/`, never `>`).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    /// One name on the way down, and which of the siblings of that name (from 1).
    public struct Segment: Hashable, Sendable {
        public let name: String
        public let occurrence: Int

        public init(_ name: String, occurrence: Int = 1) {
            self.name = name
            self.occurrence = occurrence
        }
    }

    /// From the payload down.
    public let segments: [Segment]

    /// The path of these names, the payload's first.
    public init(_ segments: [Segment]) { self.segments = segments }

    /// `IDR#2 > ID data`; nil when a name is empty or an occurrence is not a number from 1.
    public init?(parsing text: String) {
        var segments = [Segment]()
        for part in text.split(separator: ">", omittingEmptySubsequences: false) {
            let words = part.split(separator: " ").joined(separator: " ")
            let hash = words.lastIndex(of: "#")
            let name = hash.map { String(words[..<$0]) } ?? words
            let occurrence = hash.map { Int(words[words.index(after: $0)...]) } ?? 1
            guard !name.isEmpty, let occurrence, occurrence > 0 else { return nil }
            segments.append(Segment(name, occurrence: occurrence))
        }
        self.segments = segments
    }

    /// As `init(parsing:)` reads it: `IDR#2 > ID data`.
    public var description: String {
        segments.map { $0.occurrence > 1 ? "\($0.name)#\($0.occurrence)" : $0.name }.joined(separator: " > ")
    }

    /// The path of the `occurrence`-th child called `name`.
    public func appending(_ name: String, occurrence: Int = 1) -> FieldPath {
        FieldPath(segments + [Segment(name, occurrence: occurrence)])
    }

    /// The path above this one; nil at a payload.
    public var parent: FieldPath? { segments.count > 1 ? FieldPath(Array(segments.dropLast())) : nil }
}
