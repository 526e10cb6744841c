import Foundation
import Primitives

/// A file of published test vectors under `Vectors/`: `#` comment lines, records separated
/// by blank lines, one `name = value` per line (the value may be empty or contain `=`).
struct VectorFile {
    let records: [Record]

    struct Record: Sendable, CustomStringConvertible {
        let fields: [String: String]
        let line: Int

        /// The text of field `name`; a missing field is a broken vector file.
        func text(_ name: String) -> String {
            guard let value = fields[name] else { fatalError("vector record at line \(line) has no field \(name)") }
            return value
        }

        /// The octets of hex field `name`.
        func bytes(_ name: String) -> [UInt8] {
            guard let octets = Hex.decode(text(name)) else { fatalError("field \(name) at line \(line) is not hex") }
            return octets
        }

        var description: String { "record at line \(line)" }
    }

    init(_ name: String, directory: String = #filePath) {
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
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            fields[key] = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        if !fields.isEmpty { records.append(Record(fields: fields, line: start)) }
        self.records = records
    }
}
