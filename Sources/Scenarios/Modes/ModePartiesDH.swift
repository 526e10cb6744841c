/// The parties the DH-SIGN scenario adds (issue 13).
extension Party {
    /// The lab CA (RFC 3830 §5.3 leaves the PKI open; PROFILE D22): it certifies I's and R's
    /// RSA keys and takes no part in the exchange.
    static let certificateAuthority = Party(id: PartyID(rawValue: "ca"), name: "CA", identity: nil, kind: .server, tag: "CA")
}
