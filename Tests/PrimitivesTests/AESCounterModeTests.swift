import Primitives
import TestSupport
import Testing

@Suite("AES counter mode")
struct AESCounterModeTests {
    @Test("NIST SP 800-38A F.5 example vectors, both directions", arguments: VectorFile("aes-ctr-sp800-38a.txt").records)
    func publishedVectors(record: VectorFile.Record) throws {
        let key = try record.octets("key"), counter = try record.octets("counter")
        let plaintext = try record.octets("plaintext"), ciphertext = try record.octets("ciphertext")
        #expect(Hex.encode(try AESCounterMode.apply(key: key, initialCounter: counter, to: plaintext)) == Hex.encode(ciphertext))
        #expect(try AESCounterMode.apply(key: key, initialCounter: counter, to: ciphertext) == plaintext)
        // A prefix that ends inside a block gives the same prefix of the ciphertext.
        #expect(try AESCounterMode.apply(key: key, initialCounter: counter, to: Array(plaintext.prefix(21))) == Array(ciphertext.prefix(21)))
    }

    @Test("round trip for AES-128 and AES-256 at several lengths", arguments: [16, 32])
    func roundTrip(keyLength: Int) throws {
        let random = HMACDRBG(seed: UInt64(keyLength))
        let key = random.bytes(keyLength), counter = random.bytes(16)
        for length in [0, 1, 15, 16, 17, 100, 4096] {
            let data = random.bytes(length)
            let encrypted = try AESCounterMode.apply(key: key, initialCounter: counter, to: data)
            #expect(encrypted.count == length)
            if length >= 16 { #expect(encrypted != data) }
            #expect(try AESCounterMode.apply(key: key, initialCounter: counter, to: encrypted) == data)
        }
    }

    @Test("a different counter or key gives a different key stream")
    func differentCounter() throws {
        let key = [UInt8](repeating: 0x2b, count: 16), zeros = [UInt8](repeating: 0, count: 64)
        var counter = [UInt8](repeating: 0, count: 16)
        let stream = try AESCounterMode.apply(key: key, initialCounter: counter, to: zeros)
        counter[0] ^= 0x80
        #expect(try AESCounterMode.apply(key: key, initialCounter: counter, to: zeros) != stream)
        counter[0] ^= 0x80
        #expect(try AESCounterMode.apply(key: key, initialCounter: counter, to: zeros) == stream)
        #expect(try AESCounterMode.apply(key: [UInt8](repeating: 0x2c, count: 16), initialCounter: counter, to: zeros) != stream)
    }

    @Test("the counter block is incremented as one 128-bit big-endian integer",
          arguments: [Hex.decode("000102030405060708090a0b0c0d0eff")!,   // carry out of the last octet
                      Hex.decode("0001020304050607ffffffffffffffff")!,   // carry across the 64-bit boundary
                      Hex.decode("ffffffffffffffffffffffffffffffff")!])  // wraps to zero
    func fullWidthIncrement(counter: [UInt8]) throws {
        let key = Hex.decode("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4")!
        var next = counter
        for index in next.indices.reversed() {
            next[index] &+= 1
            if next[index] != 0 { break }
        }
        let zeros = [UInt8](repeating: 0, count: 16)
        let twoBlocks = try AESCounterMode.apply(key: key, initialCounter: counter, to: zeros + zeros)
        #expect(Array(twoBlocks[16...]) == (try AESCounterMode.apply(key: key, initialCounter: next, to: zeros)))
    }

    @Test("wrong key and counter lengths are rejected with the length expected")
    func wrongLengths() {
        #expect(throws: PrimitivesError(.wrongLength, "AES-CM key", "16 or 32 octets expected (AES-128 or AES-256), got 24")) {
            try AESCounterMode.apply(key: [UInt8](repeating: 1, count: 24), initialCounter: [UInt8](repeating: 0, count: 16), to: [1])
        }
        #expect(throws: PrimitivesError(.wrongLength, "AES-CM initial counter", "16 octets expected, got 14")) {
            try AESCounterMode.apply(key: [UInt8](repeating: 1, count: 16), initialCounter: [UInt8](repeating: 0, count: 14), to: [1])
        }
    }
}
