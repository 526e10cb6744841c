import MIKEY

/// The messages of MIKEY's other key-management modes, named by their data type
/// (RFC 3830 §6.1, RFC 4650, RFC 4738, RFC 6509).
extension MessageKind {
    public static let preShared = MessageKind(.preShared)
    public static let preSharedVerification = MessageKind(.preSharedVerification)
    public static let publicKey = MessageKind(.publicKey)
    public static let publicKeyVerification = MessageKind(.publicKeyVerification)
    public static let diffieHellmanInit = MessageKind(.diffieHellmanInit)
    public static let diffieHellmanResponse = MessageKind(.diffieHellmanResponse)
    public static let dhhmacInit = MessageKind(.dhhmacInit)
    public static let dhhmacResponse = MessageKind(.dhhmacResponse)
    public static let rsaRInit = MessageKind(.rsaRInit)
    public static let rsaRResponse = MessageKind(.rsaRResponse)
    public static let sakke = MessageKind(.sakke)
}
