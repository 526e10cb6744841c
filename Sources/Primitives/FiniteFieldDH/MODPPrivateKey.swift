import COpenSSL

/// A Diffie-Hellman private exponent x in a ``MODPGroup`` and its public value g^x mod p,
/// for the DH payload of DH-SIGN (RFC 3830 §3.3, §6.4) and DHHMAC (RFC 4650 §5.2).
///
/// The exponent lives in its own memory, is copied out only by ``exportedExponent()`` (for
/// the lab's ledger), and is wiped with
/// `OPENSSL_cleanse` when the key is released.
///
/// `@unchecked Sendable` is sound: nothing is written to the exponent after `init` (until
/// `deinit`), and every method only reads it.
public final class MODPPrivateKey: @unchecked Sendable {
    /// The group.
    public let group: MODPGroup
    /// g^x mod p, big-endian, left-padded to the length of p (RFC 3830 §6.4: the DH-value
    /// field has the length of the group's prime).
    public let publicValue: [UInt8]
    private let exponent: UnsafeMutableRawBufferPointer

    /// A new exponent x with 1 < x < p - 1, drawn from `random` as `group.primeOctets.count`
    /// octets (drawn again in the rare case it falls outside that range), so a seeded run
    /// repeats it. RFC 3526 §8 says an exponent of twice the security strength suffices; a
    /// full-size one is simplest.
    public static func generate(in group: MODPGroup, using random: RandomSource) throws(PrimitivesError) -> MODPPrivateKey {
        let length = group.primeOctets.count
        while true {
            var drawn = random.bytes(length)
            defer { OPENSSL_cleanse(&drawn, drawn.count) }
            if try MODPArithmetic.isInside(drawn, group: group, subject: "\(group.name) private exponent") {
                return try MODPPrivateKey(group: group, exponent: drawn)
            }
        }
    }

    private init(group: MODPGroup, exponent octets: [UInt8]) throws(PrimitivesError) {
        let exponent = UnsafeMutableRawBufferPointer.allocate(byteCount: octets.count, alignment: 1)
        exponent.copyBytes(from: octets)
        do {
            publicValue = try MODPArithmetic.power(MODPArithmetic.generator, UnsafeRawBufferPointer(exponent), group: group,
                                                   subject: "\(group.name) public value")
        } catch {
            OPENSSL_cleanse(exponent.baseAddress, exponent.count)
            exponent.deallocate()
            throw error
        }
        self.group = group
        self.exponent = exponent
    }

    deinit {
        OPENSSL_cleanse(exponent.baseAddress, exponent.count)
        exponent.deallocate()
    }

    /// A copy of the exponent x, big-endian, left-padded to the length of p: for the lab's
    /// ledger, whose screens show a teaching run's secrets beside the values computed from
    /// them. The copy is the caller's; the key's own exponent is still wiped on release.
    public func exportedExponent() -> [UInt8] { Array(UnsafeRawBufferPointer(exponent)) }

    /// The shared secret y^x mod p (RFC 3830 §4.1.1: the TGK of DH-SIGN and DHHMAC),
    /// left-padded to the length of p, for the peer's public value `peer`.
    ///
    /// `peer` must have exactly the length of p and lie in 2 … p - 2: 0, 1 and p - 1 would
    /// force the secret into {0, 1, p - 1} (a small-subgroup confinement), and p or more is
    /// not a residue at all.
    public func sharedSecret(with peer: [UInt8]) throws(PrimitivesError) -> [UInt8] {
        let subject = "\(group.name) peer public value"
        guard peer.count == group.primeOctets.count else {
            throw PrimitivesError(.wrongLength, subject, "\(group.primeOctets.count) octets expected, got \(peer.count)")
        }
        guard try MODPArithmetic.isInside(peer, group: group, subject: subject) else {
            throw PrimitivesError(.outOfRange, subject, "must lie in 2 … p-2 (RFC 2631 §2.1.5, RFC 3526 §8)")
        }
        return try MODPArithmetic.power(peer, UnsafeRawBufferPointer(exponent), group: group,
                                        subject: "\(group.name) shared secret")
    }
}
