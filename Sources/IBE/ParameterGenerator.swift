import Pairing
import Primitives

/// Generates a type-1 parameter set the RFC 5091 way (§5.1.2 steps 1-4): a Solinas
/// prime q = 2^a + s·2^b + c (s, c = ±1), then a random r with p = 12·r·q - 1 prime,
/// so p ≡ 11 (mod 12) and q | p + 1. The generator P is HashToPoint of a public
/// label rather than a random point, so anyone can re-derive it.
public struct ParameterGenerator {
    public let pBits: Int
    public let qBits: Int
    public let hash: HashFunction

    /// The label every shipped set hashes to P.
    public static let generatorLabel = Array("IBCS type-1 test generator".utf8)

    public init(pBits: Int, qBits: Int, hash: HashFunction) throws(IBEError) {
        guard qBits >= 4, pBits >= qBits + 5 else {
            throw .invalidParameters("need |q| >= 4 bits and |p| >= |q| + 5 bits (p = 12rq - 1)")
        }
        self.pBits = pBits
        self.qBits = qBits
        self.hash = hash
    }

    /// A Solinas prime of exactly `qBits` bits, searching exponents b from a random
    /// start so a seeded run always finds the same one.
    public func solinasPrime(using random: RandomSource) -> BigInt {
        let start = random.integer(in: BigInt(1)..<BigInt(qBits - 1)).intValue ?? 1
        for offset in 0..<(qBits - 2) {
            let b = 1 + (start - 1 + offset) % (qBits - 2)
            for (s, c) in [(1, 1), (1, -1), (-1, 1), (-1, -1)] {
                let a = s > 0 ? qBits - 1 : qBits
                let q = BigInt.powerOfTwo(a) + BigInt(s) * BigInt.powerOfTwo(b) + BigInt(c)
                if q.bitWidth == qBits, q > BigInt(3), q.isProbablePrime() { return q }
            }
        }
        // Every size from 4 bits up has a Solinas prime of this shape (5 = 4+2-1,
        // 11 = 8+2+1, ...); reaching here would mean the search itself is broken.
        preconditionFailure("no Solinas prime of \(qBits) bits")
    }

    /// p = 12·r·q - 1 of exactly `pBits` bits, prime, for random r.
    public func fieldPrime(for q: BigInt, using random: RandomSource) -> BigInt {
        let twelveQ = BigInt(12) * q
        let low = BigInt.powerOfTwo(pBits - 1) / twelveQ + .one
        let high = BigInt.powerOfTwo(pBits) / twelveQ
        while true {
            let p = twelveQ * random.integer(in: low..<high) - .one
            if p.bitWidth == pBits, p.isProbablePrime() { return p }
        }
    }

    /// A complete curve with P = HashToPoint(`generatorLabel`).
    public func generate(using random: RandomSource) throws(IBEError) -> (curve: TypeOneCurve, generator: CurvePoint) {
        let q = solinasPrime(using: random)
        let p = fieldPrime(for: q, using: random)
        let curve: TypeOneCurve
        do {
            curve = try TypeOneCurve(p: p, q: q)
        } catch {
            throw .invalidParameters("generated curve refused: \(error)")
        }
        let generator = RFC5091.hashToPoint(ParameterGenerator.generatorLabel, curve: curve, hash: hash)
        guard !generator.isInfinity else { throw .invalidParameters("HashToPoint of the label gave the point at infinity") }
        return (curve, generator)
    }
}
