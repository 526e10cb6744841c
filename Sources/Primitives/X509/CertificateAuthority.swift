import COpenSSL

/// The lab's certificate authority: one self-signed RSA root that issues the X.509 v3
/// certificates the classic MIKEY modes carry (RFC 3830 §4.2.9 MIKEY-PK, §3.3 DH-SIGN,
/// RFC 4738 RSA-R), with SHA-256 RSASSA-PKCS1-v1_5 signatures (RFC 4055 §5).
///
/// Everything that goes into a certificate is given (names, keys, serials, times), and the
/// signature is deterministic, so the same inputs give the same DER, octet for octet.
public struct CertificateAuthority: Sendable {
    /// The CA's self-signed certificate: version 3, serial 1, subject = issuer = CN `name`,
    /// basicConstraints CA:TRUE (critical), keyUsage keyCertSign, cRLSign (critical).
    public let certificate: X509Certificate
    private let key: RSAPrivateKey

    /// A CA named `name` (its common name) with key pair `key`, whose own certificate is
    /// valid from `notBefore` (Unix seconds) for `seconds`.
    public init(name: String, key: RSAPrivateKey, notBefore: UInt64, lifetime seconds: UInt64) throws(PrimitivesError) {
        let subject = "lab CA certificate"
        let builder = try CertificateBuilder(serial: 1, commonName: name, publicKey: key.publicKey,
                                             notBefore: notBefore, lifetime: seconds, subject: subject)
        try builder.setIssuer(builder.subjectName)
        try builder.addExtension(NID_basic_constraints, "critical,CA:TRUE", issuer: nil)
        try builder.addExtension(NID_key_usage, "critical,keyCertSign,cRLSign", issuer: nil)
        try builder.addExtension(NID_subject_key_identifier, "hash", issuer: nil)
        self.certificate = try builder.sign(with: key)
        self.key = key
    }

    /// An end-entity certificate for the MIKEY identity `uri` (for example
    /// `sip:bob@lab.example`) and its RSA key: version 3, serial `serial`, issuer = this CA,
    /// subject CN = `uri`, subjectAltName URI:`uri` (RFC 5280 §4.2.1.6), basicConstraints
    /// CA:FALSE, keyUsage digitalSignature, keyEncipherment (signing for DH-SIGN and RSA-R,
    /// envelope keys for MIKEY-PK), valid from `notBefore` (Unix seconds) for `lifetime`.
    public func issue(to uri: String, publicKey: RSAPublicKey, serial: UInt64, notBefore: UInt64,
                      lifetime: UInt64) throws(PrimitivesError) -> X509Certificate {
        let subject = "certificate for \(uri)"
        guard !uri.isEmpty, !uri.contains(",") else {
            throw PrimitivesError(.invalidEncoding, subject, "the URI must be non-empty and contain no comma")
        }
        let builder = try CertificateBuilder(serial: serial, commonName: uri, publicKey: publicKey,
                                             notBefore: notBefore, lifetime: lifetime, subject: subject)
        guard let issuerName = X509_get_subject_name(certificate.certificate.pointer) else {
            throw OpenSSLErrors.failure(subject, "X509_get_subject_name")
        }
        try builder.setIssuer(issuerName)
        try builder.addExtension(NID_basic_constraints, "critical,CA:FALSE", issuer: nil)
        try builder.addExtension(NID_key_usage, "critical,digitalSignature,keyEncipherment", issuer: nil)
        try builder.addExtension(NID_subject_alt_name, "URI:\(uri)", issuer: nil)
        try builder.addExtension(NID_subject_key_identifier, "hash", issuer: nil)
        try builder.addExtension(NID_authority_key_identifier, "keyid:always", issuer: certificate.certificate)
        return try builder.sign(with: key)
    }
}
