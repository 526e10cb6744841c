@testable import Pairing
import Primitives
import Testing

/// The Montgomery field agrees with plain GMP integer arithmetic modulo p.
@Suite struct MontgomeryFieldTests {
    static let moduli: [String] = [
        "9cf27b1b",                                   // one limb (the toy set's p)
        "ffffffffffffffffffffffffffffff61",           // 2^128 - 159, prime: exactly two limbs, top bit set
        "bffffffffffffffffffffffffffcffff3",          // RFC 5091 §7.1: three limbs, 130 bits
        "a7a73868e95fba886edef8ce96e7217e364bb946f5ed839628d1f80010940622a7afdaf9b049744a459e54dab7ba5be92539e8ff9b4f30a3cf6230c28e284d97",
    ]

    @Test(arguments: moduli) func operationsMatchIntegerArithmetic(hex: String) throws {
        let p = try #require(BigInt(hex: hex))
        let field = MontgomeryField(modulus: p)
        let random = HMACDRBG(seed: 99)
        let elements = LimbScratch(count: 3, limbs: field.limbCount)
        let (a, b, r) = (elements[0], elements[1], elements[2])
        var samples = [BigInt.zero, .one, p - .one, p - BigInt(2)]
        for _ in 0..<40 { samples.append(BigInt(bytes: random.bytes(p.byteWidth + 4)).modulo(p)) }
        for (x, y) in zip(samples, samples.reversed()) {
            field.set(a, to: x)
            field.set(b, to: y)
            #expect(field.value(of: a) == x)
            field.multiply(r, a, b)
            #expect(field.value(of: r) == (x * y).modulo(p))
            field.square(r, a)
            #expect(field.value(of: r) == (x * x).modulo(p))
            field.add(r, a, b)
            #expect(field.value(of: r) == (x + y).modulo(p))
            field.subtract(r, a, b)
            #expect(field.value(of: r) == (x - y).modulo(p))
            field.negate(r, a)
            #expect(field.value(of: r) == (-x).modulo(p))
            if !x.isZero {
                field.invert(r, a)
                #expect(field.value(of: r) == x.inverse(modulo: p))
            }
            #expect(field.equals(a, b) == (x == y))
        }
    }
}
