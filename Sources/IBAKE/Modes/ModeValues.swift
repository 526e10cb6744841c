/// The values of MIKEY's other key-management modes (PROFILE D22), named as their RFCs
/// name them where they do.
extension ValueName {
    /// The envelope key a PKE payload carries (RFC 3830 §3.2, RFC 4738).
    public static let envelopeKey = ValueName(rawValue: "env_key")
    /// The initiator's and responder's RSA private keys (MIKEY-PK, DH-SIGN, RSA-R).
    public static let initiatorRSAKey = ValueName(rawValue: "I_RSA")
    public static let responderRSAKey = ValueName(rawValue: "R_RSA")
    /// The lab CA's signing key, and the certificates it issued (public).
    public static let caKey = ValueName(rawValue: "CA_key")
    public static let initiatorCertificate = ValueName(rawValue: "CERTi")
    public static let responderCertificate = ValueName(rawValue: "CERTr")
    /// The Diffie-Hellman secrets and values of DH-SIGN and DHHMAC (RFC 3830 §3.3).
    public static let xi = ValueName(rawValue: "xi")
    public static let xr = ValueName(rawValue: "xr")
    public static let gxi = ValueName(rawValue: "g^xi")
    public static let gxr = ValueName(rawValue: "g^xr")
    /// MIKEY-SAKKE's KMS secrets: the SAKKE master secret z_S and the ECCSI KSAK
    /// (RFC 6508 §2.2, RFC 6507 §4.2), and their public keys Z_S and KPAK.
    public static let sakkeMasterSecret = ValueName(rawValue: "z_S")
    public static let ksak = ValueName(rawValue: "KSAK")
    public static let sakkePublicKey = ValueName(rawValue: "Z_S")
    public static let kpak = ValueName(rawValue: "KPAK")
    /// The responder's SAKKE receiver secret key, and the initiator's ECCSI signing key.
    public static let receiverSecretKey = ValueName(rawValue: "RSK")
    public static let signingKey = ValueName(rawValue: "SSK")

    /// The modes' values anyone may read.
    static let modePublicValues: Set<ValueName> = [.initiatorCertificate, .responderCertificate, .gxi, .gxr, .sakkePublicKey, .kpak]

    /// The modes' values, in the order screens list them.
    public static let modeVocabulary: [ValueName] = [
        .caKey, .initiatorRSAKey, .responderRSAKey, .initiatorCertificate, .responderCertificate, .envelopeKey,
        .xi, .gxi, .xr, .gxr, .sakkeMasterSecret, .sakkePublicKey, .ksak, .kpak, .receiverSecretKey, .signingKey,
    ]
}
