import Pairing
import Primitives

/// A signer's validated key (RFC 6507 §5.1.2) and the signing algorithm (§5.2.1).
public struct ECCSISigningKey: Sendable {
    /// ID, the signer's identifier.
    public let identifier: [UInt8]
    public let kpak: ECPoint
    public let pvt: ECPoint
    /// HS = hash( G || KPAK || ID || PVT ), computed during validation and kept for signing.
    public let hs: [UInt8]
    /// SSK in [1, q-1]; BigInt storage is wiped when the last copy goes.
    private let ssk: BigInt

    /// Validates a received SSK as RFC 6507 §5.1.2 asks before it is installed:
    /// 1) PVT lies on E (done when it was decoded); 2) HS = hash( G || KPAK || ID || PVT );
    /// 3) KPAK = [SSK]G - [HS]PVT.
    ///
    /// - Throws: ``ECCSIError/outOfRange(_:)`` for an SSK that is not N octets in [1, q-1],
    ///   ``ECCSIError/invalidSigningKey(_:)`` when step 3 fails.
    public init(identifier: [UInt8], ssk: [UInt8], pvt: ECPoint, kpak: ECPoint) throws(ECCSIError) {
        let sskValue = try ECCSI.scalar(ssk, name: "SSK")
        guard pvt.curve == ECCSI.curve, kpak.curve == ECCSI.curve else {
            throw .invalidSigningKey("PVT and KPAK must be \(ECCSI.curve.displayName) points")
        }
        let hs = ECCSI.hs(kpak: kpak, identifier: identifier, pvt: pvt)                    // step 2
        let minusHS = (ECCSI.q - BigInt(bytes: hs).modulo(ECCSI.q)).modulo(ECCSI.q)
        let expected = try? ECCSI.curve.linearCombination(generatorScalar: ssk, point: pvt, scalar: ECCSI.octets(minusHS))
        guard expected == kpak else {                                                       // step 3
            throw .invalidSigningKey("KPAK ≠ [SSK]G - [HS]PVT: the SSK and PVT were not issued for identifier "
                                     + "\(Hex.encode(identifier)) by the KMS of this KPAK")
        }
        self.identifier = identifier
        self.kpak = kpak
        self.pvt = pvt
        self.hs = hs
        self.ssk = sskValue
    }

    /// Validates what a KMS provisioned (RFC 6507 §5.1.2).
    public init(_ material: ECCSIKeyMaterial, kpak: ECPoint) throws(ECCSIError) {
        try self.init(identifier: material.identifier, ssk: material.ssk, pvt: material.pvt, kpak: kpak)
    }

    /// Signs `message` (RFC 6507 §5.2.1) with a fresh ephemeral j from `random`, choosing
    /// again in the rare case step 4 asks for it.
    public func sign(_ message: [UInt8], using random: RandomSource) -> ECCSISignature {
        while true {
            if let signature = try? sign(message, j: BigInt(bytes: ECCSI.curve.randomScalar(using: random))) {
                return signature
            }
        }
    }

    /// RFC 6507 §5.2.1 with a given j (known-answer tests, `mikey-ibake lab`; j must never
    /// repeat in real use): 1) j in F_q*; 2) J = [j]G, r = Jx; 3) HE = hash( HS || r || M );
    /// 4) HE + r·SSK ≠ 0 mod q; 5) s' = ( (HE + r·SSK)^-1 · j ) mod q; 6) s = q - s' if s'
    /// needs more than N octets, else s'; 7) signature ( r || s || PVT ).
    public func sign(_ message: [UInt8], j: BigInt) throws(ECCSIError) -> ECCSISignature {
        let q = ECCSI.q
        try ECCSI.checkRange(j, name: "j", where: "§5.2.1 step 1")                          // step 1
        let jPoint = try ECCSI.multiplyGenerator(j, name: "J = [j]G")                        // step 2
        let r = jPoint.x
        let he = ECCSI.he(hs: hs, r: r, message: message)                                    // step 3
        let sum = (BigInt(bytes: he) + BigInt(bytes: r) * ssk).modulo(q)
        guard let inverse = sum.inverse(modulo: q) else { throw .unusableEphemeral }         // step 4
        let sPrime = (inverse * j).modulo(q)                                                 // step 5
        let s = sPrime.byteWidth > ECCSI.octetCount ? q - sPrime : sPrime                   // step 6
        return ECCSISignature(r: r, s: ECCSI.octets(s), pvt: pvt)                            // step 7
    }
}
