import Pairing
import Testing
import TestSupport

/// RFC 5091 §7.1 and §7.3, and the GF(131) table: the pairing reproduces published values.
@Suite struct PairingVectorTests {
    @Test func rfc5091PointMultiply() throws {
        let file = VectorFile("rfc5091-primitives.txt")
        let curve = try TypeOneCurve(p: file.integer("p", section: "7.1"), q: file.integer("q", section: "7.1"))
        let a = try file.point("A", section: "7.1")
        #expect(curve.multiply(a, by: try file.integer("l", section: "7.1")) == (try file.point("lA", section: "7.1")))
    }

    @Test func rfc5091Pairing() throws {
        let file = VectorFile("rfc5091-primitives.txt")
        let curve = try TypeOneCurve(p: file.integer("p", section: "7.3"), q: file.integer("q", section: "7.3"))
        #expect(curve.zeta == (try file.fp2("derived.zeta", section: "7.3")))
        let value = curve.pairing(try file.point("A", section: "7.3"), try file.point("B", section: "7.3"))
        #expect(value == (try file.fp2("eAB", section: "7.3")))
    }

    @Test(arguments: 1...11) func gf131Table(n: Int) throws {
        let file = VectorFile("toy-gf131-type1-pairing.txt")
        let curve = try TypeOneCurve(p: file.integer("p", radix: 10), q: file.integer("q", radix: 10))
        let a = try file.point("A", radix: 10)
        let nA = curve.multiply(a, by: BigInt(n))
        if n < 11 { #expect(nA == (try file.point("nA\(n)", radix: 10))) } else { #expect(nA.isInfinity) }
        #expect(curve.pairing(a, nA) == (try file.fp2("e\(n)", radix: 10)))
    }
}
