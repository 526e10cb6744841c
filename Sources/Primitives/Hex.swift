/// Hexadecimal text for octet strings: how vector files, transcripts, error messages and
/// command-line arguments spell bytes.
public enum Hex {
    /// Lowercase hex digits, two per octet.
    public static func encode(_ octets: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(2 * octets.count)
        for octet in octets {
            text.append(digits[Int(octet >> 4)])
            text.append(digits[Int(octet & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The octets an even number of hex digits (either case, no prefix) spell; `nil` for
    /// anything else.
    public static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var octets: [UInt8] = []
        octets.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(of: digits[index]), let low = value(of: digits[index + 1]) else { return nil }
            octets.append(high << 4 | low)
        }
        return octets
    }

    /// One octet as `0x` and two lowercase digits, for example `0x05`, for error messages.
    public static func byte(_ value: UInt8) -> String { "0x" + encode([value]) }

    /// A 32-bit value as `0x` and eight lowercase digits, for example `0x15e6532f` (a CSB ID, an SSRC).
    public static func word(_ value: UInt32) -> String { "0x" + encode(value.bigEndianOctets) }

    /// An offset into a message as a hex dump prints it: lowercase, at least four digits (`001a`).
    public static func offset(_ value: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
