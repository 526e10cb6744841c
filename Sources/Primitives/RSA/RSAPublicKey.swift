import COpenSSL

/// An RSA public key (n, e), as MIKEY-PK (RFC 3830 §4.2.9, the envelope key under the
/// responder's certificate), DH-SIGN (§4.2.7 signature verification) and RSA-R (RFC 4738)
/// use it, with OpenSSL doing the arithmetic. Two keys are equal when their DER
/// SubjectPublicKeyInfo encodings are.
public struct RSAPublicKey: Sendable, Equatable {
    let key: OwnedPKey

    /// The DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, with rsaEncryption of RFC 8017 A.1).
    public let der: [UInt8]

    /// Reads a DER SubjectPublicKeyInfo holding an RSA key (`d2i_PUBKEY`).
    public init(der: [UInt8]) throws(PrimitivesError) {
        let subject = "RSA public key"
        var cursor: UnsafePointer<UInt8>? = nil
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            cursor = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let parsed else {
            _ = OpenSSLErrors.takeReason()
            throw PrimitivesError(.invalidEncoding, subject, "not a DER SubjectPublicKeyInfo (\(der.count) octets)")
        }
        let owned = OwnedPKey(parsed)
        guard EVP_PKEY_is_a(parsed, "RSA") == 1 else {
            throw PrimitivesError(.invalidEncoding, subject, "the SubjectPublicKeyInfo holds a key of another kind, not rsaEncryption")
        }
        // `der` is the re-encoding of what was parsed, so trailing octets (which d2i ignores)
        // do not make two equal keys compare unequal.
        try self.init(owned, subject: subject)
    }

    /// Wraps an RSA `EVP_PKEY` (public key or key pair) and records its public DER.
    init(_ key: OwnedPKey, subject: String) throws(PrimitivesError) {
        self.der = try DEREncoding.encoded(subject: subject, function: "i2d_PUBKEY") { i2d_PUBKEY(key.pointer, &$0) }
        self.key = key
    }

    public static func == (lhs: RSAPublicKey, rhs: RSAPublicKey) -> Bool { lhs.der == rhs.der }

    /// Bits in the modulus n, for example 2048.
    public var modulusBits: Int { Int(EVP_PKEY_get_bits(key.pointer)) }

    /// Octets in the modulus n (k in RFC 8017): the length of every ciphertext and signature.
    public var modulusOctets: Int { key.modulusOctets }

    /// RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1) of at most `modulusOctets` - 11 octets.
    ///
    /// The EME-PKCS1-v1_5 padding string is drawn from `random` (nonzero octets), so a seeded
    /// ``HMACDRBG`` gives the same ciphertext every run; RSAEP is OpenSSL's raw operation.
    public func encrypt(pkcs1v15 plaintext: [UInt8], using random: RandomSource) throws(PrimitivesError) -> [UInt8] {
        // Steps 1 and 2: length check and EME-PKCS1-v1_5 encoding.
        let encoded = try EMEPKCS1v15.encode(plaintext, modulusOctets: modulusOctets, using: random)
        // Step 3: m = OS2IP(EM), c = RSAEP((n, e), m), C = I2OSP(c, k).
        return try key.raw(encoded, usingPrivateKey: false, subject: "RSAES-PKCS1-v1_5 encryption")
    }

    /// Whether `signature` is a valid RSASSA-PKCS1-v1_5 signature (RFC 8017 §8.2.2) of
    /// `message` with `hash`, under this key.
    public func verify(_ signature: [UInt8], of message: [UInt8], hash: HashFunction) -> Bool {
        defer { ERR_clear_error() }
        guard signature.count == modulusOctets, let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        // EVP_DigestVerify with an RSA key defaults to RSASSA-PKCS1-v1_5 (EMSA-PKCS1-v1_5, §9.2).
        guard EVP_DigestVerifyInit_ex(context, nil, hash.openSSLName, nil, nil, key.pointer, nil) == 1 else { return false }
        return EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }
}
