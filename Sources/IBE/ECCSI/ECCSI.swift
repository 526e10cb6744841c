import Pairing
import Primitives

/// ECCSI (RFC 6507) as MIKEY-SAKKE uses it (RFC 6509 §2.1): NIST P-256 (OpenSSL's EC, through
/// Primitives), SHA-256, N = 32 octets. The KMS is ``ECCSIKeyManagementService``, the signer
/// ``ECCSISigningKey``, the verifier ``verify(_:of:identifier:kpak:)``; this holds what they share.
public enum ECCSI {
    /// E and G: NIST P-256.
    public static let curve = NISTCurve.p256
    /// hash: SHA-256, whose output (N = 32 octets) is the length of every scalar.
    public static let hash = HashFunction.sha256
    /// N: octets of r, s, SSK and of each coordinate.
    public static let octetCount = 32
    /// q, the order of G.
    static let q = BigInt(bytes: curve.order)
    /// p, the field prime.
    static let p = BigInt(bytes: curve.fieldPrime)

    /// HS = hash( G || KPAK || ID || PVT ) (RFC 6507 §5.1.1 step 3, §5.1.2 step 2, §5.2.2
    /// step 2), the points in uncompressed SEC1 form.
    public static func hs(kpak: ECPoint, identifier: [UInt8], pvt: ECPoint) -> [UInt8] {
        hash.digest(curve.generator.sec1() + kpak.sec1() + identifier + pvt.sec1())
    }

    /// HE = hash( HS || r || M ) (RFC 6507 §5.2.1 step 3, §5.2.2 step 3).
    public static func he(hs: [UInt8], r: [UInt8], message: [UInt8]) -> [UInt8] {
        hash.digest(hs + r + message)
    }

    /// An integer as N big-endian octets. Invariant: callers pass values below 2^256.
    static func octets(_ value: BigInt) -> [UInt8] { value.bytes(count: octetCount) ?? [] }

    /// A scalar of N octets that must lie in [1, q-1].
    static func scalar(_ octets: [UInt8], name: String) throws(ECCSIError) -> BigInt {
        let value = BigInt(bytes: octets)
        guard octets.count == octetCount, !value.isZero, value < q else {
            throw .outOfRange("ECCSI \(name): \(octetCount) octets holding an integer in [1, q-1] expected, got \(octets.count) octets"
                              + (octets.count == octetCount ? " holding \(value.isZero ? "0" : "a value not below q")" : ""))
        }
        return value
    }

    /// Throws unless `value` lies in [1, q-1], as KSAK, v and j must (`where` names the RFC step).
    static func checkRange(_ value: BigInt, name: String, where place: String) throws(ECCSIError) {
        guard !value.isZero, !value.isNegative, value < q else {
            throw .outOfRange("ECCSI \(name) = \(value.hex): an integer in [1, q-1] expected (RFC 6507 \(place))")
        }
    }

    /// [k]G for k in [1, q-1], named for the error OpenSSL's refusal would become.
    static func multiplyGenerator(_ k: BigInt, name: String) throws(ECCSIError) -> ECPoint {
        do {
            return try curve.multiplyGenerator(by: octets(k))
        } catch {
            throw .point(what: "ECCSI \(name)", error)
        }
    }

    /// A point of the signature or the KMS, decoded and checked to be on P-256.
    static func point(_ octets: [UInt8], name: String) throws(ECCSIError) -> ECPoint {
        do {
            return try ECPoint(sec1: octets, curve: curve)
        } catch {
            throw .point(what: "ECCSI \(name)", error)
        }
    }
}
