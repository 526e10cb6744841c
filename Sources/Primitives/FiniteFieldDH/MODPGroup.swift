import COpenSSL

/// A MODP Diffie-Hellman group of the classic MIKEY DH modes (RFC 3830 §6.4 DH-Group,
/// used by DH-SIGN §3.3 and DHHMAC RFC 4650 §5.2): a safe prime p from OpenSSL's built-in
/// copies of the published values, and the generator g = 2.
public struct MODPGroup: Sendable, Equatable, Hashable {
    /// The value of the DH payload's DH-Group field (RFC 3830 §6.4): 0, 1 or 2.
    public let mikeyIdentifier: UInt8
    /// The group's name, for example `OAKLEY 5 (1536-bit MODP)`.
    public let name: String
    /// The prime p, big-endian; its length is the length of every public value and shared secret.
    public let primeOctets: [UInt8]

    /// The generator g = 2, for all three groups (RFC 2409 §6.1, §6.2, RFC 3526 §2).
    public static let generator: UInt64 = 2

    /// DH-Group 0: OAKLEY 5, the 1536-bit MODP group of RFC 3526 §2.
    public static let oakley5 = MODPGroup(0, "OAKLEY 5 (1536-bit MODP)") { BN_get_rfc3526_prime_1536(nil) }
    /// DH-Group 1: OAKLEY 1, the 768-bit MODP group of RFC 2409 §6.1.
    public static let oakley1 = MODPGroup(1, "OAKLEY 1 (768-bit MODP)") { BN_get_rfc2409_prime_768(nil) }
    /// DH-Group 2: OAKLEY 2, the 1024-bit MODP group of RFC 2409 §6.2.
    public static let oakley2 = MODPGroup(2, "OAKLEY 2 (1024-bit MODP)") { BN_get_rfc2409_prime_1024(nil) }

    /// The three groups, in DH-Group order.
    public static let all: [MODPGroup] = [oakley5, oakley1, oakley2]

    /// The group a DH-Group value names, or `nil` for values RFC 3830 §6.4 does not define.
    public init?(mikeyIdentifier: UInt8) {
        guard let group = Self.all.first(where: { $0.mikeyIdentifier == mikeyIdentifier }) else { return nil }
        self = group
    }

    /// Bits in p: 1536, 768 or 1024.
    public var primeBits: Int { primeOctets.count * 8 }

    private init(_ identifier: UInt8, _ name: String, prime: () -> OpaquePointer?) {
        // Invariant: these constructors only copy constants compiled into libcrypto and fail
        // solely when memory is exhausted; without them no MODP group can exist.
        guard let number = prime() else { OpenSSLErrors.fatal("\(name) prime") }
        defer { BN_free(number) }
        let length = (Int(BN_num_bits(number)) + 7) / 8
        var octets = [UInt8](repeating: 0, count: length)
        guard BN_bn2binpad(number, &octets, Int32(length)) == Int32(length) else { OpenSSLErrors.fatal("\(name) prime") }
        self.mikeyIdentifier = identifier
        self.name = name
        self.primeOctets = octets
    }
}
