import Foundation
import Primitives

/// The records of `Vectors/mikey-prf-crosscheck.txt`: `#` comment lines, records separated
/// by blank lines, one `name = value` per line (a value may be empty).
struct CrossCheckFile {
    struct Record: Sendable, CustomStringConvertible {
        let fields: [String: String]
        let line: Int

        func text(_ name: String) -> String {
            guard let value = fields[name] else { fatalError("record at line \(line) has no field \(name)") }
            return value
        }

        func bytes(_ name: String) -> [UInt8] {
            guard let octets = Hex.decode(text(name)) else { fatalError("field \(name) at line \(line) is not hex") }
            return octets
        }

        func number(_ name: String, radix: Int = 10) -> UInt64 {
            guard let value = UInt64(text(name), radix: radix) else { fatalError("field \(name) at line \(line) is not a number") }
            return value
        }

        var description: String { "record at line \(line)" }
    }

    static let records: [Record] = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Vectors/mikey-prf-crosscheck.txt").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        var records: [Record] = [], fields: [String: String] = [:], start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !fields.isEmpty { records.append(Record(fields: fields, line: start)) }
                fields = [:]
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { fatalError("line \(index + 1): no `=`") }
            if fields.isEmpty { start = index + 1 }
            fields[trimmed[..<equals].trimmingCharacters(in: .whitespaces)] =
                trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        if !fields.isEmpty { records.append(Record(fields: fields, line: start)) }
        return records
    }()

    static func records(_ kind: String) -> [Record] { records.filter { $0.text("kind") == kind } }
}
