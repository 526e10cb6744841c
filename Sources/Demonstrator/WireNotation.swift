/// A message's notation made to fit a wire line without losing the values it carries:
/// identities give way before values do (`IBE_I(IDRi, aP, IDRr, bP)`, then
/// `IBE_I(…, aP, …, bP)`, then `IBE_I(aP, bP)`), since on the wire the point of
/// R_MESSAGE_1 is the bP it reveals, not the identities every message repeats; then
/// layers to one recipient are said once, and last the MACs go.
enum WireNotation {
    /// Items that name a party rather than carry a value.
    static let identities: Set<String> = ["IDRi", "IDRr", "IDRkms", "ID"]

    /// The notation, then shorter forms of it, longest first (each different).
    static func forms(_ notation: String) -> [String] {
        var forms = [notation]
        let bare = rewrite(notation, elided: false)
        let short = merged(bare)
        for form in [rewrite(notation, elided: true), bare, short, withoutMACs(short)] where form != forms.last && !form.isEmpty {
            forms.append(form)
        }
        return forms
    }

    /// Consecutive layers said once: to one recipient, a group frame's
    /// `IBE_M1(z2), IBE_M1(z4)` as `IBE_M1 ×2: z2, z4`; of one value to several,
    /// `IBE_M3(X1), IBE_M4(X1)` as `IBE_M3/M4(X1)`.
    static func merged(_ notation: String) -> String {
        var items = [(prefix: String, content: String?)]()
        for item in topLevelItems(notation) {
            items.append(layer(item).map { ($0.prefix, $0.content) } ?? (item, nil))
        }
        var out = [String]()
        var index = 0
        while index < items.count {
            let (prefix, content) = items[index]
            guard let content else {
                out.append(prefix)
                index += 1
                continue
            }
            let sameRecipient = items[index...].prefix { $0.prefix == prefix && $0.content != nil }
            let sameValue = items[index...].prefix { $0.content == content && base($0.prefix) == base(prefix) }
            if sameRecipient.count > 1 {
                out.append("\(prefix) ×\(sameRecipient.count): \(sameRecipient.compactMap(\.content).joined(separator: ", "))")
                index += sameRecipient.count
            } else if sameValue.count > 1, let kind = base(prefix) {
                let recipients = sameValue.map { String($0.prefix.dropFirst(kind.count + 1)) }
                out.append("\(kind)_\(recipients.joined(separator: "/"))(\(content))")
                index += sameValue.count
            } else {
                out.append("\(prefix)(\(content))")
                index += 1
            }
        }
        return out.joined(separator: ", ")
    }

    /// `IBE` of `IBE_M3`: the layer's kind, before the recipient.
    static func base(_ prefix: String) -> String? {
        prefix.firstIndex(of: "_").map { String(prefix[..<$0]) }
    }

    /// Without the verification MACs (`V_PSK`, `V = MAC(auth_key)`), which carry no
    /// value: the last thing a narrow line gives up before the values themselves.
    static func withoutMACs(_ notation: String) -> String {
        topLevelItems(notation).filter { !isMAC($0) }.joined(separator: ", ")
    }

    static func isMAC(_ item: String) -> Bool { item.hasPrefix("V_") || item.hasPrefix("V = ") }

    /// The items separated by commas outside any parentheses.
    static func topLevelItems(_ notation: String) -> [String] {
        var items = [String](), item = "", depth = 0
        for character in notation {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                items.append(item.trimmingCharacters(in: .whitespaces))
                item = ""
            } else {
                item.append(character)
            }
        }
        return items + [item.trimmingCharacters(in: .whitespaces)]
    }

    /// The notation with each identity item inside a layer's parentheses replaced by
    /// `…` (runs of them by one), or left out.
    static func rewrite(_ notation: String, elided: Bool) -> String {
        topLevelItems(notation).map { item in
            guard let (prefix, content) = layer(item) else { return item }
            var kept = [String]()
            for part in content.components(separatedBy: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if !identities.contains(part) {
                    kept.append(part)
                } else if elided, kept.last != "…" {
                    kept.append("…")
                }
            }
            return "\(prefix)(\(kept.joined(separator: ", ")))"
        }.joined(separator: ", ")
    }

    /// `IBE_R(IDRi, aP)` as its prefix and what is inside; nil for an item without parentheses.
    static func layer(_ item: String) -> (prefix: String, content: String)? {
        guard let open = item.firstIndex(of: "("), item.hasSuffix(")") else { return nil }
        return (String(item[..<open]), String(item[item.index(after: open)..<item.index(before: item.endIndex)]))
    }
}
