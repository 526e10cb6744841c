import COpenSSL

/// NIST SP 800-90A Rev. 1 §10.1.2 HMAC_DRBG with SHA-256: a deterministic generator for
/// seeded, repeatable runs (PROFILE D15). No prediction resistance; the reseed counter is
/// kept as the standard requires. HMAC is OpenSSL's, through this module's ``HMAC`` layer.
///
/// The working state (K and V) lives in its own memory, is overwritten in place and is wiped
/// with `OPENSSL_cleanse` when the generator is released. Not for concurrent use.
public final class HMACDRBG: RandomSource {
    /// SP 800-90A Table 2: outlen for SHA-256.
    private static let outputLength = 32
    /// SP 800-90A Table 2: max_number_of_bits_per_request = 2^19 bits.
    static let maxBytesPerRequest = 1 << 16
    /// SP 800-90A Table 2: reseed_interval = 2^48 requests.
    static let reseedInterval: UInt64 = 1 << 48

    /// The personalization string of ``init(seed:)``.
    public static let seededRunPersonalization = Array("MIKEY-IBAKE Lab seeded run".utf8)

    private let mac = HMACContext(hash: .sha256)
    private let key: UnsafeMutableRawBufferPointer
    private let value: UnsafeMutableRawBufferPointer

    /// Generate requests since instantiation or the last reseed, plus one (SP 800-90A §10.1.2.1).
    public private(set) var reseedCounter: UInt64

    /// Instantiate (SP 800-90A §10.1.2.3) with seed material `entropy || nonce || personalization`.
    ///
    /// The standard asks for at least 256 bits of entropy (and a nonce) for full strength;
    /// this type does not enforce it, because the seeded demonstration mode deliberately
    /// feeds it a small seed.
    public init(entropy: [UInt8], nonce: [UInt8] = [], personalization: [UInt8] = []) {
        key = .allocate(byteCount: Self.outputLength, alignment: 1)
        value = .allocate(byteCount: Self.outputLength, alignment: 1)
        // §10.1.2.3 steps 2 and 3: Key = 0x00 00...00, V = 0x01 01...01.
        key.initializeMemory(as: UInt8.self, repeating: 0x00)
        value.initializeMemory(as: UInt8.self, repeating: 0x01)
        reseedCounter = 1
        update([entropy, nonce, personalization])
    }

    /// The generator behind `--seed N` (PROFILE D15): entropy input = `seed` as 8 big-endian
    /// octets, no nonce, personalization = the ASCII string `MIKEY-IBAKE Lab seeded run`
    /// (``seededRunPersonalization``). For demonstrations only: 64 bits of seed are far below
    /// SP 800-90A's security strength, and anyone who knows the seed knows every output.
    public convenience init(seed: UInt64) {
        self.init(entropy: seed.bigEndianOctets, personalization: Self.seededRunPersonalization)
    }

    /// The stream of one party of a seeded run (PROFILE D15): the run's seed, personalized
    /// with the party's identity, so a party draws the same values whether the run plays in
    /// one process or each party in its own (`mikey-ibake net ... --seed`).
    public convenience init(seed: UInt64, party: String) {
        self.init(entropy: seed.bigEndianOctets, personalization: Self.seededRunPersonalization + Array(" party \(party)".utf8))
    }

    deinit {
        OPENSSL_cleanse(key.baseAddress, key.count)
        OPENSSL_cleanse(value.baseAddress, value.count)
        key.deallocate()
        value.deallocate()
    }

    /// Generate (SP 800-90A §10.1.2.5): `count` octets.
    ///
    /// A request above the standard's 2^16-octet limit is served as consecutive Generate
    /// calls of at most 2^16 octets, each with the same additional input.
    public func generate(_ count: Int, additionalInput: [UInt8] = []) -> [UInt8] {
        precondition(count >= 0, "a negative number of random octets was requested")
        var output: [UInt8] = []
        output.reserveCapacity(count)
        repeat {
            let block = min(count - output.count, Self.maxBytesPerRequest)
            generateBlock(block, additionalInput: additionalInput, into: &output)
        } while output.count < count
        return output
    }

    /// Reseed (SP 800-90A §10.1.2.4) with seed material `entropy || additionalInput`.
    public func reseed(entropy: [UInt8], additionalInput: [UInt8] = []) {
        update([entropy, additionalInput])
        reseedCounter = 1
    }

    /// ``RandomSource`` conformance: ``generate(_:additionalInput:)`` without additional input.
    public func bytes(_ count: Int) -> [UInt8] {
        generate(count)
    }

    private func generateBlock(_ count: Int, additionalInput: [UInt8], into output: inout [UInt8]) {
        // Step 1. Invariant: 2^48 requests take years at any speed this program reaches, and
        // this generator has no entropy source of its own to reseed from.
        precondition(reseedCounter <= Self.reseedInterval, "HMAC_DRBG reseed required (2^48 requests served)")
        // Step 2: additional input, when given, is mixed in before output.
        if !additionalInput.isEmpty { update([additionalInput]) }
        // Steps 3-5: V = HMAC(K, V), appended until enough octets are produced.
        let end = output.count + count
        while output.count < end {
            macInPlace(into: value)
            output.append(contentsOf: value.prefix(end - output.count))
        }
        // Steps 6 and 7: update with the additional input (possibly Null), count the request.
        update([additionalInput])
        reseedCounter += 1
    }

    /// HMAC_DRBG_Update (SP 800-90A §10.1.2.2) with `providedData` = the concatenation of
    /// `parts`, fed to HMAC piece by piece instead of concatenated.
    private func update(_ parts: [[UInt8]]) {
        let isNull = parts.allSatisfy(\.isEmpty)
        for separator: UInt8 in [0x00, 0x01] {
            // K = HMAC(K, V || separator || provided_data); V = HMAC(K, V).
            macInPlace(into: key) { mac in
                withUnsafeBytes(of: separator) { mac.update($0) }
                for part in parts { mac.update(part) }
            }
            macInPlace(into: value)
            // Step 3: with Null provided data, only the 0x00 round is done.
            if isNull { return }
        }
    }

    /// `destination = HMAC(K, V || extra)`, where `extra` is what `feed` appends. Writing in
    /// place is safe: OpenSSL copies K at `begin` and has consumed V before `finish`.
    private func macInPlace(into destination: UnsafeMutableRawBufferPointer, feed: (HMACContext) -> Void = { _ in }) {
        mac.begin(key: UnsafeRawBufferPointer(key))
        mac.update(UnsafeRawBufferPointer(value))
        feed(mac)
        mac.finish(into: destination)
    }
}
