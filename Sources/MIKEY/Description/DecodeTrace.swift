/// What a tracing decode understood: every element decoded, in order, each with its
/// description, and the error that stopped decoding if there was one. The `decode` command
/// prints a malformed message as "understood so far, then the error at its offset".
public struct DecodeTrace<Element: Hashable & Sendable>: Sendable {
    /// The elements decoded completely, in wire order.
    public let elements: [TracedElement<Element>]
    /// The error that stopped decoding, or `nil` when the whole input decoded.
    public let failure: MIKEYDecodingError?
    /// The fields of the element that was being decoded when `failure` happened, as far
    /// as they were read (its `summary` is empty). `nil` when nothing of it was read.
    public let partial: PayloadDescription?

    /// Whether the whole input decoded without error.
    public var isComplete: Bool { failure == nil }

    /// The descriptions of the decoded elements, then the partial one if any.
    public var descriptions: [PayloadDescription] {
        elements.map(\.description) + (partial.map { [$0] } ?? [])
    }
}

/// One decoded element with its description (type, byte range, fields).
public struct TracedElement<Element: Hashable & Sendable>: Hashable, Sendable {
    /// The decoded value.
    public let value: Element
    /// Its name, byte range and fields.
    public let description: PayloadDescription

    /// Offset of the element's first octet.
    public var offset: Int { description.range.lowerBound }
    /// Octets the element occupies.
    public var length: Int { description.range.count }
}

/// An element of a MIKEY message: the common header, then the payloads.
public enum MessageElement: Hashable, Sendable {
    case header(CommonHeader)
    case payload(Payload)
}
