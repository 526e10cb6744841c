import Pairing
import Primitives
import TestRecords

/// A file of published (and a few derived) IBE test vectors in `Vectors/` beside this
/// file, read as data so no published number is copied into test code by hand. Each
/// record's `section` field names the RFC section it comes from.
public struct VectorFile: Sendable {
    public let name: String
    public let records: [RecordFile.Record]

    /// Loads `Vectors/<name>`.
    public init(_ name: String) {
        self.name = name
        records = RecordFile(name, besides: #filePath).records
    }

    public struct MissingValue: Error, CustomStringConvertible {
        public let description: String
    }

    /// The value of `key` in the first record that has it (in the record of `section` when given).
    public func string(_ key: String, section: String? = nil) throws -> String {
        let record = records.first { $0.fields[key] != nil && (section == nil || $0.fields["section"] == section) }
        guard let value = record?.fields[key] else {
            throw MissingValue(description: "\(name): no value `\(key)`\(section.map { " in section \($0)" } ?? "")")
        }
        return value
    }

    /// A big-endian integer (leading zeros dropped in the file; docs/IBE-NOTES.md N12).
    public func integer(_ key: String, section: String? = nil, radix: Int = 16) throws -> BigInt {
        let text = try string(key, section: section)
        guard let value = BigInt(text, radix: radix) else {
            throw MissingValue(description: "\(name): `\(key)` = \(text) is not an integer in radix \(radix)")
        }
        return value
    }

    /// An `_octets` value: exact bytes.
    public func octets(_ key: String, section: String? = nil) throws -> [UInt8] {
        let text = try string(key, section: section)
        guard let bytes = Hex.decode(text) else {
            throw MissingValue(description: "\(name): `\(key)` is not an even-length hex octet string")
        }
        return bytes
    }

    public func point(_ key: String, section: String? = nil, radix: Int = 16) throws -> CurvePoint {
        CurvePoint(x: try integer(key + ".x", section: section, radix: radix),
                   y: try integer(key + ".y", section: section, radix: radix))
    }

    public func fp2(_ key: String, section: String? = nil, radix: Int = 16) throws -> Fp2Element {
        Fp2Element(real: try integer(key + ".a", section: section, radix: radix),
                   imaginary: try integer(key + ".b", section: section, radix: radix))
    }
}
