import MIKEY

/// The KEMAC's plaintext below the message tree: how it was opened, then its sub-payloads
/// with offsets into the plaintext.
struct KEMACTree {
    let opening: KEMACOpening

    init(_ opening: KEMACOpening) {
        self.opening = opening
    }

    var lines: [String] {
        let tree = MessageTree(octets: opening.plaintext)
        var lines = ["", "KEMAC plaintext, \(opening.plaintext.count) octets: \(Self.how(opening)); \(Self.integrity(opening))"]
        lines += tree.payloadLines(opening.trace.descriptions)
        if let failure = opening.trace.failure {
            lines += ["", "error at plaintext offset \(failure.fieldOffset): \(failure.description)"]
        }
        return lines
    }

    static func how(_ opening: KEMACOpening) -> String {
        opening.encryption == .null ? "NULL encryption, the key data travels in the clear"
            : "\(opening.encryption.name), decrypted under encr_key from the pre-shared key"
    }

    static func integrity(_ opening: KEMACOpening) -> String {
        switch opening.integrity {
        case .noMAC: "MAC NULL, nothing protects it"
        case .verified: "\(opening.macAlgorithm.name) MAC verified under auth_key from the pre-shared key"
        case .unchecked: "\(opening.macAlgorithm.name) MAC not checked (give --psk to check it)"
        }
    }
}
