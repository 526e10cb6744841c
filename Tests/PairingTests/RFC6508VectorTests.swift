import IBE
import Pairing
import Primitives
import Testing
import TestSupport

/// RFC 6508 Appendix A (SAKKE on the RFC 6509 parameter set 1): the parts of the vector
/// this project's arithmetic can check without a SAKKE implementation. The points lie on
/// y^2 = x^3 - 3x, HashToIntegerRange (RFC 6508 §5.1, not RFC 5091's HashToRange) gives r
/// and the mask, and g^r in the Im/Re representation of PF_p is the w the receiver gets.
@Suite struct RFC6508VectorTests {
    let file = VectorFile("rfc6508-sakke.txt")

    /// RFC 6508 §5.1 HashToIntegerRange: A = H(s); h_0 = zero octets; h_i = H(h_(i-1));
    /// v_i = H(h_i || A); the result is v_1 || ... || v_blocks reduced mod n. That is RFC
    /// 5091's HashBytes(blocks · hashlen, s) read as an integer, so the IBE code computes it.
    private func hashToIntegerRange(_ s: [UInt8], _ n: BigInt, blocks: Int) -> (blocks: [[UInt8]], value: BigInt) {
        let length = HashFunction.sha256.digestLength
        let octets = RFC5091.hashBytes(blocks * length, s, .sha256)
        let v = stride(from: 0, to: octets.count, by: length).map { Array(octets[$0..<($0 + length)]) }
        return (v, BigInt(bytes: octets).modulo(n))
    }

    @Test func parametersAndPointsLieOnTheCurve() throws {
        let p = try file.integer("p")
        let q = try file.integer("q")
        #expect(q * BigInt(4) == p + .one)
        #expect(p.remainder(dividingBy: 4) == 3)
        #expect(p.bitWidth == 1024 && q.bitWidth == 1022)
        for name in ["P", "Z", "R_bS", "K_bS"] {
            let point = try file.point(name)
            let x = point.x
            #expect((point.y * point.y - (x * x * x - BigInt(3) * x)).modulo(p).isZero, "\(name) is on y^2 = x^3 - 3x")
        }
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
        let q = try file.integer("q")
        let result = hashToIntegerRange(message, q, blocks: 4)
        for (index, block) in result.blocks.enumerated() {
            #expect(block == (try file.octets("v\(index + 1)_octets")))
        }
        #expect(result.value == (try file.integer("v_mod_q")))
        #expect(result.value == (try file.integer("r")))
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
        let mask = try #require(hashToIntegerRange(octets, BigInt.powerOfTwo(128), blocks: 1).value.bytes(count: 16))
        #expect(mask == (try file.octets("mask_octets")))
        let ssv = try file.octets("SSV_octets")
        #expect(zip(ssv, mask).map { $0 ^ $1 } == (try file.octets("H_octets")))
    }
}
