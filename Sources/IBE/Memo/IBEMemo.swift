import Pairing
import Primitives

/// IBE results kept by the inputs they are computed from, so that runs that repeat
/// each other (a plain run and its attack branches, a demonstrator's main line and a
/// branch of it) compute them once: a KMS's public parameters from its master secret,
/// extracted private keys, their prepared pairing form and a user's checks of them,
/// recipient keys, and the encryptions and decryptions of the IBE layers.
///
/// Each is a pure function of its inputs, and every input is part of the key, so a run
/// with the memo is byte for byte the run without it. Randomness is drawn as it would be
/// without the memo: a KMS still draws s, an encryption still draws rho, and only what
/// follows from them is looked up. The memo holds master secrets and private keys, so it
/// should live no longer than the runs it serves. Thread-safe.
public final class IBEMemo: Sendable {
    private let kmsParameters = MemoTable<KMSInput, BFPublicParameters>()
    private let extractions = MemoTable<ExtractionInput, BFPrivateKey>()
    private let preparations = MemoTable<CurvePointInput, BFPrivateKey>()
    private let subgroupChecks = MemoTable<CurvePointInput, Result<CurvePoint, CurveError>>()
    private let keyChecks = MemoTable<KeyCheckInput, Bool>()
    private let recipientKeys = MemoTable<RecipientKeyInput, BFRecipientKey>()
    private let encryptions = MemoTable<EncryptionInput, BFCiphertext>()
    private let decryptions = MemoTable<DecryptionInput, Result<[UInt8], IBEError>>()

    public init() {}

    // MARK: The KMS

    /// The public parameters of the KMS of `parameterSet` whose master secret is `s`
    /// (P_pub = [s]P, prepared for pairings).
    func publicParameters(of parameterSet: ParameterSet, masterSecret s: BigInt) -> BFPublicParameters {
        let domain = DomainInput(curve: parameterSet.curve, generator: parameterSet.generator, hash: parameterSet.hash)
        return kmsParameters.value(for: KMSInput(domain: domain, masterSecret: s)) {
            KeyManagementService.publicParameters(of: parameterSet, masterSecret: s)
        }
    }

    /// BFextractPriv for `identity` under the KMS with secret `master` and `parameters`.
    func privateKey(for identity: [UInt8], master: BFMasterSecret, parameters: BFPublicParameters) -> BFPrivateKey {
        let input = ExtractionInput(parameters: PublicParametersInput(parameters), masterSecret: master.s, identity: identity)
        return extractions.value(for: input) {
            privateKey(point: master.privateKeyPoint(for: identity, parameters: parameters), curve: parameters.curve)
        }
    }

    // MARK: A user's private key

    /// S_id = `point` with its Miller lines recorded (``BFPrivateKey``): the same key
    /// whether the KMS extracted it or a user decoded it from REQUEST_KEY_RESP.
    public func privateKey(point: CurvePoint, curve: TypeOneCurve) -> BFPrivateKey {
        preparations.value(for: CurvePointInput(point, on: curve)) {
            BFPrivateKey(point: point, curve: curve)
        }
    }

    /// `point`, once `curve.validateSubgroupPoint` accepts it (on the curve, of order q).
    public func subgroupPoint(_ point: CurvePoint, on curve: TypeOneCurve) throws(CurveError) -> CurvePoint {
        try subgroupChecks.value(for: CurvePointInput(point, on: curve)) {
            Result { () throws(CurveError) in
                try curve.validateSubgroupPoint(point)
                return point
            }
        }.get()
    }

    /// Whether `key` is the private key of `identity` under `parameters`
    /// (``BFPublicParameters/isPrivateKey(_:of:)``).
    public func isPrivateKey(_ key: BFPrivateKey, of identity: [UInt8], parameters: BFPublicParameters) -> Bool {
        keyChecks.value(for: KeyCheckInput(parameters: PublicParametersInput(parameters), identity: identity, key: key.point)) {
            parameters.isPrivateKey(key, of: recipientKey(for: identity, parameters: parameters))
        }
    }

    // MARK: Encryption and decryption

    /// The recipient key of `identity` (identity-with-period octets) under `parameters`:
    /// Q_id and e'(P_pub, Q_id), public values an endpoint keeps for the key period.
    public func recipientKey(for identity: [UInt8], parameters: BFPublicParameters) -> BFRecipientKey {
        recipientKeys.value(for: RecipientKeyInput(parameters: PublicParametersInput(parameters), identity: identity)) {
            parameters.recipientKey(for: identity)
        }
    }

    /// BFencrypt of `message` to `recipient` with rho drawn from `random`, as
    /// ``BFPublicParameters/encrypt(_:to:using:)`` draws it.
    public func encrypt(_ message: [UInt8], to recipient: BFRecipientKey, parameters: BFPublicParameters,
                        using random: RandomSource) -> BFCiphertext {
        let rho = parameters.freshRho(using: random)
        let input = EncryptionInput(parameters: PublicParametersInput(parameters), identity: recipient.identity,
                                    message: message, rho: rho)
        return encryptions.value(for: input) { parameters.encrypt(message, to: recipient, rho: rho) }
    }

    /// BFdecrypt of `ciphertext` with `key` (``BFPublicParameters/decrypt(_:with:)``): the
    /// plaintext, or the same error.
    public func decrypt(_ ciphertext: BFCiphertext, with key: BFPrivateKey,
                        parameters: BFPublicParameters) throws(IBEError) -> [UInt8] {
        let input = DecryptionInput(parameters: PublicParametersInput(parameters), key: key.point,
                                    u: ciphertext.u, v: ciphertext.v, w: ciphertext.w)
        return try decryptions.value(for: input) {
            Result { () throws(IBEError) in try parameters.decrypt(ciphertext, with: key) }
        }.get()
    }

    // MARK: Use

    /// How much the memo holds and how often it answered, for tests and `bench`.
    public struct Statistics: Sendable, Equatable {
        /// Results computed and kept.
        public let computed: Int
        /// Look-ups answered with a kept result.
        public let reused: Int
    }

    public var statistics: Statistics {
        let counts = [kmsParameters.counts, extractions.counts, preparations.counts, subgroupChecks.counts,
                      keyChecks.counts, recipientKeys.counts, encryptions.counts, decryptions.counts]
        return Statistics(computed: counts.map(\.computed).reduce(0, +), reused: counts.map(\.reused).reduce(0, +))
    }
}
