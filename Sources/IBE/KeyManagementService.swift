import Pairing
import Primitives

/// A KMS for one parameter set: it holds the master secret s, publishes
/// P_pub = [s]P, and extracts private keys for identity-with-period strings
/// (PROFILE D3, D4; RFC 6267 §3.2). Scheme: Boneh-Franklin (PROFILE D1).
public struct KeyManagementService: Sendable {
    public let parameterSet: ParameterSet
    public let publicParameters: BFPublicParameters
    private let master: BFMasterSecret

    /// A KMS with a fresh master secret s in [2, q-1] (RFC 5091 §5.1.2); from the
    /// seeded generator in a `--seed` run (PROFILE D15).
    public init(parameterSet: ParameterSet, using random: RandomSource) {
        let s = random.integer(in: BigInt(2)..<parameterSet.curve.q)
        // Invariant: s is in range by construction.
        self.init(parameterSet: parameterSet, validatedSecret: s)
    }

    /// A KMS with a given master secret (for known-answer tests and transcripts).
    public init(parameterSet: ParameterSet, masterSecret s: BigInt) throws(IBEError) {
        guard s >= BigInt(2), s < parameterSet.curve.q else {
            throw .invalidParameters("master secret must be in [2, q-1]")
        }
        self.init(parameterSet: parameterSet, validatedSecret: s)
    }

    private init(parameterSet: ParameterSet, validatedSecret s: BigInt) {
        self.parameterSet = parameterSet
        master = BFMasterSecret(s: s)
        publicParameters = BFPublicParameters(
            curve: parameterSet.curve, generator: parameterSet.generator,
            publicKey: parameterSet.curve.multiply(parameterSet.generator, by: s), hash: parameterSet.hash)
    }

    /// The master secret, for the transcript of a seeded demonstration run only.
    public var masterSecret: BigInt { master.s }

    /// K_PR for `identity`: S_id = [s]·HashToPoint(identity-with-period).
    public func extractPrivateKey(for identity: IdentityWithPeriod) -> BFPrivateKey {
        master.extractPrivateKey(for: identity.octets, parameters: publicParameters)
    }
}
