@testable import Pairing
import Testing

@Suite struct BigIntTests {
    @Test func hexAndBytesRoundTrip() throws {
        let value = try #require(BigInt(hex: "024fd8e2eb7c09104bca116f41c035219955237c0eac19ab"))
        #expect(value.hex == "24fd8e2eb7c09104bca116f41c035219955237c0eac19ab")   // leading zero dropped
        #expect(value.bytes.count == 24)
        #expect(value.bytes(count: 24)?.first == 0x02)
        #expect(value.bytes(count: 30)?.prefix(6).allSatisfy { $0 == 0 } == true)
        #expect(value.bytes(count: 23) == nil)
        #expect(BigInt(bytes: value.bytes) == value)
        #expect(BigInt(bytes: []) == .zero)
        #expect(BigInt.zero.hex == "0" && BigInt.zero.bytes.isEmpty)
        #expect(BigInt(-255).hex == "-ff" && BigInt(-255).description == "-0xff")
    }

    @Test func parsingRefusesWhatIsNotANumber() {
        for text in ["", "0x12", "12 ", "g", "-", "1_000"] {
            #expect(BigInt(hex: text) == nil, "\(text)")
        }
        #expect(BigInt("-123", radix: 10) == BigInt(-123))
        #expect(BigInt("z", radix: 36) == BigInt(35))
        #expect(BigInt("9", radix: 8) == nil)
    }

    @Test func arithmetic() throws {
        let p = try #require(BigInt(hex: "bffffffffffffffffffffffffffcffff3"))
        let a = try #require(BigInt(hex: "489a03c58dcf7fcfc97e99ffef0bb4634"))
        let inverse = try #require(a.inverse(modulo: p))
        #expect((a * inverse).modulo(p) == .one)
        #expect(a.power(p - BigInt(2), modulo: p) == inverse)              // Fermat
        #expect((a - p).modulo(p) == a)
        #expect((p + .one).dividedExactly(by: BigInt(12)) * BigInt(12) == p + .one)
        #expect(BigInt.powerOfTwo(100).bitWidth == 101)
        #expect(BigInt.powerOfTwo(100).shiftedRight(by: 99) == BigInt(2))
        #expect(BigInt(7).shiftedLeft(by: 3) == BigInt(56))
        #expect(p.isProbablePrime() && !(p * p).isProbablePrime())
        #expect(BigInt(2).jacobiSymbol(modulo: BigInt(7)) == 1 && BigInt(3).jacobiSymbol(modulo: BigInt(7)) == -1)
        #expect(BigInt(6).inverse(modulo: BigInt(9)) == nil)
        #expect(BigInt(10) / BigInt(3) == BigInt(3) && BigInt(-10) / BigInt(3) == BigInt(-3))
    }

    @Test func valueSemantics() {
        let a = BigInt(41)
        var b = a
        b = b + .one
        #expect(a == BigInt(41) && b == BigInt(42))
        #expect(Set([BigInt(1), BigInt(1), BigInt(-1)]).count == 2)
    }

    /// The width-w NAF spells the same number, with the promised shape.
    @Test(arguments: [2, 4, 5]) func windowedNAFReconstructs(width: Int) throws {
        let samples = [BigInt(0), BigInt(1), BigInt(7), BigInt(255),
                       BigInt.powerOfTwo(159) + BigInt.powerOfTwo(116) - .one,
                       try #require(BigInt(hex: "a7a73868e95fba886edef8ce96e7217e364bb946f5ed8396"))]
        for value in samples {
            let digits = windowedNAF(value, width: width)
            var sum = BigInt.zero
            for (index, digit) in digits.enumerated().reversed() {
                sum = sum + sum + BigInt(Int(digit))
                #expect(digit == 0 || (digit % 2 != 0 && abs(Int(digit)) < 1 << (width - 1)), "digit \(digit) at \(index)")
            }
            #expect(sum == value)
            for start in digits.indices {
                let window = digits[start..<min(start + width, digits.count)]
                #expect(window.filter { $0 != 0 }.count <= 1)
            }
        }
        // A Solinas q costs three additions in the Miller loop.
        #expect(windowedNAF(BigInt.powerOfTwo(159) + BigInt.powerOfTwo(116) - .one, width: 2).filter { $0 != 0 }.count == 3)
    }
}

@Suite struct QuadraticFieldTests {
    let field = QuadraticField(p: BigInt(131))

    @Test func multiplicationUsesTheCorrectedSign() {
        // (2 + 3i)(4 + 5i) = (8 - 15) + (10 + 12)i = -7 + 22i (RFC 5091 erratum 3229).
        let product = field.multiply(Fp2Element(real: 2, imaginary: 3), Fp2Element(real: 4, imaginary: 5))
        #expect(product == Fp2Element(real: BigInt(124), imaginary: BigInt(22)))
    }

    @Test func inverseConjugateNormAndPower() throws {
        let a = Fp2Element(real: 17, imaginary: 99)
        let inverse = try #require(field.inverse(a))
        #expect(field.multiply(a, inverse).isOne)
        #expect(field.multiply(a, field.conjugate(a)) == Fp2Element(real: field.norm(a), imaginary: .zero))
        // |F_131^2*| = 131^2 - 1.
        #expect(field.power(a, BigInt(131 * 131 - 1)).isOne)
        #expect(field.inverse(Fp2Element(real: .zero, imaginary: .zero)) == nil)
        // Frobenius is conjugation: a^p = conj(a).
        #expect(field.power(a, BigInt(131)) == field.conjugate(a))
    }

    @Test func unitaryPathAgreesWithTheGeneralOne() {
        // conj(a)/a has norm 1 and takes the unitary path; compare with plain multiplication.
        let a = Fp2Element(real: 17, imaginary: 99)
        guard let inverse = field.inverse(a) else { Issue.record("no inverse"); return }
        let unitary = field.multiply(field.conjugate(a), inverse)
        #expect(field.norm(unitary) == .one)
        var expected = Fp2Element.one
        for exponent in 0..<300 {
            #expect(field.power(unitary, BigInt(exponent)) == expected, "exponent \(exponent)")
            expected = field.multiply(expected, unitary)
        }
    }
}
