import Foundation
import Primitives

/// A file of test records: `#` comment lines, records separated by blank lines, one
/// `name = value` per line (a value may be empty or contain `=`). The format of every
/// published-vector file in the repository (Tests/*/Vectors).
public struct RecordFile: Sendable {
    public let records: [Record]

    public struct Record: Sendable, CustomStringConvertible {
        public let fields: [String: String]
        public let line: Int

        /// The text of field `name`; a missing field is a broken vector file.
        public func text(_ name: String) -> String {
            guard let value = fields[name] else { fatalError("record at line \(line) has no field \(name)") }
            return value
        }

        /// The octets of hex field `name`.
        public func bytes(_ name: String) -> [UInt8] {
            guard let octets = Hex.decode(text(name)) else { fatalError("field \(name) at line \(line) is not hex") }
            return octets
        }

        /// The integer in field `name`.
        public func number(_ name: String, radix: Int = 10) -> UInt64 {
            guard let value = UInt64(text(name), radix: radix) else { fatalError("field \(name) at line \(line) is not a number") }
            return value
        }

        public var description: String { "record at line \(line)" }
    }

    /// Reads `Vectors/NAME` beside the test file `directory` (pass `#filePath`).
    public init(_ name: String, besides directory: String) {
        let path = URL(fileURLWithPath: directory).deletingLastPathComponent()
            .appendingPathComponent("Vectors").appendingPathComponent(name).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        var records: [Record] = []
        var fields: [String: String] = [:]
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.isEmpty {
                if !fields.isEmpty { records.append(Record(fields: fields, line: start)) }
                fields = [:]
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { fatalError("\(name):\(index + 1): no `=`") }
            if fields.isEmpty { start = index + 1 }
            fields[trimmed[..<equals].trimmingCharacters(in: .whitespaces)] =
                trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        if !fields.isEmpty { records.append(Record(fields: fields, line: start)) }
        self.records = records
    }
}
