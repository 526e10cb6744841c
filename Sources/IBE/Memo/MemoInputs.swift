import Pairing
import Primitives

// What an IBEMemo entry was computed from, in full: every number its value depends on, so
// that two parameter sets (or two KMSs of one set) never share an entry, whatever they
// are called.

/// A curve, its generator P and hash: the public part of a parameter set.
struct DomainInput: Hashable, Sendable {
    let p: BigInt
    let q: BigInt
    let generator: CurvePoint
    let hash: HashFunction

    init(curve: TypeOneCurve, generator: CurvePoint, hash: HashFunction) {
        p = curve.p
        q = curve.q
        self.generator = generator
        self.hash = hash
    }
}

/// One KMS's public parameters: the domain and P_pub.
struct PublicParametersInput: Hashable, Sendable {
    let domain: DomainInput
    let publicKey: CurvePoint

    init(_ parameters: BFPublicParameters) {
        domain = DomainInput(curve: parameters.curve, generator: parameters.generator, hash: parameters.hash)
        publicKey = parameters.publicKey
    }
}

/// A KMS's set-up: the domain and the master secret s it drew.
struct KMSInput: Hashable, Sendable {
    let domain: DomainInput
    let masterSecret: BigInt
}

/// A recipient key: the KMS's public parameters and the identity-with-period octets.
struct RecipientKeyInput: Hashable, Sendable {
    let parameters: PublicParametersInput
    let identity: [UInt8]
}

/// A private key extraction: the KMS (its public parameters and s) and the identity.
struct ExtractionInput: Hashable, Sendable {
    let parameters: PublicParametersInput
    let masterSecret: BigInt
    let identity: [UInt8]
}

/// A point on a curve: a private key's pairing preparation, a check that it has order q.
struct CurvePointInput: Hashable, Sendable {
    let p: BigInt
    let q: BigInt
    let point: CurvePoint

    init(_ point: CurvePoint, on curve: TypeOneCurve) {
        p = curve.p
        q = curve.q
        self.point = point
    }
}

/// A check that a private key belongs to an identity: the KMS's public parameters, the
/// identity and the key S_id.
struct KeyCheckInput: Hashable, Sendable {
    let parameters: PublicParametersInput
    let identity: [UInt8]
    let key: CurvePoint
}

/// An encryption: the KMS's public parameters, the recipient, the message and rho (the
/// random octets drawn for it, so a run that draws other octets finds no entry).
struct EncryptionInput: Hashable, Sendable {
    let parameters: PublicParametersInput
    let identity: [UInt8]
    let message: [UInt8]
    let rho: [UInt8]
}

/// A decryption: the KMS's public parameters, the private key S_id and the ciphertext.
struct DecryptionInput: Hashable, Sendable {
    let parameters: PublicParametersInput
    let key: CurvePoint
    let u: CurvePoint
    let v: [UInt8]
    let w: [UInt8]
}
