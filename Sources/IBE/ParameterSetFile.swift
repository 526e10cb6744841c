import Pairing
import Primitives

/// Writes the `Assets/params` file format that `ParameterSet(text:source:)` reads.
public enum ParameterSetFile {
    public static func text(name: String, summary: String, securityBits: Int, hash: HashFunction, ecdh: String,
                            insecure: Bool, purpose: String, curve: TypeOneCurve, generator: CurvePoint,
                            generatorSeed: [UInt8]?, provenance: String) -> String {
        var lines = [
            "# \(name): \(summary)",
            "# Type-1 curve y^2 = x^3 + 1 over F_p (RFC 5091), subgroup of prime order q | p + 1.",
            "# Provenance: \(provenance).",
            "# Checked by the test suite: p, q prime; p = 11 mod 12; q | p + 1; P on the curve, of order q.",
            "name = \(name)",
            "summary = \(summary)",
            "security_bits = \(securityBits)",
            "hash = \(hash.rawValue)",
            "ecdh = \(ecdh)",
            "insecure = \(insecure ? "yes" : "no")",
            "purpose = \(purpose)",
            "p = \(curve.p.hex)",
            "q = \(curve.q.hex)",
            "P.x = \(generator.x.hex)",
            "P.y = \(generator.y.hex)",
        ]
        if let generatorSeed {
            lines.append("# P = HashToPoint1(p, q, generator_seed_octets, hash)")
            lines.append("generator_seed_octets = \(Hex.encode(generatorSeed))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
