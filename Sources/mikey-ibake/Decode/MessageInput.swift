import Foundation
import Primitives

/// Reads the octets of a MIKEY message from an argument, a file or standard input,
/// in hex, base64 or raw binary.
enum MessageInput {
    /// Text that is only hex digits (and white space) is hex; text that decodes as
    /// base64 is base64; anything else is taken as the raw octets.
    static func octets(fromContent data: [UInt8], source: String) throws -> [UInt8] {
        if let text = String(validating: data, as: UTF8.self) {
            let compact = text.filter { !$0.isWhitespace }
            if !compact.isEmpty, compact.allSatisfy(\.isHexDigit) {
                return try hex(compact, source: source)
            }
            if !compact.isEmpty, let decoded = Data(base64Encoded: compact) {
                return [UInt8](decoded)
            }
        }
        guard !data.isEmpty else { throw InputError("\(source): no octets to decode") }
        return data
    }

    static func hex(_ text: String, source: String) throws -> [UInt8] {
        let digits = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
        guard let octets = Hex.decode(digits.filter { !$0.isWhitespace }) else {
            throw InputError("\(source): not an even number of hex digits")
        }
        guard !octets.isEmpty else { throw InputError("\(source): no octets to decode") }
        return octets
    }

    static func base64(_ text: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: text.filter { !$0.isWhitespace }), !data.isEmpty else {
            throw InputError("--base64: not valid base64")
        }
        return [UInt8](data)
    }

    static func file(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("--file: cannot read \(path)")
        }
        return try octets(fromContent: [UInt8](data), source: path)
    }

    static func standardInput() throws -> [UInt8] {
        try octets(fromContent: [UInt8](FileHandle.standardInput.readDataToEndOfFile()), source: "standard input")
    }
}
