import Pairing
import Primitives

/// A KMS for one parameter set: it holds the master secret s, publishes
/// P_pub = [s]P, and extracts private keys for identity-with-period strings
/// (PROFILE D3, D4; RFC 6267 §3.2). Scheme: Boneh-Franklin (PROFILE D1).
public struct KeyManagementService: Sendable {
    public let parameterSet: ParameterSet
    public let publicParameters: BFPublicParameters
    private let master: BFMasterSecret
    /// Where a run that repeats another (an attack branch) finds P_pub's preparation and
    /// the keys already extracted; nil computes each anew (what `bench` times).
    private let memo: IBEMemo?

    /// A KMS with a fresh master secret s in [2, q-1] (RFC 5091 §5.1.2); from the
    /// seeded generator in a `--seed` run (PROFILE D15). s is drawn even when `memo`
    /// knows the KMS, so the run's randomness goes on as it would without the memo.
    public init(parameterSet: ParameterSet, using random: RandomSource, memo: IBEMemo? = nil) {
        let s = random.integer(in: BigInt(2)..<parameterSet.curve.q)
        // Invariant: s is in range by construction.
        self.init(parameterSet: parameterSet, validatedSecret: s, memo: memo)
    }

    /// A KMS with a given master secret (for known-answer tests and transcripts).
    public init(parameterSet: ParameterSet, masterSecret s: BigInt) throws(IBEError) {
        guard s >= BigInt(2), s < parameterSet.curve.q else {
            throw .invalidParameters("master secret must be in [2, q-1]")
        }
        self.init(parameterSet: parameterSet, validatedSecret: s, memo: nil)
    }

    private init(parameterSet: ParameterSet, validatedSecret s: BigInt, memo: IBEMemo?) {
        self.parameterSet = parameterSet
        master = BFMasterSecret(s: s)
        self.memo = memo
        publicParameters = memo?.publicParameters(of: parameterSet, masterSecret: s)
            ?? Self.publicParameters(of: parameterSet, masterSecret: s)
    }

    /// The parameters the KMS of `parameterSet` with secret s publishes, P_pub = [s]P.
    static func publicParameters(of parameterSet: ParameterSet, masterSecret s: BigInt) -> BFPublicParameters {
        BFPublicParameters(curve: parameterSet.curve, generator: parameterSet.generator,
                           publicKey: parameterSet.curve.multiply(parameterSet.generator, by: s), hash: parameterSet.hash)
    }

    /// The master secret, for the transcript of a seeded demonstration run only.
    public var masterSecret: BigInt { master.s }

    /// K_PR for `identity`: S_id = [s]·HashToPoint(identity-with-period).
    public func extractPrivateKey(for identity: IdentityWithPeriod) -> BFPrivateKey {
        guard let memo else { return master.extractPrivateKey(for: identity.octets, parameters: publicParameters) }
        return memo.privateKey(for: identity.octets, master: master, parameters: publicParameters)
    }
}
