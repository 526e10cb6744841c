import Pairing
import Primitives

/// A SAKKE parameter set (RFC 6508 §2.1 and §2.2): the curve E: y^2 = x^3 - 3x over F_p,
/// the subgroup of prime order q with generator P, g = <P, P> in its PF_p representation,
/// the SSV length n in bits, and the hash. MIKEY-SAKKE uses one set: RFC 6509 Appendix A
/// parameter set 1 (``parameterSet1``).
///
/// The sender's algorithm (RFC 6508 §6.2.1) is a method here, since it needs only these
/// and the KMS public key.
public struct SAKKEParameters: Sendable {
    public let curve: TypeOneCurve
    /// P, the generator of the order-q subgroup.
    public let generator: CurvePoint
    /// g = <P, P>, the PF_p representative (RFC 6508 §2.2).
    public let g: BigInt
    /// n: the SSV has n bits (and the mask n bits).
    public let ssvBits: Int
    public let hash: HashFunction
    /// g as the element of norm 1, so that g^r takes the unitary path.
    let gNormOne: Fp2Element
    /// [k]P from a table: the KMS public key, every RSK, and the sender's [r·b]P.
    let generatorTable: FixedBaseTable

    /// Checks that the curve has the RFC 6508 form, that P has order q, that g = <P, P>
    /// and that n is a positive multiple of 8.
    public init(curve: TypeOneCurve, generator: CurvePoint, g: BigInt, ssvBits: Int, hash: HashFunction) throws(SAKKEError) {
        guard curve.form == .rfc6508 else {
            throw .invalidParameters("the curve is \(curve.form.equation); SAKKE needs \(TypeOneCurve.Form.rfc6508.equation) (RFC 6508 §2.1)")
        }
        guard ssvBits > 0, ssvBits % 8 == 0 else {
            throw .invalidParameters("n = \(ssvBits) bits; a positive multiple of 8 expected")
        }
        do {
            try curve.validateSubgroupPoint(generator)
        } catch {
            throw .curve(what: "SAKKE generator P", error)
        }
        let pairing = curve.pairing(generator, generator)
        guard RFC6508.representative(of: pairing, p: curve.p) == g else {
            throw .invalidParameters("g is not <P, P> (RFC 6508 §2.2)")
        }
        self.curve = curve
        self.generator = generator
        self.g = g
        self.ssvBits = ssvBits
        self.hash = hash
        gNormOne = pairing
        generatorTable = FixedBaseTables.table(curve: curve, point: generator)
    }

    /// Octets of an F_p element, L = ⌈lg(p)/8⌉ (RFC 6508 §2.1): 128 for set 1.
    public var coordinateLength: Int { curve.coordinateLength }

    /// Octets of the SSV and of H: n / 8.
    public var ssvLength: Int { ssvBits / 8 }

    /// [k]P.
    func multiplyGenerator(_ k: BigInt) -> CurvePoint { generatorTable.multiply(by: k) }

    /// The identifier's octets read as an integer (RFC 6508 §2.2: "the integer a, b"),
    /// reduced modulo q, where [b]P, a + z and r·b need it.
    func identifierInteger(_ identifier: [UInt8]) -> BigInt { BigInt(bytes: identifier).modulo(curve.q) }

    /// g^r in PF_p, its representative (RFC 6508 §6.2.1 step 4).
    public func gToThe(_ r: BigInt) -> BigInt {
        RFC6508.representative(of: curve.field.power(gNormOne, r.modulo(curve.q)), p: curve.p)
    }

    /// HashToIntegerRange(x, 2^n, hash) of an F_p element x written in L octets: the mask
    /// of RFC 6508 §6.2.1 step 4 and §6.2.2 step 3, as n/8 octets.
    public func mask(_ x: BigInt) -> [UInt8] {
        // Invariant: x < p fits in L octets, and the value is below 2^n, so it fits in n/8.
        let octets = x.bytes(count: coordinateLength) ?? []
        return RFC6508.hashToIntegerRange(octets, BigInt.powerOfTwo(ssvBits), hash).bytes(count: ssvLength) ?? []
    }

    /// r = HashToIntegerRange(SSV || b, q, hash) (RFC 6508 §6.2.1 step 2, §6.2.2 step 4).
    public func ephemeral(ssv: [UInt8], identifier: [UInt8]) -> BigInt {
        RFC6508.hashToIntegerRange(ssv + identifier, curve.q, hash)
    }
}
