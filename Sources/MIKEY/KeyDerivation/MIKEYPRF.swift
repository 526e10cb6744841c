import Primitives

/// The MIKEY pseudo-random function (RFC 3830 §4.1.2), over HMAC-SHA-1 (MIKEY-1) or
/// HMAC-SHA-256 (PRF-HMAC-SHA-256, RFC 6043 §6.1).
///
/// `inkey` is split into n = ⌈len/256 bits⌉ chunks s_1 … s_n of 256 bits (the last may be
/// shorter); each gives `P(s_i, label, m) = HMAC(s_i, A_1 || label) || … || HMAC(s_i, A_m
/// || label)` with `A_0 = label`, `A_j = HMAC(s_i, A_(j-1))` and m = ⌈outkey_len / hash
/// bits⌉; the output is the leftmost outkey_len bits of `P(s_1, …) XOR … XOR P(s_n, …)`.
public enum MIKEYPRF {
    /// Octets per inkey chunk: 256 bits, for both PRFs (RFC 3830 §4.1.2, RFC 6043 §6.1).
    public static let chunkLength = 32

    /// The leftmost `outputBits` bits of PRF(inkey, label), as ⌈outputBits/8⌉ octets (bits
    /// beyond `outputBits` in the last octet are zero). An empty or negative length gives
    /// no octets.
    ///
    /// An empty inkey is taken as one empty chunk (HMAC under the empty key) rather than
    /// as zero chunks, whose XOR would be an all-zero key: RFC 3830 does not cover the case.
    public static func derive(_ function: PRFFunction, inkey: [UInt8], label: [UInt8], outputBits: Int) -> [UInt8] {
        guard outputBits > 0 else { return [] }
        let hash = function.hash, hashBits = 8 * hash.digestLength
        let blocks = outputBits / hashBits + (outputBits % hashBits == 0 ? 0 : 1)  // m = ⌈outkey_len / hash bits⌉
        let octets = outputBits / 8 + (outputBits % 8 == 0 ? 0 : 1)
        var output = [UInt8](repeating: 0, count: blocks * hash.digestLength)
        var chunkStart = 0
        repeat {
            let chunk = Array(inkey[chunkStart..<min(chunkStart + chunkLength, inkey.count)])
            for (index, octet) in p(hash, secret: chunk, label: label, blocks: blocks).enumerated() {
                output[index] ^= octet
            }
            chunkStart += chunkLength
        } while chunkStart < inkey.count
        output.removeLast(output.count - octets)
        if outputBits % 8 != 0 { output[output.count - 1] &= UInt8(0xFF) << (8 - outputBits % 8) }
        return output
    }

    /// `P(s, label, m)` of RFC 3830 §4.1.2.
    static func p(_ hash: HashFunction, secret: [UInt8], label: [UInt8], blocks: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(blocks * hash.digestLength)
        var a = label  // A_0
        for _ in 0..<blocks {
            a = HMAC.authenticationCode(for: a, key: secret, hash: hash)  // A_j = HMAC(s, A_(j-1))
            output += HMAC.authenticationCode(for: a + label, key: secret, hash: hash)
        }
        return output
    }
}
