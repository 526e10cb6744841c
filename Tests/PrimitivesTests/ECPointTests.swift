import Primitives
import TestSupport
import Testing

@Suite("EC points: arithmetic")
struct ECArithmeticTests {
    @Test("NIST CAVS ECC CDH primitive vectors", arguments: VectorFile("ecdh-cavs.txt").records)
    func cavsECDH(record: VectorFile.Record) throws {
        let curve = try #require(NISTCurve(rawValue: record.text("curve")))
        let peer = try ECPoint(sec1: [0x04] + record.octets("QCAVSx") + record.octets("QCAVSy"), curve: curve)
        let d = try record.octets("dIUT")
        let publicKey = try curve.generator.multiplied(by: d)
        #expect(try Hex.encode(publicKey.x) == record.text("QIUTx"))
        #expect(try Hex.encode(publicKey.y) == record.text("QIUTy"))
        #expect(try Hex.encode(peer.multiplied(by: d).x) == record.text("ZIUT"))
    }

    @Test("Diffie-Hellman agrees: [a]([b]G) = [b]([a]G)", arguments: NISTCurve.allCases)
    func diffieHellman(curve: NISTCurve) throws {
        let random = HMACDRBG(seed: 2026)
        for _ in 0..<3 {
            let a = curve.randomScalar(using: random), b = curve.randomScalar(using: random)
            let aP = try curve.generator.multiplied(by: a), bP = try curve.generator.multiplied(by: b)
            let abP = try bP.multiplied(by: a)
            #expect(abP == (try aP.multiplied(by: b)))
            #expect(abP != aP && abP != bP)
        }
    }

    @Test("addition: P + P = [2]P, P + Q = Q + P, P + (-P) is an error", arguments: NISTCurve.allCases)
    func addition(curve: NISTCurve) throws {
        let g = curve.generator
        let q = try g.multiplied(by: [7])
        #expect(try g.adding(g) == g.multiplied(by: [2]))
        #expect(try g.adding(q) == q.adding(g))
        #expect(try g.adding(q) == g.multiplied(by: [8]))
        let error = #expect(throws: PrimitivesError.self) { try q.adding(q.negated()) }
        #expect(error?.kind == .pointAtInfinity)
        #expect(error?.description.hasPrefix("\(curve.displayName) point addition: the sum is the point at infinity") == true)
    }

    @Test("adding points of different curves is an error")
    func mismatchedCurves() {
        let error = #expect(throws: PrimitivesError.self) { try NISTCurve.p256.generator.adding(NISTCurve.p384.generator) }
        #expect(error?.kind == .mismatchedCurves)
    }

    @Test("negation keeps x, changes y, and equals [n-1]P", arguments: NISTCurve.allCases)
    func negation(curve: NISTCurve) throws {
        let p = try curve.generator.multiplied(by: [3, 1, 4, 1, 5])
        let minusP = p.negated()
        #expect(minusP.x == p.x && minusP.y != p.y)
        #expect(minusP.negated() == p)
        #expect(try p.multiplied(by: subtractOne(curve.order)) == minusP)
        #expect(minusP.sec1(compressed: true)[0] == p.sec1(compressed: true)[0] ^ 1)
    }

    @Test("multiples of the order give infinity; n + 1 acts as 1", arguments: NISTCurve.allCases)
    func orderMultiples(curve: NISTCurve) throws {
        let p = try curve.generator.multiplied(by: [42])
        for scalar in [curve.order, [], [0], [UInt8](repeating: 0, count: 40)] {
            let error = #expect(throws: PrimitivesError.self) { try p.multiplied(by: scalar) }
            #expect(error?.kind == .pointAtInfinity)
            #expect(error?.subject == "\(curve.displayName) scalar multiplication")
        }
        #expect(try p.multiplied(by: addOne(curve.order)) == p)
        #expect(try p.multiplied(by: [0, 0, 1]) == p)   // leading zero octets do not matter
    }
}

@Suite("EC points: SEC1 encoding")
struct ECEncodingTests {
    @Test("uncompressed and compressed round trips", arguments: NISTCurve.allCases)
    func roundTrips(curve: NISTCurve) throws {
        let random = HMACDRBG(seed: 11)
        let length = curve.coordinateLength
        var prefixes = Set<UInt8>()
        for _ in 0..<8 {
            let p = try curve.generator.multiplied(by: curve.randomScalar(using: random))
            let full = p.sec1(), short = p.sec1(compressed: true)
            #expect(full.count == 1 + 2 * length && full[0] == 0x04)
            #expect(full == [0x04] + p.x + p.y)
            #expect(short.count == 1 + length && Array(short[1...]) == p.x)
            #expect(short[0] == 0x02 | (p.y[length - 1] & 1))
            #expect(try ECPoint(sec1: full, curve: curve) == p)
            #expect(try ECPoint(sec1: short, curve: curve) == p)
            prefixes.insert(short[0])
        }
        #expect(prefixes == [0x02, 0x03])
    }

    @Test("the 0x00 encoding of infinity is rejected", arguments: NISTCurve.allCases)
    func infinity(curve: NISTCurve) {
        #expect(throws: PrimitivesError(.pointAtInfinity, "\(curve.displayName) point", "0x00 encodes the point at infinity, which is not allowed")) {
            try ECPoint(sec1: [0x00], curve: curve)
        }
    }

    @Test("wrong lengths are rejected with the length expected")
    func wrongLength() throws {
        let g = NISTCurve.p256.generator
        #expect(throws: PrimitivesError(.wrongLength, "P-256 point", "65 octets expected for an uncompressed point, got 64")) {
            try ECPoint(sec1: Array(g.sec1().dropLast()), curve: .p256)
        }
        #expect(throws: PrimitivesError(.wrongLength, "P-384 point", "49 octets expected for a compressed point, got 33")) {
            try ECPoint(sec1: g.sec1(compressed: true), curve: .p384)
        }
        #expect(throws: PrimitivesError(.wrongLength, "P-521 point", "133 octets expected for an uncompressed point, got 134")) {
            try ECPoint(sec1: NISTCurve.p521.generator.sec1() + [0], curve: .p521)
        }
        let empty = #expect(throws: PrimitivesError.self) { try ECPoint(sec1: [], curve: .p256) }
        #expect(empty?.kind == .wrongLength)
    }

    @Test("unknown and hybrid prefixes are rejected", arguments: [UInt8(0x01), 0x05, 0x06, 0x07, 0x14, 0xFF])
    func badPrefix(prefix: UInt8) {
        var encoding = NISTCurve.p256.generator.sec1()
        encoding[0] = prefix
        let error = #expect(throws: PrimitivesError.self) { try ECPoint(sec1: encoding, curve: .p256) }
        #expect(error?.kind == .invalidEncoding)
        #expect(error?.description.contains("0x04 (uncompressed), 0x02 or 0x03 (compressed) expected") == true)
    }

    @Test("a point off the curve is rejected", arguments: NISTCurve.allCases)
    func offCurve(curve: NISTCurve) {
        var encoding = curve.generator.sec1()
        encoding[encoding.count - 1] ^= 0x01
        #expect(throws: PrimitivesError(.notOnCurve, "\(curve.displayName) point", "not on the curve")) {
            try ECPoint(sec1: encoding, curve: curve)
        }
    }

    @Test("compressed x-coordinates without a curve point are rejected", arguments: NISTCurve.allCases)
    func compressedWithoutPoint(curve: NISTCurve) {
        // About half of all x have a point; among 40 small ones both outcomes occur.
        var decoded = 0, rejected = 0
        for x in UInt8(1)...40 {
            let encoding = [0x02] + [UInt8](repeating: 0, count: curve.coordinateLength - 1) + [x]
            do {
                let point = try ECPoint(sec1: encoding, curve: curve)
                #expect(point.sec1(compressed: true) == encoding || point.negated().sec1(compressed: true) == encoding)
                decoded += 1
            } catch {
                #expect(error.kind == .notOnCurve)
                rejected += 1
            }
        }
        #expect(decoded > 0 && rejected > 0)
    }

    @Test("coordinates not below the field prime are rejected", arguments: VectorFile("curves-sec2.txt").records)
    func coordinateRange(record: VectorFile.Record) throws {
        let curve = try #require(NISTCurve(rawValue: record.text("curve")))
        let p = try record.octets("p"), g = curve.generator
        #expect(throws: PrimitivesError(.invalidEncoding, "\(curve.displayName) point", "x-coordinate is not less than the field prime p")) {
            try ECPoint(sec1: [0x02] + p, curve: curve)
        }
        #expect(throws: PrimitivesError(.invalidEncoding, "\(curve.displayName) point", "y-coordinate is not less than the field prime p")) {
            try ECPoint(sec1: [0x04] + g.x + p, curve: curve)
        }
    }
}

/// `value + 1` for a big-endian integer (the length grows on overflow).
func addOne(_ value: [UInt8]) -> [UInt8] { addBigEndian(value, [1]) }

/// `value - 1` for a big-endian integer greater than zero.
func subtractOne(_ value: [UInt8]) -> [UInt8] {
    var result = value
    for index in result.indices.reversed() {
        let (digit, borrow) = result[index].subtractingReportingOverflow(1)
        result[index] = digit
        if !borrow { break }
    }
    return result
}

/// `a + b` for big-endian integers.
func addBigEndian(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var carry = 0
    var i = a.count - 1, j = b.count - 1
    while i >= 0 || j >= 0 || carry > 0 {
        let sum = (i >= 0 ? Int(a[i]) : 0) + (j >= 0 ? Int(b[j]) : 0) + carry
        result.append(UInt8(sum & 0xFF))
        carry = sum >> 8
        i -= 1; j -= 1
    }
    return result.reversed()
}
