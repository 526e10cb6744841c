import Primitives

/// How field values read in words in descriptions.
enum Words {
    /// `1 octet`, `16 octets`.
    static func octets(_ count: Int) -> String { count == 1 ? "1 octet" : "\(count) octets" }

    /// `1 octet remains`, `12 octets remain`.
    static func remain(_ count: Int) -> String { count == 1 ? "1 octet remains" : "\(count) octets remain" }

    /// Lowercase hex; values longer than 32 octets are shortened to their first and last
    /// 8 octets with the length (the full bytes are in the field's range).
    static func hex(_ bytes: [UInt8]) -> String {
        if bytes.isEmpty { return "(empty)" }
        if bytes.count <= 32 { return Hex.encode(bytes) }
        return Hex.encode(Array(bytes.prefix(8))) + "…" + Hex.encode(Array(bytes.suffix(8)))
            + " (\(octets(bytes.count)))"
    }

    /// `0xcd177e50 (3440868944)`.
    static func hex32(_ value: UInt32) -> String {
        Hex.word(value) + " (\(value))"
    }

    /// An identity's data: quoted text when it is printable UTF-8 (NAI, URI), hex otherwise.
    static func identity(_ bytes: [UInt8]) -> String {
        if let text = printableText(bytes) { return "\"\(text)\"" }
        return hex(bytes)
    }

    /// The bytes as text if they are UTF-8 without control characters, else `nil`.
    static func printableText(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return text
    }
}
