import COpenSSL

/// Where random octets come from: the system generator, or a seeded ``HMACDRBG`` when a run
/// must repeat (PROFILE D15). Every random choice in the demonstrator goes through one.
public protocol RandomSource: AnyObject {
    /// Exactly `count` random octets (`count` ≥ 0).
    func bytes(_ count: Int) -> [UInt8]
}

/// OpenSSL's default random generator (`RAND_bytes`), seeded by the operating system.
public final class SystemRandom: RandomSource, Sendable {
    /// The system generator; it keeps no state of its own.
    public init() {}

    /// `count` octets from `RAND_bytes`.
    public func bytes(_ count: Int) -> [UInt8] {
        precondition(count >= 0, "a negative number of random octets was requested")
        return [UInt8](unsafeUninitializedCapacity: count) { output, written in
            var offset = 0
            while offset < count {
                // RAND_bytes takes an int length.
                let chunk = min(count - offset, 1 << 30)
                // Invariant: RAND_bytes fails only when the system cannot seed OpenSSL; handing
                // out unseeded "random" octets instead would be worse than stopping.
                guard RAND_bytes(output.baseAddress.map { $0 + offset }, Int32(chunk)) == 1 else {
                    OpenSSLErrors.fatal("RAND_bytes")
                }
                offset += chunk
            }
            written = count
        }
    }
}
