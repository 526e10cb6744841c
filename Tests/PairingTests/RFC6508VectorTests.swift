import IBE
import Pairing
import Primitives
import Testing
import TestSupport

/// RFC 6508 Appendix A (SAKKE on the RFC 6509 parameter set 1), the parts that are the
/// Pairing module's: the points lie on y^2 = x^3 - 3x, HashToIntegerRange (RFC 6508 §5.1,
/// not RFC 5091's HashToRange) gives r and the mask, the RFC 6508 form of the pairing gives
/// g = <P, P> and w = <R_(b,S), K_(b,S)>, and g^r in the Im/Re representation of PF_p is w.
/// The scheme's own steps are checked in IBETests/SAKKEVectorTests.
@Suite struct RFC6508VectorTests {
    let file = VectorFile("rfc6508-sakke.txt")

    private func curve() throws -> TypeOneCurve {
        try TypeOneCurve(p: file.integer("p"), q: file.integer("q"), form: .rfc6508)
    }

    @Test func parametersAndPointsLieOnTheCurve() throws {
        let p = try file.integer("p")
        let q = try file.integer("q")
        #expect(q * BigInt(4) == p + .one)
        #expect(p.remainder(dividingBy: 4) == 3)
        #expect(p.bitWidth == 1024 && q.bitWidth == 1022)
        let curve = try curve()
        try curve.validatePrimality()
        #expect(curve.cofactor == BigInt(4))
        for name in ["P", "Z", "R_bS", "K_bS"] {
            try curve.validateSubgroupPoint(try file.point(name))
        }
        #expect(throws: CurveError.notOnCurve(CurvePoint(x: .one, y: .one), equation: "y^2 = x^3 - 3x")) {
            try curve.validateOnCurve(CurvePoint(x: .one, y: .one))
        }
        #expect(throws: CurveError.self) { try TypeOneCurve(p: BigInt(13), q: BigInt(7), form: .rfc6508) }  // 13 mod 4 = 1
    }

    @Test func hashToIntegerRangeWorkedExample() throws {
        let message = try file.octets("M_octets")
        #expect(message == (try file.octets("SSV_octets")) + (try file.octets("b_octets")))
        #expect(HashFunction.sha256.digest(message) == (try file.octets("A_octets")))
        var h = try file.octets("h0_octets")
        for index in 1...4 {
            h = HashFunction.sha256.digest(h)
            #expect(h == (try file.octets("h\(index)_octets")))
        }
        // v_1 || ... || v_4 are RFC 5091's HashBytes(128, M); reduced mod q they are r.
        let blocks = RFC5091.hashBytes(128, message, .sha256)
        for index in 0..<4 {
            #expect(Array(blocks[(32 * index)..<(32 * index + 32)]) == (try file.octets("v\(index + 1)_octets")))
        }
        let q = try file.integer("q")
        #expect(RFC6508.hashToIntegerRange(message, q, .sha256) == (try file.integer("v_mod_q")))
        #expect(RFC6508.hashToIntegerRange(message, q, .sha256) == (try file.integer("r")))
    }

    @Test func pairingValues() throws {
        let curve = try curve()
        let p = curve.p
        let generator = try file.point("P")
        let g = curve.pairing(generator, generator)
        #expect(curve.field.norm(g) == .one)
        #expect(RFC6508.representative(of: g, p: p) == (try file.integer("g")))
        #expect(RFC6508.normOneElement(representative: try file.integer("g"), p: p) == g)
        let rsk = try file.point("K_bS")
        let r = try file.point("R_bS")
        let w = curve.pairing(r, rsk)
        #expect(RFC6508.representative(of: w, p: p) == (try file.integer("w")))
        #expect(curve.pairing(PreparedPairingArgument(curve: curve, point: rsk), r) == w, "prepared and symmetric")
        #expect(curve.field.power(w, curve.q).isOne)
    }

    @Test func gToTheRAndTheMask() throws {
        let p = try file.integer("p")
        // g^r in PF_p: Im/Re of (1 + g*i)^r in F_p^2.
        let power = QuadraticField(p: p).power(Fp2Element(real: .one, imaginary: try file.integer("g")), try file.integer("r"))
        let realInverse = try #require(power.real.inverse(modulo: p))
        let gToTheR = (power.imaginary * realInverse).modulo(p)
        #expect(gToTheR == (try file.integer("g_pow_r")))
        #expect(gToTheR == (try file.integer("w")))

        // mask = HashToIntegerRange(g^r as 128 octets, 2^128): one block, its low 16 octets.
        let octets = try #require(gToTheR.bytes(count: 128))
        let mask = try #require(RFC6508.hashToIntegerRange(octets, BigInt.powerOfTwo(128), .sha256).bytes(count: 16))
        #expect(mask == (try file.octets("mask_octets")))
        let ssv = try file.octets("SSV_octets")
        #expect(zip(ssv, mask).map { $0 ^ $1 } == (try file.octets("H_octets")))
    }
}
