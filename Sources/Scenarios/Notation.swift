import IBAKE
import MIKEY

/// A message in the seed slides' notation: what it carries, and to whom each IBE
/// layer is encrypted, e.g. `IBE_R(IDRi, aP, IDRr)`, read from the real plaintext.
enum Notation {
    /// `tag(uri)` gives the letter of the party an identity belongs to.
    static func describe(_ kind: MessageKind, layers: [IBELayerRecord], tag: (String) -> String) -> String {
        let sealed = layers.filter { $0.payload == "IBAKE" || $0.payload == "ESK" }.map { layer(for: $0, tag: tag) }
        switch kind {
        case .requestKeyPSK: return "IDRi, IDRkms, V_PSK"
        case .requestKeyResp: return "KEMAC_PSK(ID, K_PR), V_PSK"
        case .rMessage2: return (sealed + ["V = MAC(auth_key)"]).joined(separator: ", ")
        default: return sealed.isEmpty ? kind.name : sealed.joined(separator: ", ")
        }
    }

    private static func layer(for record: IBELayerRecord, tag: (String) -> String) -> String {
        let first: PayloadType = record.payload == "ESK" ? .id : .idr
        guard let chain = try? SubPayloadChain.decode(record.plaintext, first: first) else { return "IBE(…)" }
        var owner: IDRole?
        let items = chain.map { item -> String in
            switch item {
            case .idr(let identity):
                owner = identity.role
                return identity.role == .initiator ? "IDRi" : "IDRr"
            case .eccpt: return owner == .initiator ? "aP" : "bP"
            case .id: return "ID"
            case .sk: return "SK"
            case .keyData: return "K_PR"
            }
        }
        let recipient = record.recipient.split(separator: "\\0").dropFirst().first.map(String.init) ?? record.recipient
        let prefix = record.payload == "ESK" ? "ESK" : "IBE"
        return "\(prefix)_\(tag(recipient))(\(items.joined(separator: ", ")))"
    }
}
