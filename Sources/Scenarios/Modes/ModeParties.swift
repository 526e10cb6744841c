/// The parties the classic modes add to the cast (PROFILE D22).
extension Party {
    /// The lab certificate authority of MIKEY-PK, DH-SIGN and RSA-R: it certifies I's
    /// and R's public keys and holds no key of theirs. An authority that is not a KMS,
    /// cast as a server (it takes no part in the exchange).
    public static let ca = Party(id: .ca, name: "CA", identity: nil, kind: .server, tag: "CA")
}

extension PartyID {
    /// The lab certificate authority.
    public static let ca = PartyID(rawValue: "ca")
}
