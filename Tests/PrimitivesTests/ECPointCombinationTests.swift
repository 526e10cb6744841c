import Primitives
import Testing

/// [k]G from OpenSSL's generator tables, [a]G + [b]P in one call, and the ECDSA yardstick
/// of `mikey-ibake bench`: each agrees with the general point arithmetic.
@Suite struct ECPointCombinationTests {
    @Test(arguments: NISTCurve.allCases) func generatorAndCombinationAgreeWithGeneralArithmetic(curve: NISTCurve) throws {
        let random = HMACDRBG(seed: 81)
        let a = curve.randomScalar(using: random)
        let b = curve.randomScalar(using: random)
        let point = try curve.generator.multiplied(by: curve.randomScalar(using: random))
        #expect(try curve.multiplyGenerator(by: a) == (try curve.generator.multiplied(by: a)))
        let sum = try curve.generator.multiplied(by: a).adding(point.multiplied(by: b))
        #expect(try curve.linearCombination(generatorScalar: a, point: point, scalar: b) == sum)
        #expect(throws: PrimitivesError.self) { try curve.multiplyGenerator(by: curve.order) }
        // [1]G + [n-1]G = O.
        var minusOne = curve.order
        minusOne[minusOne.count - 1] -= 1
        #expect(throws: PrimitivesError.self) {
            try curve.linearCombination(generatorScalar: [1], point: curve.generator, scalar: minusOne)
        }
    }

    @Test func ecdsaReferenceSignsAndVerifies() throws {
        let key = try ECDSAReference(curve: .p256)
        let message = Array("bench".utf8)
        let signature = try key.sign(message)
        #expect(key.verify(signature, of: message))
        #expect(!key.verify(signature, of: Array("bencH".utf8)))
        var flipped = signature
        flipped[flipped.count - 1] ^= 1
        #expect(!key.verify(flipped, of: message))
    }
}
