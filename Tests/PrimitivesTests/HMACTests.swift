import Primitives
import TestSupport
import Testing

@Suite("HMAC")
struct HMACTests {
    @Test("RFC 4231 HMAC-SHA-224/256/384/512 test cases", arguments: VectorFile("hmac-rfc4231.txt").records)
    func rfc4231(record: VectorFile.Record) throws {
        try check(record)
    }

    @Test("RFC 2202 HMAC-SHA-1 test cases", arguments: VectorFile("hmac-sha1-rfc2202.txt").records)
    func rfc2202(record: VectorFile.Record) throws {
        try check(record)
    }

    private func check(_ record: VectorFile.Record) throws {
        let hash = try #require(HashFunction(rawValue: record.text("hash")))
        let expected = try record.octets("mac")
        let mac = try HMAC.authenticationCode(for: record.octets("data"), key: record.octets("key"), hash: hash)
        #expect(mac.count == hash.digestLength)
        // Truncated published values (RFC 4231 test case 5) are the leftmost octets.
        #expect(Hex.encode(Array(mac.prefix(expected.count))) == Hex.encode(expected), "\(record)")
    }

    @Test("an empty key is the all-zero key, as RFC 2104 pads keys with zeros")
    func emptyKey() {
        let message = Array("what do ya want for nothing?".utf8)
        for hash in HashFunction.allCases {
            let empty = HMAC.authenticationCode(for: message, key: [], hash: hash)
            #expect(empty == HMAC.authenticationCode(for: message, key: [0, 0, 0], hash: hash))
            #expect(empty != HMAC.authenticationCode(for: message, key: [1], hash: hash))
        }
    }
}
