import Primitives
import TestSupport
import Testing

@Suite("SHA-1 and SHA-2")
struct HashFunctionTests {
    @Test("FIPS 180-4 example digests", arguments: VectorFile("sha-fips180.txt").records)
    func publishedDigests(record: VectorFile.Record) throws {
        let hash = try #require(HashFunction(rawValue: record.text("hash")))
        let message = try Array(record.text("message_ascii").utf8)
        #expect(try Hex.encode(hash.digest(message)) == Hex.encode(record.octets("digest")))
    }

    @Test("digest lengths and display names")
    func lengthsAndNames() {
        let expected: [HashFunction: (Int, String)] = [
            .sha1: (20, "SHA-1"), .sha224: (28, "SHA-224"), .sha256: (32, "SHA-256"),
            .sha384: (48, "SHA-384"), .sha512: (64, "SHA-512"),
        ]
        for hash in HashFunction.allCases {
            #expect(hash.digestLength == expected[hash]?.0)
            #expect(hash.displayName == expected[hash]?.1)
            #expect(hash.digest([]).count == hash.digestLength)
        }
    }

    @Test("two-part digest equals the digest of the concatenation", arguments: HashFunction.allCases)
    func twoPartDigest(hash: HashFunction) {
        let message = Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno".utf8)
        for split in [0, 1, 3, 55, 56, 64, message.count] {
            let first = Array(message[..<split]), second = Array(message[split...])
            #expect(hash.digest(first, second) == hash.digest(message), "split at \(split)")
        }
        #expect(hash.digest([1], [2]) != hash.digest([2], [1]))
    }
}
