import Pairing
import Primitives

/// Parsing of the `lab` commands' arguments: hex integers and points "X,Y". Numbers that
/// are not hex, not prime or not a point of the subgroup are bad data (exit status 65).
enum LabInputs {
    /// A hex integer, with or without `0x`.
    static func integer(_ text: String, option: String) throws -> BigInt {
        let digits = text.hasPrefix("0x") || text.hasPrefix("0X") ? String(text.dropFirst(2)) : text
        guard let value = BigInt(hex: digits) else {
            throw CommandFailure.data("\(option): \"\(text)\" is not a hexadecimal integer")
        }
        return value
    }

    /// A point written "X,Y" in hex.
    static func point(_ text: String, option: String) throws -> CurvePoint {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw CommandFailure.data("\(option): \"\(text)\" is not a point; expected X,Y in hex")
        }
        return CurvePoint(x: try integer(String(parts[0]), option: option), y: try integer(String(parts[1]), option: option))
    }

    /// The curve for --p and --q, with p and q checked to be prime.
    static func curve(p: String, q: String) throws -> TypeOneCurve {
        do {
            let curve = try TypeOneCurve(p: try integer(p, option: "--p"), q: try integer(q, option: "--q"))
            try curve.validatePrimality()
            return curve
        } catch let error as CurveError {
            throw CommandFailure.data(error.description)
        }
    }

    /// An octet string in hex (even number of digits, with or without `0x`).
    static func octets(_ text: String, option: String) throws -> [UInt8] {
        let digits = text.hasPrefix("0x") || text.hasPrefix("0X") ? String(text.dropFirst(2)) : text
        guard let octets = Hex.decode(digits) else {
            throw CommandFailure.data("\(option): \"\(text)\" is not an even number of hex digits")
        }
        return octets
    }

    /// A P-256 point in SEC1 hex (04 || X || Y, or compressed), checked to be on the curve.
    static func p256Point(_ text: String, option: String) throws -> ECPoint {
        do {
            return try ECPoint(sec1: try octets(text, option: option), curve: .p256)
        } catch let error as PrimitivesError {
            throw CommandFailure.data("\(option): \(error)")
        }
    }

    /// A point that must lie in the order-q subgroup.
    static func subgroupPoint(_ text: String, option: String, on curve: TypeOneCurve) throws -> CurvePoint {
        let point = try point(text, option: option)
        do {
            try curve.validateSubgroupPoint(point)
        } catch {
            throw CommandFailure.data("\(option): \(error)")
        }
        return point
    }
}
