import Primitives
import TestSupport
import Testing

@Suite("Randomness")
struct RandomTests {
    @Test("NIST CAVP HMAC_DRBG SHA-256 vectors", arguments: VectorFile("hmac-drbg-cavp.txt").records)
    func cavp(record: VectorFile.Record) throws {
        let drbg = try HMACDRBG(entropy: record.octets("EntropyInput"), nonce: record.octets("Nonce"),
                                personalization: record.octets("PersonalizationString"))
        if record.fields["EntropyInputReseed"] != nil {
            try drbg.reseed(entropy: record.octets("EntropyInputReseed"), additionalInput: record.octets("AdditionalInputReseed"))
        }
        let returned = try record.octets("ReturnedBits")
        _ = try drbg.generate(returned.count, additionalInput: record.octets("AdditionalInput1"))
        #expect(try Hex.encode(drbg.generate(returned.count, additionalInput: record.octets("AdditionalInput2"))) == Hex.encode(returned))
    }

    @Test("a seed gives the same bytes every time, different seeds different bytes")
    func seededDeterminism() {
        let a = HMACDRBG(seed: 42), b = HMACDRBG(seed: 42), c = HMACDRBG(seed: 43)
        let first = a.bytes(64)
        #expect(first == b.bytes(64))
        #expect(first != c.bytes(64))
        #expect(a.bytes(64) != first)   // the state moves on
    }

    @Test("init(seed:) is the documented instantiation")
    func seedConvention() {
        let seed: UInt64 = 0x0102_0304_0506_0708
        let explicit = HMACDRBG(entropy: [1, 2, 3, 4, 5, 6, 7, 8], nonce: [],
                                personalization: Array("MIKEY-IBAKE Lab seeded run".utf8))
        #expect(HMACDRBG(seed: seed).generate(48) == explicit.generate(48))
    }

    @Test("reseeding changes the output and resets the reseed counter")
    func reseed() {
        let plain = HMACDRBG(seed: 5), reseeded = HMACDRBG(seed: 5)
        #expect(plain.reseedCounter == 1)
        _ = plain.generate(16)
        _ = reseeded.generate(16)
        #expect(reseeded.reseedCounter == 2)
        reseeded.reseed(entropy: [9, 9, 9])
        #expect(reseeded.reseedCounter == 1)
        #expect(plain.generate(32) != reseeded.generate(32))
    }

    @Test("additional input changes the output")
    func additionalInput() {
        let a = HMACDRBG(seed: 8), b = HMACDRBG(seed: 8)
        #expect(a.generate(32, additionalInput: [1]) != b.generate(32, additionalInput: [2]))
    }

    @Test("requests above 2^16 octets are served as consecutive requests")
    func longRequest() {
        let long = HMACDRBG(seed: 3).generate(70_000)
        let twin = HMACDRBG(seed: 3)
        #expect(long.count == 70_000)
        #expect(long == twin.generate(65_536) + twin.generate(70_000 - 65_536))
    }

    @Test("the system generator returns the number of octets asked for, and they vary")
    func systemRandom() {
        let random = SystemRandom()
        #expect(random.bytes(0).isEmpty)
        let first = random.bytes(32)
        #expect(first.count == 32)
        #expect(first != random.bytes(32))
        #expect(random.bytes(100_000).count == 100_000)
    }
}
