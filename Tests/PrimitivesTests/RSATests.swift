import Primitives
import TestSupport
import Testing

/// Keys made once per test process (1024-bit, from fixed seeds) and shared by the RSA and
/// X.509 tests.
enum LabKeys {
    static let alice = try! RSAPrivateKey.generate(bits: 1024, using: HMACDRBG(seed: 1))
    static let bob = try! RSAPrivateKey.generate(bits: 1024, using: HMACDRBG(seed: 2))
    static let ca = try! RSAPrivateKey.generate(bits: 1024, using: HMACDRBG(seed: 3))
}

@Suite("RSA")
struct RSATests {
    static let wycheproof = VectorFile("rsa-pkcs1v15-wycheproof.txt")

    @Test("Wycheproof RSASSA-PKCS1-v1_5 SHA-256 known answers",
          arguments: wycheproof.records.filter { $0.fields["sig"] != nil })
    func wycheproofSignatures(record: VectorFile.Record) throws {
        let key = try RSAPublicKey(der: Self.wycheproof.octets("spki", section: "publicKey"))
        #expect(key.modulusBits == 2048)
        let valid = try record.text("result") == "valid"
        #expect(key.verify(try record.octets("sig"), of: try record.octets("msg"), hash: .sha256) == valid, "\(record)")
    }

    @Test("a public key's DER round-trips and equality follows it")
    func publicKeyDER() throws {
        let spki = try Self.wycheproof.octets("spki", section: "publicKey")
        let key = try RSAPublicKey(der: spki)
        #expect(key.der == spki)
        #expect(try RSAPublicKey(der: spki) == key)
        #expect(key != LabKeys.alice.publicKey)
        #expect(key.modulusOctets == 256)
    }

    @Test("garbage and non-RSA DER are refused")
    func garbageDER() throws {
        for garbage: [UInt8] in [[], [0x30, 0x03, 0x02, 0x01, 0x01], Array(repeating: 0xAB, count: 100)] {
            #expect(throws: PrimitivesError.self) { try RSAPublicKey(der: garbage) }
            do { _ = try RSAPublicKey(der: garbage) } catch { #expect(error.kind == .invalidEncoding) }
        }
        // A P-256 SubjectPublicKeyInfo is well-formed DER, but not RSA.
        let ecPrefix = Hex.decode("3059301306072a8648ce3d020106082a8648ce3d030107034200")!
        let generator = NISTCurve.p256.generator
        let ec = ecPrefix + [0x04] + generator.x + generator.y
        do {
            _ = try RSAPublicKey(der: ec)
            Issue.record("an EC key was accepted as RSA")
        } catch {
            #expect(error.kind == .invalidEncoding)
            #expect(error.description.contains("not rsaEncryption"))
        }
    }

    @Test("key generation is a function of the seed")
    func reproducible() throws {
        let again = try RSAPrivateKey.generate(bits: 1024, using: HMACDRBG(seed: 1))
        #expect(again.publicKey.der == LabKeys.alice.publicKey.der)
        #expect(LabKeys.bob.publicKey.der != LabKeys.alice.publicKey.der)
    }

    @Test("n has the requested number of bits", arguments: [512, 768, 1023, 1024])
    func modulusLength(bits: Int) throws {
        let key = try RSAPrivateKey.generate(bits: bits, using: HMACDRBG(seed: UInt64(bits)))
        #expect(key.publicKey.modulusBits == bits)
        #expect(key.publicKey.modulusOctets == (bits + 7) / 8)
        // The key works: sign and verify.
        let signature = try key.sign([1, 2, 3], hash: .sha256)
        #expect(key.publicKey.verify(signature, of: [1, 2, 3], hash: .sha256))
    }

    @Test("a 2048-bit key")
    func twoThousandFortyEight() throws {
        let clock = ContinuousClock()
        var key: RSAPrivateKey?
        let elapsed = try clock.measure { key = try RSAPrivateKey.generate(bits: 2048, using: HMACDRBG(seed: 2048)) }
        let generated = try #require(key)
        #expect(generated.publicKey.modulusBits == 2048)
        print("RSA-2048 key generation: \(elapsed)")
        let ciphertext = try generated.publicKey.encrypt(pkcs1v15: Array(0..<32), using: HMACDRBG(seed: 9))
        #expect(try generated.decrypt(pkcs1v15: ciphertext) == Array(0..<32))
    }

    @Test("unsupported sizes are refused", arguments: [0, 256, 511, 8193])
    func unsupportedSizes(bits: Int) {
        do {
            _ = try RSAPrivateKey.generate(bits: bits, using: HMACDRBG(seed: 0))
            Issue.record("\(bits) bits accepted")
        } catch {
            #expect(error.kind == .outOfRange)
        }
    }

    @Test("encryption round-trips, and is reproducible from the seed", arguments: [0, 1, 16, 117])
    func roundTrip(length: Int) throws {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }
        let key = LabKeys.alice
        let ciphertext = try key.publicKey.encrypt(pkcs1v15: message, using: HMACDRBG(seed: 5))
        #expect(ciphertext.count == 128)
        #expect(try key.decrypt(pkcs1v15: ciphertext) == message)
        #expect(try key.publicKey.encrypt(pkcs1v15: message, using: HMACDRBG(seed: 5)) == ciphertext)
        #expect(try key.publicKey.encrypt(pkcs1v15: message, using: HMACDRBG(seed: 6)) != ciphertext)
    }

    @Test("a plaintext longer than k - 11 octets is refused")
    func tooLong() {
        do {
            _ = try LabKeys.alice.publicKey.encrypt(pkcs1v15: Array(repeating: 1, count: 118), using: HMACDRBG(seed: 1))
            Issue.record("118 octets accepted for a 128-octet modulus")
        } catch {
            #expect(error.kind == .wrongLength)
        }
    }

    @Test("a tampered, foreign or wrong-length ciphertext is refused")
    func tampered() throws {
        let key = LabKeys.alice
        let ciphertext = try key.publicKey.encrypt(pkcs1v15: Array(repeating: 0x42, count: 16), using: HMACDRBG(seed: 7))
        var flipped = ciphertext
        flipped[60] ^= 0x01
        let foreign = try LabKeys.bob.publicKey.encrypt(pkcs1v15: Array(repeating: 0x42, count: 16), using: HMACDRBG(seed: 7))
        // A ciphertext not below n: all 0xFF.
        for bad in [flipped, foreign, Array(repeating: 0xFF, count: 128)] {
            do {
                _ = try key.decrypt(pkcs1v15: bad)
                Issue.record("a bad ciphertext decrypted")
            } catch {
                #expect(error.kind == .invalidEncoding)
            }
        }
        do {
            _ = try key.decrypt(pkcs1v15: Array(ciphertext.dropLast()))
            Issue.record("a short ciphertext decrypted")
        } catch {
            #expect(error.kind == .wrongLength)
        }
    }

    @Test("signatures verify, are deterministic, and a flipped bit is refused", arguments: HashFunction.allCases)
    func signVerify(hash: HashFunction) throws {
        let key = LabKeys.alice
        let message = Array("MIKEY DH-SIGN message".utf8)
        let signature = try key.sign(message, hash: hash)
        #expect(signature.count == 128)
        #expect(try key.sign(message, hash: hash) == signature)
        #expect(key.publicKey.verify(signature, of: message, hash: hash))
        var flipped = signature
        flipped[17] ^= 0x20
        #expect(!key.publicKey.verify(flipped, of: message, hash: hash))
        var other = message
        other[0] ^= 0x01
        #expect(!key.publicKey.verify(signature, of: other, hash: hash))
        #expect(!LabKeys.bob.publicKey.verify(signature, of: message, hash: hash))
        #expect(!key.publicKey.verify(Array(signature.dropFirst()), of: message, hash: hash))
        let otherHash: HashFunction = hash == .sha256 ? .sha1 : .sha256
        #expect(!key.publicKey.verify(signature, of: message, hash: otherHash))
    }
}

/// A source that repeats one octet: its two primes come out equal.
private final class ConstantRandom: RandomSource {
    func bytes(_ count: Int) -> [UInt8] { [UInt8](repeating: 0x5A, count: count) }
}

@Suite("RSA key generation with a broken source")
struct RSABrokenSourceTests {
    @Test("a source that repeats itself gives p = q, which is refused, not looped on")
    func equalPrimes() {
        do {
            _ = try RSAPrivateKey.generate(bits: 1024, using: ConstantRandom())
            Issue.record("a key with p = q was made")
        } catch {
            #expect(error.kind == .outOfRange)
            #expect(error.description.contains("p = q"))
        }
    }

    @Test("the private exponent a ledger shows: modulus-sized, the same for the same seed, another for another key")
    func privateExponent() throws {
        let d = try LabKeys.alice.privateExponent()
        #expect(d.count == LabKeys.alice.publicKey.modulusOctets)
        #expect(d.contains { $0 != 0 })
        #expect(try RSAPrivateKey.generate(bits: 1024, using: HMACDRBG(seed: 1)).privateExponent() == d)
        #expect(try LabKeys.bob.privateExponent() != d)
    }
}
