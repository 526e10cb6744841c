import Pairing
import Primitives

/// A SAKKE KMS (RFC 6508 §6.1): it holds the master secret z, publishes the KMS Public Key
/// Z = [z]P, and provisions each receiver's Receiver Secret Key (§6.1.1).
public struct SAKKEKeyManagementService: Sendable {
    public let parameters: SAKKEParameters
    /// Z_S = [z_S]P, the KMS Public Key.
    public let publicKey: CurvePoint
    /// z_S, in [2, q-1]; BigInt storage is wiped when the last copy goes.
    private let masterSecret: BigInt

    /// A KMS with a fresh master secret z in [2, q-1].
    public init(parameters: SAKKEParameters, using random: RandomSource) {
        let z = random.integer(in: BigInt(2)..<parameters.curve.q)
        self.init(parameters: parameters, validatedSecret: z)
    }

    /// A KMS with a given master secret (known-answer tests, `mikey-ibake lab`).
    public init(parameters: SAKKEParameters, masterSecret z: BigInt) throws(SAKKEError) {
        guard z >= BigInt(2), z < parameters.curve.q else {
            throw .outOfRange("SAKKE master secret z = \(z.hex): an integer in [2, q-1] expected (RFC 6508 §6.1)")
        }
        self.init(parameters: parameters, validatedSecret: z)
    }

    private init(parameters: SAKKEParameters, validatedSecret z: BigInt) {
        self.parameters = parameters
        masterSecret = z
        publicKey = parameters.multiplyGenerator(z)
    }

    /// z_S as octets of q's length: what a ledger shows the KMS holds, and what leaks when
    /// it leaks.
    public var masterSecretOctets: [UInt8] { masterSecret.bytes(count: parameters.coordinateLength) ?? [] }

    /// K_(a,S) = [(a + z_S)^-1]P, the Receiver Secret Key of the identifier a (RFC 6508 §6.1.1).
    ///
    /// - Throws: ``SAKKEError/outOfRange(_:)`` when a + z_S ≡ 0 (mod q): the RFC's KMS then
    ///   cannot serve this identifier with this master secret.
    public func receiverSecretKey(for identifier: [UInt8]) throws(SAKKEError) -> CurvePoint {
        let q = parameters.curve.q
        guard let inverse = (parameters.identifierInteger(identifier) + masterSecret).modulo(q).inverse(modulo: q) else {
            throw .outOfRange("identifier \(Hex.encode(identifier)): a + z ≡ 0 (mod q), no RSK exists (RFC 6508 §6.1.1)")
        }
        return parameters.multiplyGenerator(inverse)
    }

    /// The RSK of `identifier` made ready to decapsulate (checked as RFC 6508 §6.1.2 asks).
    public func receiverKey(for identifier: [UInt8]) throws(SAKKEError) -> SAKKEReceiverKey {
        try SAKKEReceiverKey(identifier: identifier, rsk: receiverSecretKey(for: identifier),
                             kmsPublicKey: publicKey, parameters: parameters)
    }
}
