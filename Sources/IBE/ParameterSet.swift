import LabAssets
import Pairing
import Primitives

/// A named, shipped IBE parameter set (PROFILE D4): the type-1 curve, its order-q
/// subgroup, the generator P, the hash function, and the ECDH curve that goes
/// with it. Files live in `Assets/params/NAME.txt` in the `name = value` format.
public struct ParameterSet: Sendable, Equatable {
    public let name: String
    /// One line for menus and `--help`.
    public let summary: String
    public let securityBits: Int
    public let curve: TypeOneCurve
    public let generator: CurvePoint
    public let hash: HashFunction
    /// The ECDH curve for aP, bP; nil for the toy set, which uses its own tiny group.
    public let ecdhCurve: NISTCurve?
    /// True for `toy`: numbers small enough to check by hand, no security at all.
    public let isInsecure: Bool
    /// True for sets that exist only to be measured (`bench-1024`).
    public let isBenchmarkOnly: Bool
    /// The octets P was hashed from (P = HashToPoint(these)), when it was derived that way.
    public let generatorSeed: [UInt8]?

    /// The shipped parameter-set names, e.g. ["bench-1024", "ibe-112", ...].
    public static var availableNames: [String] { LabAssets.parameterSetNames }

    /// The default set (PROFILE D4).
    public static let defaultName = "ibe-128"

    /// Loads a shipped set by name. Performs the cheap checks (curve shape, P on the
    /// curve); `validate()` adds primality and the order of P.
    public static func named(_ name: String) throws(IBEError) -> ParameterSet {
        guard let text = LabAssets.parameterSetText(named: name) else {
            throw .unknownParameterSet(name: name, available: availableNames)
        }
        return try ParameterSet(text: text, source: "Assets/params/\(name).txt")
    }

    /// Parses a parameter-set file.
    public init(text: String, source: String) throws(IBEError) {
        let document = try KeyValueDocument(text: text, source: source)
        func field(_ key: String) throws(IBEError) -> String {
            guard let value = document.value(key) else { throw .malformedFile("\(source): missing `\(key)`") }
            return value
        }
        func integer(_ key: String) throws(IBEError) -> BigInt {
            let text = try field(key)
            guard let value = BigInt(hex: text) else { throw .malformedFile("\(source): `\(key)` is not a hex integer: \(text)") }
            return value
        }
        name = try field("name")
        summary = try field("summary")
        guard let bits = Int(try field("security_bits")) else { throw .malformedFile("\(source): `security_bits` is not a number") }
        securityBits = bits
        guard let hash = HashFunction(rawValue: try field("hash")) else {
            throw .malformedFile("\(source): `hash` must be one of \(HashFunction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.hash = hash
        let ecdh = try field("ecdh")
        guard ecdh == "toy" || NISTCurve(rawValue: ecdh) != nil else {
            throw .malformedFile("\(source): `ecdh` must be toy or one of \(NISTCurve.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        ecdhCurve = NISTCurve(rawValue: ecdh)
        isInsecure = try field("insecure") == "yes"
        isBenchmarkOnly = try field("purpose") == "benchmark"
        if let seed = document.value("generator_seed_octets") {
            guard let octets = Hex.decode(seed) else { throw .malformedFile("\(source): `generator_seed_octets` is not hex octets") }
            generatorSeed = octets
        } else {
            generatorSeed = nil
        }
        do {
            curve = try TypeOneCurve(p: try integer("p"), q: try integer("q"))
            generator = CurvePoint(x: try integer("P.x"), y: try integer("P.y"))
            try curve.validateOnCurve(generator)
        } catch let error as IBEError {
            throw error
        } catch let error as CurveError {
            throw .malformedFile("\(source): \(error)")
        } catch {
            throw .malformedFile("\(source): \(error)")
        }
    }

    /// Every check PROFILE D4 asks of a shipped set: p and q prime, p ≡ 11 (mod 12),
    /// q | p + 1, P on the curve and of order q, and P = HashToPoint(seed) when a
    /// seed is recorded.
    public func validate() throws(IBEError) {
        do {
            try curve.validatePrimality()
            try curve.validateSubgroupPoint(generator)
        } catch {
            throw .invalidParameters("\(name): \(error)")
        }
        if let generatorSeed, RFC5091.hashToPoint(generatorSeed, curve: curve, hash: hash) != generator {
            throw .invalidParameters("\(name): P is not HashToPoint of the recorded generator seed")
        }
    }
}
