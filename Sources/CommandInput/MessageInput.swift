import Foundation
import Primitives

/// Reads the octets of a MIKEY message from text or file content, in hex, base64 or raw
/// binary: the pure part of `mikey-ibake decode`'s input, where the fuzzer reaches it too.
public enum MessageInput {
    /// Text that is only ASCII hex digits (and white space) is hex; text that decodes as
    /// base64 is base64; anything else is taken as the raw octets. (Character.isHexDigit
    /// also holds for the fullwidth digits U+FF10..., which Hex.decode does not read: such
    /// text was refused as "not an even number of hex digits" instead of read as octets.)
    public static func octets(fromContent data: [UInt8], source: String) throws(InputError) -> [UInt8] {
        if let text = String(validating: data, as: UTF8.self) {
            let compact = text.filter { !$0.isWhitespace }
            if !compact.isEmpty, compact.allSatisfy({ $0.isASCII && $0.isHexDigit }) {
                return try hex(compact, source: source)
            }
            if !compact.isEmpty, let decoded = Data(base64Encoded: compact) {
                return [UInt8](decoded)
            }
        }
        guard !data.isEmpty else { throw InputError("\(source): no octets to decode") }
        return data
    }

    public static func hex(_ text: String, source: String) throws(InputError) -> [UInt8] {
        let digits = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
        guard let octets = Hex.decode(digits.filter { !$0.isWhitespace }) else {
            throw InputError("\(source): not an even number of hex digits")
        }
        guard !octets.isEmpty else { throw InputError("\(source): no octets to decode") }
        return octets
    }

    public static func base64(_ text: String) throws(InputError) -> [UInt8] {
        guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }), !data.isEmpty else {
            throw InputError("--base64: not valid base64")
        }
        return [UInt8](data)
    }
}
