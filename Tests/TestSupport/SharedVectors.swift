import Foundation
import IBE
import Pairing
import Primitives

/// A test-vector file from `../shared/vectors` (beside the checkout), read as data so
/// no published number is copied into test code by hand.
public struct VectorFile: Sendable {
    public let name: String
    public let document: KeyValueDocument

    /// The shared folder: `$MIKEY_IBAKE_SHARED`, else `../shared` beside the repository.
    public static var sharedDirectory: URL {
        if let override = ProcessInfo.processInfo.environment["MIKEY_IBAKE_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // TestSupport
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // repository
            .deletingLastPathComponent()
            .appendingPathComponent("shared")
    }

    /// Loads `vectors/<name>`; fails the calling test with a clear error if missing.
    public init(_ name: String) throws {
        let url = VectorFile.sharedDirectory.appendingPathComponent("vectors").appendingPathComponent(name)
        self.name = name
        document = try KeyValueDocument(text: String(contentsOf: url, encoding: .utf8), source: name)
    }

    public struct MissingValue: Error, CustomStringConvertible {
        public let description: String
    }

    public func string(_ key: String, section: String? = nil) throws -> String {
        guard let value = document.value(key, section: section) else {
            throw MissingValue(description: "\(name): no value `\(key)`\(section.map { " in section \($0)" } ?? "")")
        }
        return value
    }

    /// A big-endian hex integer (leading zeros dropped in the file; ibe-crypto.md P16).
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
