import Primitives
import TestSupport
import Testing

@Suite("MODP Diffie-Hellman")
struct MODPTests {
    static let vectors = VectorFile("modp-groups.txt")

    @Test("OpenSSL's primes are the published ones", arguments: vectors.records)
    func publishedPrimes(record: VectorFile.Record) throws {
        let identifier = try UInt8(record.number("dh_group"))
        let group = try #require(MODPGroup(mikeyIdentifier: identifier))
        #expect(group.mikeyIdentifier == identifier)
        #expect(Hex.encode(group.primeOctets) == Hex.encode(try record.octets("prime")), "\(record)")
        #expect(group.primeBits == Int(try record.number("bits")))
        #expect(MODPGroup.generator == (try record.number("generator")))
    }

    @Test("the three DH-Group values name the three groups, and no others")
    func identifiers() {
        #expect(MODPGroup(mikeyIdentifier: 0) == .oakley5)
        #expect(MODPGroup(mikeyIdentifier: 1) == .oakley1)
        #expect(MODPGroup(mikeyIdentifier: 2) == .oakley2)
        #expect(MODPGroup(mikeyIdentifier: 3) == nil)
        #expect(MODPGroup.oakley5.name.contains("1536"))
    }

    @Test("both sides compute the same secret", arguments: MODPGroup.all)
    func agreement(group: MODPGroup) throws {
        let initiator = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 11))
        let responder = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 12))
        #expect(initiator.publicValue.count == group.primeOctets.count)
        #expect(initiator.publicValue != responder.publicValue)
        let secret = try initiator.sharedSecret(with: responder.publicValue)
        #expect(secret.count == group.primeOctets.count)
        #expect(try responder.sharedSecret(with: initiator.publicValue) == secret)
        // A seeded run repeats the key.
        #expect(try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 11)).publicValue == initiator.publicValue)
    }

    @Test("the public value is g^x: a known small case through the same code path")
    func publicValueIsPowerOfTwo() throws {
        // x·(peer 2) must equal the public value: 2^x mod p computed as y^x with y = 2.
        let group = MODPGroup.oakley1
        let key = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 21))
        let two = [UInt8](repeating: 0, count: group.primeOctets.count - 1) + [2]
        #expect(try key.sharedSecret(with: two) == key.publicValue)
    }

    @Test("peer values 0, 1, p-1, p, above p and of the wrong length are refused", arguments: MODPGroup.all)
    func badPeers(group: MODPGroup) throws {
        let key = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 31))
        let length = group.primeOctets.count
        let zero = [UInt8](repeating: 0, count: length)
        let one = zero.dropLast() + [1]
        var pMinusOne = group.primeOctets
        pMinusOne[length - 1] -= 1
        let allOnes = [UInt8](repeating: 0xFF, count: length)
        for value in [zero, Array(one), pMinusOne, group.primeOctets, allOnes] {
            do {
                _ = try key.sharedSecret(with: value)
                Issue.record("peer value \(Hex.encode(Array(value.suffix(4)))) accepted")
            } catch {
                #expect(error.kind == .outOfRange)
            }
        }
        let good = try MODPPrivateKey.generate(in: group, using: HMACDRBG(seed: 32)).publicValue
        for value in [Array(good.dropFirst()), [0] + good, []] {
            do {
                _ = try key.sharedSecret(with: value)
                Issue.record("a \(value.count)-octet peer value accepted")
            } catch {
                #expect(error.kind == .wrongLength)
            }
        }
    }
}
