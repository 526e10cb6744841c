import Foundation
import Pairing
import Primitives

/// A file of test vectors in `Vectors/` beside this file: the published known answers (RFC,
/// NIST, SEC 2) and the few derived or cross-checked values, read as data so that no number is
/// copied into test code by hand. Every test target reads its vectors through this type.
///
/// One format for every file: `#` starts a comment line; records are separated by blank lines;
/// one `name = value` per line (a value may be empty or contain `=`); every record has a
/// `section` field naming the part of the source it comes from (an RFC section, a NIST example,
/// a CAVP group). Each file's header says where its numbers come from and how they are written.
public struct VectorFile: Sendable {
    public let name: String
    public let records: [Record]

    /// Loads `Vectors/<name>`. A file that cannot be read or breaks the format stops the run:
    /// it is a broken repository, not a failing test.
    public init(_ name: String) {
        self.name = name
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Vectors").appendingPathComponent(name).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
        records = Self.parse(text, file: name)
    }

    /// The records of `section`, in file order.
    public func records(section: String) -> [Record] { records.filter { $0.section == section } }

    /// The first record that has `key` (in `section` when given).
    public func record(having key: String, section: String? = nil) throws -> Record {
        guard let record = records.first(where: { $0.fields[key] != nil && (section == nil || $0.section == section) }) else {
            throw BadValue(description: "\(name): no value `\(key)`\(section.map { " in section \($0)" } ?? "")")
        }
        return record
    }

    /// The value of `key` in the first record that has it (in `section` when given).
    public func text(_ key: String, section: String? = nil) throws -> String {
        try record(having: key, section: section).text(key)
    }

    public func octets(_ key: String, section: String? = nil) throws -> [UInt8] {
        try record(having: key, section: section).octets(key)
    }

    public func integer(_ key: String, section: String? = nil, radix: Int = 16) throws -> BigInt {
        try record(having: key, section: section).integer(key, radix: radix)
    }

    public func point(_ key: String, section: String? = nil, radix: Int = 16) throws -> CurvePoint {
        try record(having: key + ".x", section: section).point(key, radix: radix)
    }

    public func fp2(_ key: String, section: String? = nil, radix: Int = 16) throws -> Fp2Element {
        try record(having: key + ".a", section: section).fp2(key, radix: radix)
    }

    /// A value that is missing or not of the kind asked for: the test that asked fails.
    public struct BadValue: Error, CustomStringConvertible {
        public let description: String
    }

    /// One record: its fields, and where it is for messages.
    public struct Record: Sendable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let fields: [String: String]

        /// Where in the source the record comes from (the parser makes sure every record has one).
        public var section: String { fields["section"] ?? "" }

        public var description: String { "\(file) section \(section) (line \(line))" }

        /// The text of field `key`.
        public func text(_ key: String) throws -> String {
            guard let value = fields[key] else { throw BadValue(description: "\(self): no value `\(key)`") }
            return value
        }

        /// An even-length hex octet string (the `_octets` values, and every value of the
        /// Primitives and MIKEY files): exact bytes.
        public func octets(_ key: String) throws -> [UInt8] {
            guard let octets = Hex.decode(try text(key)) else {
                throw BadValue(description: "\(self): `\(key)` is not an even-length hex octet string")
            }
            return octets
        }

        /// A small number (a PRF id, a length, a CSB ID).
        public func number(_ key: String, radix: Int = 10) throws -> UInt64 {
            let text = try text(key)
            guard let value = UInt64(text, radix: radix) else {
                throw BadValue(description: "\(self): `\(key)` = \(text) is not a number in radix \(radix)")
            }
            return value
        }

        /// A big-endian integer (leading zeros dropped in the IBE files; docs/IBE-NOTES.md N12).
        public func integer(_ key: String, radix: Int = 16) throws -> BigInt {
            let text = try text(key)
            guard let value = BigInt(text, radix: radix) else {
                throw BadValue(description: "\(self): `\(key)` = \(text) is not an integer in radix \(radix)")
            }
            return value
        }

        /// The point `key.x`, `key.y`.
        public func point(_ key: String, radix: Int = 16) throws -> CurvePoint {
            CurvePoint(x: try integer(key + ".x", radix: radix), y: try integer(key + ".y", radix: radix))
        }

        /// The element `key.a` + `key.b`·i of F_p^2.
        public func fp2(_ key: String, radix: Int = 16) throws -> Fp2Element {
            Fp2Element(real: try integer(key + ".a", radix: radix), imaginary: try integer(key + ".b", radix: radix))
        }
    }

    static func parse(_ text: String, file: String) -> [Record] {
        var records: [Record] = []
        var fields: [String: String] = [:]
        var start = 0
        func close() {
            guard !fields.isEmpty else { return }
            // The one format: a record without its section would be read by position alone.
            guard fields["section"] != nil else { fatalError("\(file):\(start): record without a `section` field") }
            records.append(Record(file: file, line: start, fields: fields))
            fields = [:]
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { continue }
            if trimmed.isEmpty {
                close()
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { fatalError("\(file):\(index + 1): no `=`") }
            if fields.isEmpty { start = index + 1 }
            let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            guard fields[key] == nil else { fatalError("\(file):\(index + 1): `\(key)` twice in one record") }
            fields[key] = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        close()
        return records
    }
}
