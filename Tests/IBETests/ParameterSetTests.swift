import IBE
import Pairing
import Primitives
import Testing

/// PROFILE D4: every shipped set is what it claims to be.
@Suite struct ParameterSetTests {
    /// (name, |p|, |q|, hash, ECDH curve) as PROFILE D4 and issue 2 state them.
    static let expected: [(String, Int, Int, HashFunction, NISTCurve?)] = [
        ("ibe-80", 512, 160, .sha1, .p256),
        ("ibe-112", 1024, 224, .sha224, .p256),
        ("ibe-128", 1536, 256, .sha256, .p256),
        ("ibe-192", 3840, 384, .sha384, .p384),
        ("bench-1024", 1024, 160, .sha1, .p256),
    ]

    @Test func everySetIsShipped() {
        #expect(Set(ParameterSet.availableNames) == Set(Self.expected.map(\.0) + ["toy"]))
        #expect(ParameterSet.availableNames.contains(ParameterSet.defaultName))
    }

    @Test(arguments: expected) func sizesAndHash(name: String, pBits: Int, qBits: Int, hash: HashFunction, ecdh: NISTCurve?) throws {
        let set = try ParameterSet.named(name)
        #expect(set.name == name)
        #expect(set.curve.p.bitWidth == pBits)
        #expect(set.curve.q.bitWidth == qBits)
        #expect(set.hash == hash)
        #expect(set.ecdhCurve == ecdh)
        #expect(!set.isInsecure)
    }

    @Test(arguments: ["ibe-80", "ibe-112", "ibe-128", "ibe-192", "bench-1024", "toy"])
    func structure(name: String) throws {
        let set = try ParameterSet.named(name)
        let (p, q) = (set.curve.p, set.curve.q)
        #expect(p.isProbablePrime())
        #expect(q.isProbablePrime())
        #expect(p.remainder(dividingBy: 12) == 11)
        #expect((p + .one).modulo(q).isZero)
        #expect(set.curve.contains(set.generator))
        #expect(!set.generator.isInfinity)
        #expect(set.curve.multiply(set.generator, by: q).isInfinity)
        #expect(set.generatorSeed == ParameterGenerator.generatorLabel)
        #expect(RFC5091.hashToPoint(ParameterGenerator.generatorLabel, curve: set.curve, hash: set.hash) == set.generator)
        try set.validate()
    }

    @Test func toyIsSmallAndMarkedInsecure() throws {
        let toy = try ParameterSet.named("toy")
        #expect(toy.isInsecure)
        #expect(toy.curve.p < BigInt.powerOfTwo(32))
        #expect(toy.ecdhCurve == nil)
    }

    @Test func benchmarkSetIsMarked() throws {
        #expect(try ParameterSet.named("bench-1024").isBenchmarkOnly)
        #expect(!(try ParameterSet.named("ibe-128").isBenchmarkOnly))
    }

    @Test func unknownNameListsTheShippedOnes() {
        #expect(throws: IBEError.unknownParameterSet(name: "ibe-9000", available: ParameterSet.availableNames)) {
            try ParameterSet.named("ibe-9000")
        }
    }

    @Test func malformedFilesSayWhereAndWhat() {
        #expect(throws: IBEError.malformedFile("t.txt:2: expected `name = value`, got \"oops\"")) {
            try ParameterSet(text: "name = x\noops\n", source: "t.txt")
        }
        #expect(throws: IBEError.malformedFile("t.txt: missing `summary`")) {
            try ParameterSet(text: "name = x\n", source: "t.txt")
        }
    }

    @Test func generatorIsDeterministicForASeedAndMeetsTheShape() throws {
        let generator = try ParameterGenerator(pBits: 96, qBits: 40, hash: .sha256)
        let first = try generator.generate(using: HMACDRBG(seed: 7))
        let again = try generator.generate(using: HMACDRBG(seed: 7))
        let other = try generator.generate(using: HMACDRBG(seed: 8))
        #expect(first.curve == again.curve && first.generator == again.generator)
        #expect(first.curve != other.curve)
        #expect(first.curve.p.bitWidth == 96 && first.curve.q.bitWidth == 40)
        #expect(first.curve.cofactor.remainder(dividingBy: 12) == 0)
        try first.curve.validatePrimality()
        try first.curve.validateSubgroupPoint(first.generator)
    }
}
