import CommandInput
import Foundation

/// The pure readers (hex, base64, file content) live in CommandInput, where the fuzzer
/// calls them too; files and standard input are read here.
typealias MessageInput = CommandInput.MessageInput

extension MessageInput {
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
