import CGMP

/// An arbitrary-precision integer backed by GMP, with value semantics.
///
/// A `BigInt` is immutable: every operation returns a new value, so sharing the
/// storage between copies is safe, and the storage is wiped when the last copy goes.
/// Arithmetic here is for set-up code and the public API; the pairing and point
/// arithmetic run on preallocated scratch integers instead (see `GMPScratch`).
public struct BigInt: Sendable {
    /// Owns one `mpz_t`; never mutated after `init` returns, hence `@unchecked Sendable`.
    final class Storage: @unchecked Sendable {
        let z: MPZ
        init() {
            z = MPZ.allocate(capacity: 1)
            __gmpz_init(z)
        }
        deinit {
            wipeAndClear(z)
            z.deallocate()
        }
    }

    let storage: Storage

    /// Read-only access to the GMP integer. Callers must not modify it.
    var mpz: MPZ { storage.z }

    /// Builds a value by letting `fill` write into a fresh GMP integer.
    init(computing fill: (MPZ) -> Void) {
        storage = Storage()
        fill(storage.z)
    }

    /// A copy of the GMP integer `z`.
    init(copying z: MPZ) {
        self.init { __gmpz_set($0, z) }
    }

    public init(_ value: Int) {
        self.init { __gmpz_set_si($0, value) }
    }

    /// Parses digits in `radix` (2...36), with an optional leading `-`.
    /// Returns nil for an empty string or any character that is not a digit.
    public init?(_ text: String, radix: Int = 10) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard (2...36).contains(radix), !digits.isEmpty,
              digits.allSatisfy({ BigInt.digitValue($0).map { $0 < radix } ?? false })
        else { return nil }
        let storage = Storage()
        guard __gmpz_set_str(storage.z, String(digits), Int32(radix)) == 0 else { return nil }
        if negative { __gmpz_neg(storage.z, storage.z) }
        self.storage = storage
    }

    /// Parses big-endian hexadecimal digits (no `0x`, no sign); nil if anything else is present.
    public init?(hex: String) {
        guard !hex.isEmpty, hex.allSatisfy(\.isHexDigit) else { return nil }
        self.init(hex, radix: 16)
    }

    /// The unsigned big-endian integer these octets spell (empty means zero).
    public init(bytes: [UInt8]) {
        self.init { z in
            bytes.withUnsafeBufferPointer { buffer in
                __gmpz_import(z, buffer.count, 1, 1, 1, 0, buffer.baseAddress)
            }
        }
    }

    /// The value of an ASCII digit or letter (a = 10 ... z = 35), nil for anything else.
    private static func digitValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(ascii - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    public static let zero = BigInt(0)
    public static let one = BigInt(1)

    /// 2^exponent.
    public static func powerOfTwo(_ exponent: Int) -> BigInt {
        BigInt { __gmpz_ui_pow_ui($0, 2, UInt(exponent)) }
    }
}

// MARK: - Inspection

extension BigInt {
    public var isZero: Bool { Pairing.isZero(mpz) }
    public var isNegative: Bool { Pairing.isNegative(mpz) }
    public var isOdd: Bool { cgmp_odd_p(mpz) != 0 }

    /// Number of bits in the absolute value (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(mpz, 2)) }

    /// Number of octets in the absolute value (0 for zero).
    public var byteWidth: Int { (bitWidth + 7) / 8 }

    /// Bit `index` of the absolute value (two's complement is not used anywhere here).
    public func bit(_ index: Int) -> Bool { __gmpz_tstbit(mpz, mp_bitcnt_t(index)) != 0 }

    /// The value as an `Int`, or nil if it does not fit.
    public var intValue: Int? {
        __gmpz_fits_slong_p(mpz) != 0 ? __gmpz_get_si(mpz) : nil
    }

    /// Lowercase hexadecimal, no `0x`, no leading zeros ("0" for zero; "-" before negatives).
    public var hex: String { text(radix: 16) }

    /// Digits in `radix` (2...36), lowercase.
    public func text(radix: Int) -> String {
        let count = Int(__gmpz_sizeinbase(mpz, Int32(radix))) + 2
        var buffer = [CChar](repeating: 0, count: count)
        __gmpz_get_str(&buffer, Int32(radix), mpz)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The absolute value as minimal big-endian octets (empty for zero).
    public var bytes: [UInt8] {
        var result = [UInt8](repeating: 0, count: byteWidth)
        var written = 0
        result.withUnsafeMutableBufferPointer { buffer in
            _ = __gmpz_export(buffer.baseAddress, &written, 1, 1, 1, 0, mpz)
        }
        return result
    }

    /// The absolute value as exactly `count` big-endian octets, left-padded with zeros;
    /// nil when it needs more than `count` octets.
    public func bytes(count: Int) -> [UInt8]? {
        let minimal = bytes
        guard minimal.count <= count else { return nil }
        return [UInt8](repeating: 0, count: count - minimal.count) + minimal
    }
}

extension BigInt: Equatable, Hashable, Comparable {
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool { __gmpz_cmp(lhs.mpz, rhs.mpz) == 0 }
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool { __gmpz_cmp(lhs.mpz, rhs.mpz) < 0 }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isNegative)
        hasher.combine(bytes)
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: CustomStringConvertible {
    /// Hexadecimal with `0x`, the form every parameter set and vector file uses.
    public var description: String { isNegative ? "-0x" + String(hex.dropFirst()) : "0x" + hex }
}
