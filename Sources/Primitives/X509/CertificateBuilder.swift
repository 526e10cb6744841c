import COpenSSL

/// One certificate under construction (RFC 5280 §4.1): the `X509` that
/// ``CertificateAuthority`` fills in field by field and then signs.
final class CertificateBuilder {
    private let certificate: OpaquePointer
    private let subject: String

    /// A version 3 certificate with `serial`, subject CN `commonName`, the subject key and
    /// the validity notBefore … notBefore + lifetime; issuer and extensions still to come.
    init(serial: UInt64, commonName: String, publicKey: RSAPublicKey, notBefore: UInt64, lifetime: UInt64,
         subject: String) throws(PrimitivesError) {
        guard let certificate = X509_new() else { throw OpenSSLErrors.failure(subject, "X509_new") }
        self.certificate = certificate
        self.subject = subject
        let (end, overflow) = notBefore.addingReportingOverflow(lifetime)
        guard !overflow else { throw PrimitivesError(.outOfRange, subject, "notBefore + lifetime overflows") }
        // RFC 5280 §4.1.2.1: version 3 is encoded as the value 2.
        guard X509_set_version(certificate, 2) == 1 else { throw OpenSSLErrors.failure(subject, "X509_set_version") }
        // §4.1.2.2: a positive serial number.
        guard serial > 0 else { throw PrimitivesError(.outOfRange, subject, "the serial number must be positive") }
        guard let number = ASN1_INTEGER_new() else { throw OpenSSLErrors.failure(subject, "ASN1_INTEGER_new") }
        defer { ASN1_INTEGER_free(number) }
        guard ASN1_INTEGER_set_uint64(number, serial) == 1, X509_set_serialNumber(certificate, number) == 1 else {
            throw OpenSSLErrors.failure(subject, "X509_set_serialNumber")
        }
        // §4.1.2.5: validity, from the given times only.
        guard let start = X509_getm_notBefore(certificate), let finish = X509_getm_notAfter(certificate) else {
            throw OpenSSLErrors.failure(subject, "X509_getm_notBefore")
        }
        try X509Time.set(start, to: notBefore, subject: subject)
        try X509Time.set(finish, to: end, subject: subject)
        // §4.1.2.6: subject CN, as a UTF8String.
        guard let name = X509_get_subject_name(certificate) else { throw OpenSSLErrors.failure(subject, "X509_get_subject_name") }
        let bytes = Array(commonName.utf8)
        guard (1...64).contains(bytes.count) else {
            throw PrimitivesError(.wrongLength, subject, "a common name holds 1 to 64 octets (RFC 5280 ub-common-name), got \(bytes.count)")
        }
        guard X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, 0) == 1 else {
            throw OpenSSLErrors.failure(subject, "X509_NAME_add_entry_by_NID (common name)")
        }
        // §4.1.2.7: the subject public key.
        guard X509_set_pubkey(certificate, publicKey.key.pointer) == 1 else { throw OpenSSLErrors.failure(subject, "X509_set_pubkey") }
    }

    deinit { X509_free(certificate) }

    /// This certificate's subject name (for a self-signed certificate's issuer).
    var subjectName: OpaquePointer {
        get throws(PrimitivesError) {
            guard let name = X509_get_subject_name(certificate) else { throw OpenSSLErrors.failure(subject, "X509_get_subject_name") }
            return name
        }
    }

    /// RFC 5280 §4.1.2.4: the issuer name, copied from `name`.
    func setIssuer(_ name: OpaquePointer) throws(PrimitivesError) {
        guard X509_set_issuer_name(certificate, name) == 1 else { throw OpenSSLErrors.failure(subject, "X509_set_issuer_name") }
    }

    /// RFC 5280 §4.2: the extension `nid` written in OpenSSL's configuration syntax
    /// (`X509V3_EXT_nconf_nid`); `issuer` is the issuing certificate for an
    /// authorityKeyIdentifier, `nil` for a self-signed one or other extensions.
    func addExtension(_ nid: Int32, _ value: String, issuer: OwnedX509?) throws(PrimitivesError) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer?.pointer ?? certificate, certificate, nil, nil, 0)
        guard let extensionValue = X509V3_EXT_nconf_nid(nil, &context, nid, value) else {
            throw OpenSSLErrors.failure(subject, "X509V3_EXT_nconf_nid (\(value))")
        }
        defer { X509_EXTENSION_free(extensionValue) }
        guard X509_add_ext(certificate, extensionValue, -1) == 1 else { throw OpenSSLErrors.failure(subject, "X509_add_ext") }
    }

    /// Signs with `key` (SHA-256 with RSASSA-PKCS1-v1_5: sha256WithRSAEncryption, RFC 4055
    /// §5) and hands the finished certificate over; this builder must not be used after.
    func sign(with key: RSAPrivateKey) throws(PrimitivesError) -> X509Certificate {
        guard X509_sign(certificate, key.key.pointer, EVP_sha256()) > 0 else { throw OpenSSLErrors.failure(subject, "X509_sign") }
        // The X509 gets a reference of its own for the X509Certificate, which outlives this builder.
        guard X509_up_ref(certificate) == 1 else { throw OpenSSLErrors.failure(subject, "X509_up_ref") }
        return try X509Certificate(OwnedX509(certificate), subject: subject)
    }
}
