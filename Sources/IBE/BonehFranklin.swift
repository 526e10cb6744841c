import Pairing
import Primitives

/// Boneh-Franklin public parameters (RFC 5091 §5.1): the curve and subgroup, the
/// generator P, the KMS public key P_pub = [s]P and the hash function.
///
/// Encryption and decryption are methods here because both need every parameter.
/// The scheme is BF "FullIdent" with the Fujisaki-Okamoto check (PROFILE D1).
public struct BFPublicParameters: Sendable, Equatable {
    public let curve: TypeOneCurve
    public let generator: CurvePoint
    public let publicKey: CurvePoint
    public let hash: HashFunction
    /// [h]P_pub (h the cofactor) with its Miller lines computed once: every new
    /// recipient needs e'(P_pub, Q_id), which equals e'([h]P_pub, Q') (see `recipientKey`).
    private let preparedPublicKey: PreparedPairingArgument
    /// [l]P, from a table once P is multiplied more than once: U in encryption, and again
    /// in decryption's FO check.
    private let generatorMultiples: FixedBaseMultiplier?

    public init(curve: TypeOneCurve, generator: CurvePoint, publicKey: CurvePoint, hash: HashFunction) {
        self.curve = curve
        self.generator = generator
        self.publicKey = publicKey
        self.hash = hash
        preparedPublicKey = PreparedPairingArgument(curve: curve, point: curve.multiply(publicKey, by: curve.cofactor.modulo(curve.q)))
        generatorMultiples = curve.q > BigInt(15) ? FixedBaseMultiplier(curve: curve, point: generator) : nil
    }

    /// Builds the table of P's multiples now instead of at the second encryption or
    /// decryption: for a party that will serve many (a phone, before its first call).
    public func prepareGeneratorMultiples() {
        generatorMultiples?.prepare()
    }

    /// [k]P.
    private func multiplyGenerator(_ k: BigInt) -> CurvePoint {
        generatorMultiples?.multiply(by: k) ?? curve.multiply(generator, by: k)
    }

    public static func == (lhs: BFPublicParameters, rhs: BFPublicParameters) -> Bool {
        lhs.curve == rhs.curve && lhs.generator == rhs.generator && lhs.publicKey == rhs.publicKey && lhs.hash == rhs.hash
    }

    /// BFderivePubl (RFC 5091 Algorithm 5.2.1): Q_id = HashToPoint(id).
    public func publicKey(for identity: [UInt8]) -> CurvePoint {
        RFC5091.hashToPoint(identity, curve: curve, hash: hash)
    }

    /// The recipient's key theta = e'(P_pub, Q_id), computed once: steps 1 and 6 of
    /// BFencrypt depend only on the identity, so an endpoint that encrypts to the same
    /// peer more than once (I_MESSAGE_1 and I_MESSAGE_2 both go to R) prepares it once.
    ///
    /// Q_id = [h]Q' with h = (p+1)/q (HashToPoint's last step), and the reduced pairing is
    /// bilinear on all of E(F_p), so theta = e'(P_pub, Q')^h = e'([h]P_pub, Q'): one
    /// pairing with a point prepared once per KMS, instead of the 1280-bit scalar
    /// multiplication of HashToPoint at ibe-128.
    public func recipientKey(for identity: [UInt8]) -> BFRecipientKey {
        let unhashed = curve.point(withY: RFC5091.hashToRange(identity, curve.p, hash))
        return BFRecipientKey(identity: identity, theta: curve.pairing(preparedPublicKey, unhashed))
    }

    /// BFencrypt (RFC 5091 Algorithm 5.4.1) with a fresh random rho.
    public func encrypt(_ message: [UInt8], for identity: [UInt8], using random: RandomSource) -> BFCiphertext {
        encrypt(message, to: recipientKey(for: identity), using: random)
    }

    /// BFencrypt to a prepared recipient key with a fresh random rho.
    public func encrypt(_ message: [UInt8], to recipient: BFRecipientKey, using random: RandomSource) -> BFCiphertext {
        encrypt(message, to: recipient, rho: freshRho(using: random))
    }

    /// rho for one encryption (RFC 5091 Algorithm 5.4.1 step 2): hashlen random octets.
    func freshRho(using random: RandomSource) -> [UInt8] {
        random.bytes(hash.digestLength)
    }

    /// BFencrypt with a caller-chosen rho of hashlen octets (docs/IBE-NOTES.md N11).
    /// Exposed for known-answer tests; rho must never repeat in real use.
    public func encrypt(_ message: [UInt8], for identity: [UInt8], rho: [UInt8]) -> BFCiphertext {
        encrypt(message, to: recipientKey(for: identity), rho: rho)
    }

    /// BFencrypt to a prepared recipient key with a caller-chosen rho.
    public func encrypt(_ message: [UInt8], to recipient: BFRecipientKey, rho: [UInt8]) -> BFCiphertext {
        precondition(rho.count == hash.digestLength, "rho must be hashlen octets")
        let l = RFC5091.hashToRange(rho + hash.digest(message), curve.q, hash)  // steps 3-4
        let u = multiplyGenerator(l)                                      // step 5
        let w = mask(curve.field.power(recipient.theta, l))               // steps 6-9 (theta prepared)
        return BFCiphertext(
            u: u,
            v: xor(w, rho),                                               // step 10
            w: xor(RFC5091.hashBytes(message.count, rho, hash), message)) // step 11
    }

    /// BFdecrypt (RFC 5091 Algorithm 5.5.1). U is checked to be a point of order q
    /// before any pairing (PROFILE D2), and the plaintext is released only if U
    /// re-derives from it (the Fujisaki-Okamoto check), so a modified ciphertext
    /// fails with an error instead of yielding a wrong plaintext.
    public func decrypt(_ ciphertext: BFCiphertext, with privateKey: BFPrivateKey) throws(IBEError) -> [UInt8] {
        do {
            try curve.validateSubgroupPoint(ciphertext.u)
        } catch {
            throw .decryptionFailed("U is not a point of order q: \(error)")
        }
        guard ciphertext.v.count == hash.digestLength else {
            throw .decryptionFailed("V must be \(hash.digestLength) octets, got \(ciphertext.v.count)")
        }
        // Step 1: theta = e'(U, S_id) = e'(S_id, U) (symmetric), with S_id's lines prepared.
        let theta = curve.pairing(privateKey.prepared, ciphertext.u)
        let rho = xor(mask(theta), ciphertext.v)                                 // steps 2-3
        let message = xor(RFC5091.hashBytes(ciphertext.w.count, rho, hash), ciphertext.w) // step 4
        let l = RFC5091.hashToRange(rho + hash.digest(message), curve.q, hash)   // step 5
        guard multiplyGenerator(l) == ciphertext.u else {                        // step 6
            throw .decryptionFailed("integrity check failed (U != [l]P): the ciphertext was modified or is for another key")
        }
        return message
    }

    /// Whether `key` is the private key of `recipient`'s identity under these parameters:
    /// e'(S_id, P) = e'(P_pub, Q_id), since both are e'(Q_id, P)^s. What a user checks of
    /// the key its KMS sends (RFC 6267 §4.2.1; PROFILE D11).
    public func isPrivateKey(_ key: BFPrivateKey, of recipient: BFRecipientKey) -> Bool {
        curve.pairing(key.prepared, generator) == recipient.theta
    }

    /// w = H(Canonical(p, k, 0, theta)): BF orders the real part first.
    private func mask(_ theta: Fp2Element) -> [UInt8] {
        hash.digest(RFC5091.canonical(theta, p: curve.p, order: .realFirst))
    }
}

/// What encrypting to an identity needs of its public key Q_id = HashToPoint(id)
/// (RFC 5091 Algorithm 5.2.1): theta = e'(P_pub, Q_id).
public struct BFRecipientKey: Sendable, Equatable {
    public let identity: [UInt8]
    public let theta: Fp2Element
}

/// A user's BF private key S_id = [s]Q_id (RFC 5091 §5.3; 7.5 mislabels it Q_id, P6),
/// with its Miller lines prepared: the key is used in every decryption.
public struct BFPrivateKey: Sendable, Equatable {
    public let point: CurvePoint
    /// S_id with its Miller lines recorded: e'(S_id, X) for any X at the prepared cost.
    public let prepared: PreparedPairingArgument

    public init(point: CurvePoint, curve: TypeOneCurve) {
        self.point = point
        prepared = PreparedPairingArgument(curve: curve, point: point)
    }

    public static func == (lhs: BFPrivateKey, rhs: BFPrivateKey) -> Bool { lhs.point == rhs.point }
}

/// The KMS master secret s, in [2, q-1] (RFC 5091 §5.1.2).
public struct BFMasterSecret: Sendable {
    public let s: BigInt
    public init(s: BigInt) { self.s = s }

    /// BFextractPriv (RFC 5091 Algorithm 5.3.1): S_id = [s]·HashToPoint(id).
    public func extractPrivateKey(for identity: [UInt8], parameters: BFPublicParameters) -> BFPrivateKey {
        BFPrivateKey(point: privateKeyPoint(for: identity, parameters: parameters), curve: parameters.curve)
    }

    /// S_id without its pairing preparation, which an ``IBEMemo`` shares with the user's copy.
    func privateKeyPoint(for identity: [UInt8], parameters: BFPublicParameters) -> CurvePoint {
        parameters.curve.multiply(parameters.publicKey(for: identity), by: s)
    }
}
