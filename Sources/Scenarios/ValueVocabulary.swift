import IBAKE

/// The scenarios' own values beside the protocol's, and the whole vocabulary a
/// timeline, a screen or a tutorial may name.
extension ValueName {
    /// The key of a user's common identity every device holds (forking, PROFILE D13).
    public static let commonPrivateKey = ValueName(rawValue: "common_PrK")
    /// An eavesdropper's own private key, for her own identity.
    public static let eavesdropperPrivateKey = ValueName(rawValue: "Eve_PrK")
    /// What a party wrote: a media sample, a voicemail.
    public static let content = ValueName(rawValue: "content")
    /// A conference key (the group scenario, PROFILE D14).
    public static let groupKey = ValueName(rawValue: "group_key")
    /// A session key sent by plain IBE key transport (no Diffie-Hellman): the contrast to IBAKE.
    public static let plainIBEKey = ValueName(rawValue: "K_plainIBE")

    /// Every name a timeline can hold, in the order screens fall back to.
    public static let vocabulary: [ValueName] = [
        .masterSecret, .kmsPublicKey, .initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey, .eavesdropperPrivateKey,
        .preSharedKey, .a, .aP, .b, .bP, .abP, .rand, .csbID, .sessionKey, .mpk, .tgk, .authKey, .srtpMasterKey,
        .srtpMasterSalt, .secretKey, .content, .initiatorIdentity, .responderIdentity, .groupKey, .plainIBEKey,
    ] + modeVocabulary

    /// The value called `name` (`aP`, `group_key`), if the vocabulary has it.
    public init?(named name: String) {
        guard let value = Self.vocabulary.first(where: { $0.rawValue == name }) else { return nil }
        self = value
    }
}
