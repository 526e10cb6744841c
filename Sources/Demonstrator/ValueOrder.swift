import Scenarios

/// The order in which panes list values, and which ones a cramped pane may drop.
///
/// The order follows the protocol: long-term keys, then the ephemeral secret, the
/// Diffie-Hellman values, the session keys derived from abP, content, and last the
/// public or clear values anyone on the path sees.
enum ValueOrder {
    static let sequence: [ValueName] = [
        .masterSecret, .initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey, .preSharedKey,
        .a, .b, .aP, .bP, .abP,
        .sessionKey, .mpk, .tgk, .authKey, .srtpMasterKey, .srtpMasterSalt,
        .secretKey, .content, .plainIBEKey, .groupKey,
        .kmsPublicKey, .rand, .csbID, .initiatorIdentity, .responderIdentity,
    ]

    private static let rank: [ValueName: Int] = Dictionary(
        uniqueKeysWithValues: sequence.enumerated().map { ($1, $0) }
    )

    /// Position in `sequence`; names missing from it go last, in declaration order.
    static func position(_ name: ValueName) -> Int {
        rank[name] ?? sequence.count + (ValueName.vocabulary.firstIndex(of: name) ?? 0)
    }

    /// `names` in display order, each once.
    static func sorted(_ names: some Sequence<ValueName>) -> [ValueName] {
        Array(Set(names)).sorted { position($0) < position($1) }
    }

    /// Values a small pane hides first: public parameters, clear header values and the
    /// keys that only follow from others already shown (auth_key, the SRTP salt).
    static func isMinor(_ name: ValueName) -> Bool {
        switch name {
        case .kmsPublicKey, .rand, .csbID, .initiatorIdentity, .responderIdentity, .authKey, .srtpMasterSalt, .preSharedKey:
            true
        default:
            false
        }
    }

    /// Values whose octets are text (shown quoted rather than as hex).
    static func isText(_ name: ValueName) -> Bool {
        [.content, .initiatorIdentity, .responderIdentity].contains(name)
    }
}
