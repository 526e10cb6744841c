import Pairing
import Primitives

extension ECCSI {
    /// Verifies a signature (RFC 6507 §5.2.2):
    /// 1) PVT lies on E (checked when the signature was parsed);
    /// 2) HS = hash( G || KPAK || ID || PVT ); 3) HE = hash( HS || r || M );
    /// 4) Y = [HS]PVT + KPAK; 5) J = [s]( [HE]G + [r]Y ), computed in one interleaved
    /// multiplication as [s·HE]G + [s·r]Y (G and Y have order q);
    /// 6) Jx = r mod p, and Jx mod p ≠ 0.
    ///
    /// - Throws: ``ECCSIError/invalidSignature(_:)`` naming the step that failed.
    public static func verify(_ signature: ECCSISignature, of message: [UInt8], identifier: [UInt8], kpak: ECPoint) throws(ECCSIError) {
        guard signature.r.count == octetCount, signature.s.count == octetCount else {
            throw .malformedSignature("r and s must be \(octetCount) octets each")
        }
        let hsOctets = hs(kpak: kpak, identifier: identifier, pvt: signature.pvt)            // step 2
        let heValue = BigInt(bytes: he(hs: hsOctets, r: signature.r, message: message))      // step 3
        let y: ECPoint                                                                        // step 4
        do {
            y = try signature.pvt.multiplied(by: hsOctets).adding(kpak)
        } catch {
            throw .invalidSignature("Y = [HS]PVT + KPAK is not a finite point (step 4)")
        }
        let r = BigInt(bytes: signature.r)
        let s = BigInt(bytes: signature.s)
        let j: ECPoint                                                                        // step 5
        do {
            j = try curve.linearCombination(generatorScalar: octets((s * heValue).modulo(q)),
                                            point: y, scalar: octets((s * r).modulo(q)))
        } catch {
            throw .invalidSignature("J = [s]([HE]G + [r]Y) is the point at infinity (step 5)")
        }
        let jx = BigInt(bytes: j.x)
        guard jx == r.modulo(p), !jx.isZero else {                                            // step 6
            throw .invalidSignature("Jx ≠ r mod p (step 6): the signature was not made with the SSK of identifier "
                                    + "\(Hex.encode(identifier)) over this message")
        }
    }
}
