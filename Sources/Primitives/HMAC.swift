/// HMAC (RFC 2104) over the hash functions of ``HashFunction``, computed by OpenSSL.
public enum HMAC {
    /// The full-length tag (``HashFunction/digestLength`` octets) of `message` under `key`.
    ///
    /// Truncated tags such as HMAC-SHA-1-80 are the leftmost octets of this value.
    public static func authenticationCode(for message: [UInt8], key: [UInt8], hash: HashFunction) -> [UInt8] {
        let mac = HMACContext(hash: hash)
        key.withUnsafeBytes { mac.begin(key: $0) }
        mac.update(message)
        return [UInt8](unsafeUninitializedCapacity: hash.digestLength) { output, written in
            mac.finish(into: UnsafeMutableRawBufferPointer(output))
            written = hash.digestLength
        }
    }
}
