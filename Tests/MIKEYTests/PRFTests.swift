import MIKEY
import Primitives
import TestSupport
import Testing

/// The MIKEY PRF (RFC 3830 §4.1.2; RFC 6043 §6.1), against a restatement of the RFC text
/// written here with the Primitives HMAC, and against values from an independent Python
/// implementation (Tests/TestSupport/Vectors/mikey-prf-crosscheck.txt; no published values exist).
@Suite("MIKEY PRF")
struct PRFTests {
    /// RFC 3830 §4.1.2, restated step by step:
    /// 1. split inkey into n = ⌈inkey_len / 256⌉ pieces s_1 .. s_n of 256 bits (last shorter);
    /// 2. m = ⌈outkey_len / hash_len⌉;
    /// 3. P(s, label, m) = HMAC(s, A_1 || label) || ... || HMAC(s, A_m || label), A_0 = label,
    ///    A_i = HMAC(s, A_(i-1));
    /// 4. PRF = P(s_1, label, m) XOR ... XOR P(s_n, label, m), leftmost outkey_len bits.
    static func restatement(_ hash: HashFunction, inkey: [UInt8], label: [UInt8], bits: Int) -> [UInt8] {
        let hashBits = 8 * hash.digestLength
        let m = bits / hashBits + (bits % hashBits == 0 ? 0 : 1)
        var pieces: [[UInt8]] = []
        var rest = inkey[...]
        while !rest.isEmpty {
            pieces.append(Array(rest.prefix(32)))
            rest = rest.dropFirst(32)
        }
        if pieces.isEmpty { pieces = [[]] }  // the project's reading for an empty inkey
        var result = [UInt8](repeating: 0, count: m * hash.digestLength)
        for s in pieces {
            var a = label
            var p: [UInt8] = []
            for _ in 1...m {
                a = HMAC.authenticationCode(for: a, key: s, hash: hash)
                p += HMAC.authenticationCode(for: a + label, key: s, hash: hash)
            }
            for index in result.indices { result[index] ^= p[index] }
        }
        var output = Array(result.prefix((bits + 7) / 8))
        if bits % 8 != 0 { output[output.count - 1] &= ~UInt8((1 << (8 - bits % 8)) - 1) }
        return output
    }

    static let inkeyLengths = [0, 1, 31, 32, 33, 64, 65, 97]
    static let outputBits = [1, 8, 112, 128, 159, 160, 161, 256, 257, 512, 1024]

    @Test("both PRFs equal the restatement for inkeys of 0-97 octets and outputs of 1-1024 bits",
          arguments: PRFFunction.allCases, inkeyLengths)
    func restatement(prf: PRFFunction, inkeyLength: Int) {
        let inkey = (0..<inkeyLength).map { UInt8(truncatingIfNeeded: $0 &* 29 &+ 7) }
        let label = Array("MIKEY label".utf8) + [0xFF, 0, 1]
        for bits in Self.outputBits {
            let output = MIKEYPRF.derive(prf, inkey: inkey, label: label, outputBits: bits)
            #expect(output.count == (bits + 7) / 8)
            #expect(output == Self.restatement(prf.hash, inkey: inkey, label: label, bits: bits), "\(prf.name), \(inkeyLength) octets, \(bits) bits")
        }
    }

    @Test("the values of the independent Python implementation",
          arguments: VectorFile("mikey-prf-crosscheck.txt").records(section: "prf"))
    func crossCheck(record: VectorFile.Record) throws {
        let prf = try #require(PRFFunction(rawValue: UInt8(record.number("prf"))))
        let output = try MIKEYPRF.derive(prf, inkey: record.octets("inkey"), label: record.octets("label"), outputBits: Int(record.number("bits")))
        #expect(try Hex.encode(output) == record.text("out"))
    }

    @Test("a single chunk with one output block is HMAC(s, HMAC(s, label) || label)")
    func singleBlock() {
        let key = [UInt8](repeating: 0x0B, count: 32), label = Array("Hi There".utf8)
        for prf in PRFFunction.allCases {
            let a1 = HMAC.authenticationCode(for: label, key: key, hash: prf.hash)
            let expected = HMAC.authenticationCode(for: a1 + label, key: key, hash: prf.hash)
            #expect(MIKEYPRF.derive(prf, inkey: key, label: label, outputBits: 8 * prf.hash.digestLength) == expected)
            // Not plain HMAC(s, label): the P-function feeds A_1 back.
            #expect(expected != HMAC.authenticationCode(for: label, key: key, hash: prf.hash))
        }
    }

    @Test("inkey pieces are XORed: a 64-octet inkey is the XOR of its two halves' outputs")
    func chunkXOR() {
        let inkey = (0..<64).map { UInt8($0) }, label: [UInt8] = [1, 2, 3]
        for prf in PRFFunction.allCases {
            let first = MIKEYPRF.derive(prf, inkey: Array(inkey[0..<32]), label: label, outputBits: 256)
            let second = MIKEYPRF.derive(prf, inkey: Array(inkey[32...]), label: label, outputBits: 256)
            #expect(MIKEYPRF.derive(prf, inkey: inkey, label: label, outputBits: 256) == zip(first, second).map { $0 ^ $1 })
            #expect(first != second)
        }
    }

    @Test("outputs are prefixes of longer outputs; the two PRFs differ; zero bits give nothing")
    func prefixes() {
        let inkey = [UInt8](repeating: 0x42, count: 40), label = [UInt8](repeating: 0x24, count: 25)
        for prf in PRFFunction.allCases {
            let long = MIKEYPRF.derive(prf, inkey: inkey, label: label, outputBits: 1024)
            for bits in stride(from: 8, through: 1024, by: 8) {
                #expect(MIKEYPRF.derive(prf, inkey: inkey, label: label, outputBits: bits) == Array(long.prefix(bits / 8)))
            }
            #expect(MIKEYPRF.derive(prf, inkey: inkey, label: label, outputBits: 0).isEmpty)
            #expect(MIKEYPRF.derive(prf, inkey: inkey, label: label, outputBits: -5).isEmpty)
        }
        #expect(MIKEYPRF.derive(.mikey1, inkey: inkey, label: label, outputBits: 128)
                != MIKEYPRF.derive(.hmacSHA256, inkey: inkey, label: label, outputBits: 128))
        #expect(MIKEYPRF.derive(.hmacSHA256, inkey: inkey, label: label, outputBits: 4) == [MIKEYPRF.derive(.hmacSHA256, inkey: inkey, label: label, outputBits: 8)[0] & 0xF0])
    }
}
