import COpenSSL

/// An X.509 v3 certificate (RFC 5280) with an RSA subject key: the CERT payload of
/// MIKEY-PK, DH-SIGN (RFC 3830 §6.7) and RSA-R (RFC 4738), parsed and checked by OpenSSL.
///
/// The lab's certificates name their subject by a MIKEY identity URI (for example
/// `sip:alice@lab.example`), in the common name and in a subjectAltName URI.
public struct X509Certificate: Sendable, Equatable {
    let certificate: OwnedX509

    /// The DER encoding, as it travels in a CERT payload.
    public let der: [UInt8]
    /// The subject's key; only RSA keys are accepted.
    public let publicKey: RSAPublicKey

    /// Reads a DER certificate (`d2i_X509`); the whole input must be one certificate.
    public init(der: [UInt8]) throws(PrimitivesError) {
        let subject = "X.509 certificate"
        var consumed = 0
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            let certificate = d2i_X509(nil, &cursor, buffer.count)
            if let cursor, let base = buffer.baseAddress { consumed = cursor - base }
            return certificate
        }
        guard let parsed else {
            _ = OpenSSLErrors.takeReason()
            throw PrimitivesError(.invalidEncoding, subject, "not a DER X.509 certificate (\(der.count) octets)")
        }
        let owned = OwnedX509(parsed)
        guard consumed == der.count else {
            throw PrimitivesError(.invalidEncoding, subject, "\(der.count - consumed) octets after the certificate")
        }
        try self.init(owned, subject: subject)
    }

    /// Wraps a complete `X509` and reads out its DER and RSA public key.
    init(_ certificate: OwnedX509, subject: String) throws(PrimitivesError) {
        let der = try DEREncoding.encoded(subject: subject, function: "i2d_X509") { i2d_X509(certificate.pointer, &$0) }
        // X509_get_pubkey hands out a new reference, which OwnedPKey releases.
        guard let key = X509_get_pubkey(certificate.pointer) else {
            _ = OpenSSLErrors.takeReason()
            throw PrimitivesError(.invalidEncoding, subject, "the subject public key cannot be read")
        }
        let owned = OwnedPKey(key)
        guard EVP_PKEY_is_a(key, "RSA") == 1 else {
            throw PrimitivesError(.invalidEncoding, subject, "the subject key is not an RSA key")
        }
        self.certificate = certificate
        self.der = der
        self.publicKey = try RSAPublicKey(owned, subject: subject)
    }

    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool { lhs.der == rhs.der }

    /// The subject's common name (RFC 5280 §4.1.2.6), or `""` if it has none.
    public var subjectName: String { Self.commonName(X509_get_subject_name(certificate.pointer)) }

    /// The issuer's common name (RFC 5280 §4.1.2.4), or `""` if it has none.
    public var issuerName: String { Self.commonName(X509_get_issuer_name(certificate.pointer)) }

    /// The first uniformResourceIdentifier of the subjectAltName extension (RFC 5280
    /// §4.2.1.6), or `nil` if there is none.
    public var subjectURI: String? {
        let decoded = X509_get_ext_d2i(certificate.pointer, NID_subject_alt_name, nil, nil)
        guard let decoded else {
            ERR_clear_error()
            return nil
        }
        let names = OpaquePointer(decoded)
        defer { GENERAL_NAMES_free(names) }
        for index in 0..<OPENSSL_sk_num(names) {
            guard let raw = OPENSSL_sk_value(names, index) else { continue }
            let name = raw.assumingMemoryBound(to: GENERAL_NAME.self)
            guard name.pointee.type == GEN_URI, let uri = name.pointee.d.uniformResourceIdentifier else { continue }
            return Self.text(uri)
        }
        return nil
    }

    /// The serial number (RFC 5280 §4.1.2.2), or `nil` if it does not fit 64 bits unsigned.
    public var serial: UInt64? {
        var value: UInt64 = 0
        guard let number = X509_get0_serialNumber(certificate.pointer),
              ASN1_INTEGER_get_uint64(&value, number) == 1 else {
            ERR_clear_error()
            return nil
        }
        return value
    }

    /// The start of the validity period as Unix seconds (RFC 5280 §4.1.2.5); 0 if the
    /// field cannot be read (``verify(issuedBy:at:)`` then refuses the certificate).
    public var notBefore: UInt64 { X509_get0_notBefore(certificate.pointer).flatMap(X509Time.seconds) ?? 0 }

    /// The end of the validity period as Unix seconds (RFC 5280 §4.1.2.5); 0 if the field
    /// cannot be read.
    public var notAfter: UInt64 { X509_get0_notAfter(certificate.pointer).flatMap(X509Time.seconds) ?? 0 }

    /// Whether `issuer` issued this certificate and it is valid at `time` (Unix seconds):
    /// this certificate's issuer name equals the issuer's subject name (RFC 5280 §6.1.3
    /// (a)(4)), its signature verifies under the issuer's key ((a)(1)), and
    /// notBefore ≤ time ≤ notAfter ((a)(2)). Path building, extensions and revocation are
    /// the caller's business: a one-level lab CA needs none of them.
    public func verify(issuedBy issuer: X509Certificate, at time: UInt64) -> Bool {
        defer { ERR_clear_error() }
        guard X509_NAME_cmp(X509_get_issuer_name(certificate.pointer), X509_get_subject_name(issuer.certificate.pointer)) == 0,
              X509_verify(certificate.pointer, issuer.publicKey.key.pointer) == 1
        else { return false }
        guard let start = X509_get0_notBefore(certificate.pointer).flatMap(X509Time.seconds),
              let end = X509_get0_notAfter(certificate.pointer).flatMap(X509Time.seconds)
        else { return false }
        return start <= time && time <= end
    }

    private static func commonName(_ name: OpaquePointer?) -> String {
        guard let name else { return "" }
        let index = X509_NAME_get_index_by_NID(name, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(name, index),
              let data = X509_NAME_ENTRY_get_data(entry) else { return "" }
        return text(data)
    }

    /// The content octets of an ASN.1 string as UTF-8 (invalid sequences replaced).
    private static func text(_ string: UnsafePointer<ASN1_STRING>) -> String {
        let length = Int(ASN1_STRING_length(string))
        guard length > 0, let data = ASN1_STRING_get0_data(string) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: data, count: length), as: UTF8.self)
    }
}
