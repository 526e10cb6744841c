import Primitives
import TestSupport
import Testing

@Suite("NIST curves")
struct NISTCurveTests {
    @Test("generator, order and lengths match SEC 2", arguments: VectorFile("curves-sec2.txt").records)
    func domainParameters(record: VectorFile.Record) throws {
        let curve = try #require(NISTCurve(rawValue: record.text("curve")))
        #expect(try curve.coordinateLength == record.octets("p").count)
        #expect(try Hex.encode(curve.generator.x) == record.text("Gx"))
        #expect(try Hex.encode(curve.generator.y) == record.text("Gy"))
        #expect(try Hex.encode(curve.order) == record.text("n"))
        #expect(try Hex.encode(curve.fieldPrime) == record.text("p"))
        #expect(try curve.generator.sec1() == [0x04] + record.octets("Gx") + record.octets("Gy"))
    }

    @Test("names and the RFC 6267 ECC Curve numbers")
    func identifiers() {
        #expect(NISTCurve.allCases.map(\.displayName) == ["P-256", "P-384", "P-521"])
        #expect(NISTCurve.allCases.map(\.mikeyIdentifier) == [8, 11, 14])
        #expect(NISTCurve.allCases.map(\.coordinateLength) == [32, 48, 66])
        for curve in NISTCurve.allCases {
            #expect(NISTCurve(mikeyIdentifier: curve.mikeyIdentifier) == curve)
        }
        #expect(NISTCurve(mikeyIdentifier: 1) == nil)   // P-192: in the registry, not in this profile
        #expect(NISTCurve(mikeyIdentifier: 0) == nil)
    }

    @Test("random scalars are fixed-length, in [1, n-1] and reproducible", arguments: NISTCurve.allCases)
    func randomScalars(curve: NISTCurve) {
        let first = HMACDRBG(seed: 7), second = HMACDRBG(seed: 7)
        var seen = Set<[UInt8]>()
        for _ in 0..<20 {
            let k = curve.randomScalar(using: first)
            #expect(k.count == curve.coordinateLength)
            #expect(k.contains { $0 != 0 })
            #expect(k.lexicographicallyPrecedes(curve.order))
            #expect(k == curve.randomScalar(using: second))
            seen.insert(k)
        }
        #expect(seen.count == 20)
    }

    @Test("rejection sampling skips 0 and candidates not below n", arguments: NISTCurve.allCases)
    func rejection(curve: NISTCurve) {
        let length = curve.coordinateLength
        let valid = [UInt8](repeating: 0, count: length - 1) + [5]
        let source = ScriptedRandom([
            [UInt8](repeating: 0xFF, count: length),   // ≥ n, also after P-521's top-bit mask
            curve.order,                               // n itself
            [UInt8](repeating: 0, count: length),      // 0
            valid,
        ])
        #expect(curve.randomScalar(using: source) == valid)
        #expect(source.remaining == 0)
    }
}

/// Hands out prepared answers in order, to drive rejection sampling.
final class ScriptedRandom: RandomSource {
    private var answers: [[UInt8]]
    init(_ answers: [[UInt8]]) { self.answers = answers }
    var remaining: Int { answers.count }
    func bytes(_ count: Int) -> [UInt8] {
        let answer = answers.removeFirst()
        precondition(answer.count == count, "scripted answer of the wrong length")
        return answer
    }
}
