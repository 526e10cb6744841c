import Pairing
import Primitives

/// An ECCSI KMS (RFC 6507 §4.2, §5.1.1): it holds the KMS Secret Authentication Key (KSAK),
/// publishes the KMS Public Authentication Key KPAK = [KSAK]G, and provisions each signer's
/// Secret Signing Key (SSK) and Public Validation Token (PVT).
public struct ECCSIKeyManagementService: Sendable {
    /// KPAK = [KSAK]G.
    public let kpak: ECPoint
    /// KSAK in [1, q-1]; BigInt storage is wiped when the last copy goes.
    private let ksak: BigInt

    /// KSAK as 32 octets: what a ledger shows the KMS holds, and what leaks when it leaks.
    public var ksakOctets: [UInt8] { ECCSI.octets(ksak) }

    /// A KMS with a fresh KSAK.
    public init(using random: RandomSource) {
        // Invariant: randomScalar is in [1, q-1], so it is a valid KSAK.
        self.init(validatedKSAK: BigInt(bytes: ECCSI.curve.randomScalar(using: random)))
    }

    /// A KMS with a given KSAK (known-answer tests, `mikey-ibake lab`).
    public init(ksak: BigInt) throws(ECCSIError) {
        try ECCSI.checkRange(ksak, name: "KSAK", where: "§4.2")
        self.init(validatedKSAK: ksak)
    }

    private init(validatedKSAK ksak: BigInt) {
        self.ksak = ksak
        // Invariant: KSAK is in [1, q-1], so [KSAK]G is a finite point.
        guard let kpak = try? ECCSI.curve.multiplyGenerator(by: ECCSI.octets(ksak)) else {
            fatalError("[KSAK]G is the point at infinity for KSAK in [1, q-1]")
        }
        self.kpak = kpak
    }

    /// SSK and PVT for `identifier` with a fresh ephemeral v (RFC 6507 §5.1.1), restarting
    /// with another v in the rare case step 5 asks for it.
    public func provision(_ identifier: [UInt8], using random: RandomSource) -> ECCSIKeyMaterial {
        while true {
            let v = BigInt(bytes: ECCSI.curve.randomScalar(using: random))
            if let material = try? provision(identifier, v: v) { return material }
        }
    }

    /// RFC 6507 §5.1.1 with a given v (known-answer tests, `mikey-ibake lab`):
    /// 1) v in F_q*; 2) PVT = [v]G; 3) HS = hash( G || KPAK || ID || PVT );
    /// 4) SSK = ( KSAK + HS * v ) mod q; 5) SSK and HS must not be 0 mod q.
    public func provision(_ identifier: [UInt8], v: BigInt) throws(ECCSIError) -> ECCSIKeyMaterial {
        let q = ECCSI.q
        try ECCSI.checkRange(v, name: "v", where: "§5.1.1 step 1")
        let pvt = try ECCSI.multiplyGenerator(v, name: "PVT = [v]G")               // step 2
        let hs = ECCSI.hs(kpak: kpak, identifier: identifier, pvt: pvt)           // step 3
        let hsValue = BigInt(bytes: hs).modulo(q)
        let ssk = (ksak + hsValue * v).modulo(q)                                  // step 4
        guard !ssk.isZero, !hsValue.isZero else {                                 // step 5
            throw .outOfRange("ECCSI provisioning: SSK or HS is 0 mod q for this v (RFC 6507 §5.1.1 step 5); choose another v")
        }
        return ECCSIKeyMaterial(identifier: identifier, ssk: ECCSI.octets(ssk), pvt: pvt, hs: hs)
    }
}

/// What the KMS hands a signer (RFC 6507 §5.1.1 step 6): SSK (secret) and PVT, with the HS
/// it computed on the way. The signer validates them (§5.1.2) by making an ``ECCSISigningKey``.
public struct ECCSIKeyMaterial: Sendable, Equatable {
    public let identifier: [UInt8]
    /// SSK, N octets.
    public let ssk: [UInt8]
    public let pvt: ECPoint
    /// HS = hash( G || KPAK || ID || PVT ).
    public let hs: [UInt8]
}
