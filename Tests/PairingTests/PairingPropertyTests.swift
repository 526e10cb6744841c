import IBE
import Pairing
import Primitives
import Testing
import TestSupport

/// Bilinearity, symmetry, non-degeneracy and order q at every shipped level.
@Suite struct PairingPropertyTests {
    @Test(arguments: ["toy", "ibe-80", "ibe-112", "ibe-128", "ibe-192", "bench-1024"])
    func pairingProperties(level: String) throws {
        let set = try ParameterSet.named(level)
        let curve = set.curve
        let random = HMACDRBG(seed: 2026)
        func scalar() -> BigInt { BigInt(bytes: random.bytes(curve.q.byteWidth + 8)).modulo(curve.q - .one) + .one }
        let p = set.generator
        let (a, b, c) = (scalar(), scalar(), scalar())
        let aP = curve.multiply(p, by: a)
        let bP = curve.multiply(p, by: b)
        let base = curve.pairing(p, p)

        #expect(!base.isOne)                                                      // non-degenerate
        #expect(curve.field.power(base, curve.q).isOne)                           // order q
        #expect(curve.field.norm(base) == .one)
        #expect(curve.pairing(aP, bP) == curve.field.power(base, (a * b).modulo(curve.q)))  // bilinear
        #expect(curve.pairing(aP, bP) == curve.pairing(bP, aP))                   // symmetric
        let cP = curve.multiply(p, by: c)
        #expect(curve.pairing(curve.add(aP, bP), cP) == curve.field.multiply(curve.pairing(aP, cP), curve.pairing(bP, cP)))
        #expect(curve.pairing(.infinity, aP).isOne)
        #expect(curve.pairingRatio(aP, bP, aP, bP).isOne)
    }

    @Test func scalarMultiplicationAgreesWithRepeatedAddition() throws {
        let set = try ParameterSet.named("toy")
        let curve = set.curve
        var sum = CurvePoint.infinity
        for k in 0..<200 {
            #expect(curve.multiply(set.generator, by: BigInt(k)) == sum, "k = \(k)")
            sum = curve.add(sum, set.generator)
        }
        #expect(curve.multiply(set.generator, by: BigInt(-3)) == curve.negate(curve.multiply(set.generator, by: BigInt(3))))
        #expect(curve.add(set.generator, curve.negate(set.generator)).isInfinity)
    }

    @Test func curveRefusesBadParameters() {
        #expect(throws: CurveError.self) { try TypeOneCurve(p: BigInt(131), q: BigInt(7)) }      // 7 does not divide 132
        #expect(throws: CurveError.self) { try TypeOneCurve(p: BigInt(137), q: BigInt(23)) }     // 137 mod 12 = 5
        #expect(throws: CurveError.self) { try TypeOneCurve(p: BigInt(143), q: BigInt(3)) }
        #expect(throws: CurveError.invalidParameters("p is not prime")) {
            try TypeOneCurve(p: BigInt(119), q: BigInt(5)).validatePrimality()   // 119 = 7 · 17
        }
    }
}

@Suite struct PreparedPairingTests {
    @Test(arguments: ["toy", "ibe-80", "ibe-128"]) func preparedAgreesWithDirect(level: String) throws {
        let set = try ParameterSet.named(level)
        let curve = set.curve
        let random = HMACDRBG(seed: 5)
        func point() -> CurvePoint {
            curve.multiply(set.generator, by: BigInt(bytes: random.bytes(curve.q.byteWidth)).modulo(curve.q))
        }
        let a = point()
        let prepared = PreparedPairingArgument(curve: curve, point: a)
        for _ in 0..<3 {
            let b = point()
            #expect(curve.pairing(prepared, b) == curve.pairing(a, b))
        }
        #expect(curve.pairing(prepared, .infinity).isOne)
        #expect(curve.pairing(PreparedPairingArgument(curve: curve, point: .infinity), a).isOne)
    }

    @Test func preparedReproducesRFC5091Section73() throws {
        let file = VectorFile("rfc5091-primitives.txt")
        let curve = try TypeOneCurve(p: file.integer("p", section: "7.3"), q: file.integer("q", section: "7.3"))
        let prepared = PreparedPairingArgument(curve: curve, point: try file.point("A", section: "7.3"))
        #expect(curve.pairing(prepared, try file.point("B", section: "7.3")) == (try file.fp2("eAB", section: "7.3")))
    }
}

@Suite struct FixedBaseTableTests {
    @Test(arguments: ["toy", "ibe-80", "ibe-128"]) func tableAgreesWithScalarMultiplication(level: String) throws {
        let set = try ParameterSet.named(level)
        let table = FixedBaseTables.table(curve: set.curve, point: set.generator)
        #expect(table.hasOrderQ)
        // A curve point outside the subgroup: [q]P is a point of small order, not O.
        var stray = set.curve.point(withY: BigInt(5))
        if set.curve.multiply(stray, by: set.curve.q).isInfinity { stray = set.curve.point(withY: BigInt(7)) }
        #expect(!FixedBaseTable(curve: set.curve, point: stray).hasOrderQ)
        let random = HMACDRBG(seed: 31)
        var scalars = [BigInt.zero, .one, BigInt(15), BigInt(16), BigInt(255), set.curve.q - .one, set.curve.q, set.curve.q + BigInt(7)]
        for _ in 0..<6 { scalars.append(BigInt(bytes: random.bytes(set.curve.q.byteWidth))) }
        for k in scalars {
            #expect(table.multiply(by: k) == set.curve.multiply(set.generator, by: k.modulo(set.curve.q)), "\(level) k = \(k)")
        }
        #expect(FixedBaseTables.table(curve: set.curve, point: set.generator) === table)   // built once
    }
}
