import Pairing
import Primitives

/// IBE results kept by the inputs they are computed from, so that runs that repeat
/// each other (a plain run and its attack branches, a demonstrator's main line and a
/// branch of it) compute them once: a KMS's public parameters from its master secret,
/// recipient keys, extracted private keys and their prepared pairing form.
///
/// Each is a pure function of its inputs, and every input is part of the key, so a run with the memo is byte for byte the run without it. Nothing
/// random is kept: a KMS still draws s from its run's randomness, and only what follows
/// from s is looked up. The memo holds master secrets and private keys, so it should
/// live no longer than the runs it serves. Thread-safe.
public final class IBEMemo: Sendable {
    private let kmsParameters = MemoTable<KMSInput, BFPublicParameters>()
    private let recipientKeys = MemoTable<RecipientKeyInput, BFRecipientKey>()
    private let extractions = MemoTable<ExtractionInput, BFPrivateKey>()
    private let preparations = MemoTable<PreparationInput, BFPrivateKey>()

    public init() {}

    /// The recipient key of `identity` (identity-with-period octets) under `parameters`:
    /// Q_id and e'(P_pub, Q_id), public values an endpoint keeps for the key period.
    public func recipientKey(for identity: [UInt8], parameters: BFPublicParameters) -> BFRecipientKey {
        recipientKeys.value(for: RecipientKeyInput(parameters: PublicParametersInput(parameters), identity: identity)) {
            parameters.recipientKey(for: identity)
        }
    }

    /// S_id = `point` with its Miller lines recorded (``BFPrivateKey``): the same key
    /// whether the KMS extracted it or a user decoded it from REQUEST_KEY_RESP.
    public func privateKey(point: CurvePoint, curve: TypeOneCurve) -> BFPrivateKey {
        preparations.value(for: PreparationInput(p: curve.p, q: curve.q, point: point)) {
            BFPrivateKey(point: point, curve: curve)
        }
    }

    /// BFextractPriv for `identity` under the KMS with secret `master` and `parameters`.
    func privateKey(for identity: [UInt8], master: BFMasterSecret, parameters: BFPublicParameters) -> BFPrivateKey {
        let input = ExtractionInput(parameters: PublicParametersInput(parameters), masterSecret: master.s, identity: identity)
        return extractions.value(for: input) {
            privateKey(point: master.privateKeyPoint(for: identity, parameters: parameters), curve: parameters.curve)
        }
    }

    /// The public parameters of the KMS of `parameterSet` whose master secret is `s`
    /// (P_pub = [s]P, prepared for pairings).
    func publicParameters(of parameterSet: ParameterSet, masterSecret s: BigInt) -> BFPublicParameters {
        let domain = DomainInput(curve: parameterSet.curve, generator: parameterSet.generator, hash: parameterSet.hash)
        return kmsParameters.value(for: KMSInput(domain: domain, masterSecret: s)) {
            KeyManagementService.publicParameters(of: parameterSet, masterSecret: s)
        }
    }

    /// How much the memo holds and how often it answered, for tests and `bench`.
    public struct Statistics: Sendable, Equatable {
        /// Results computed and kept.
        public let computed: Int
        /// Look-ups answered with a kept result.
        public let reused: Int
    }

    public var statistics: Statistics {
        let counts = [kmsParameters.counts, recipientKeys.counts, extractions.counts, preparations.counts]
        return Statistics(computed: counts.map(\.computed).reduce(0, +), reused: counts.map(\.reused).reduce(0, +))
    }
}
