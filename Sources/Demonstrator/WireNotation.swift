/// A message's notation made to fit a wire line without losing the values it carries:
/// identities give way before values do (`IBE_I(IDRi, aP, IDRr, bP)`, then
/// `IBE_I(…, aP, …, bP)`, then `IBE_I(aP, bP)`), since on the wire the point of
/// R_MESSAGE_1 is the bP it reveals, not the identities every message repeats.
enum WireNotation {
    /// Items that name a party rather than carry a value.
    static let identities: Set<String> = ["IDRi", "IDRr", "IDRkms", "ID"]

    /// The notation, then shorter forms of it, longest first (each different).
    static func forms(_ notation: String) -> [String] {
        var forms = [notation]
        for form in [rewrite(notation, elided: true), rewrite(notation, elided: false)] where form != forms.last {
            forms.append(form)
        }
        return forms
    }

    /// The notation with each identity item inside parentheses replaced by `…` (runs
    /// of them by one), or left out.
    static func rewrite(_ notation: String, elided: Bool) -> String {
        var result = "", item = "", depth = 0
        var items = [String]()
        func flushItems() {
            var kept = [String]()
            for item in items {
                let trimmed = item.trimmingCharacters(in: .whitespaces)
                if identities.contains(trimmed) {
                    if elided && kept.last != "…" { kept.append("…") }
                } else {
                    kept.append(trimmed)
                }
            }
            result += kept.joined(separator: ", ")
            items = []
        }
        for character in notation {
            switch character {
            case "(":
                if depth == 0 { result += item + "(" } else { item.append(character) }
                if depth == 0 { item = "" }
                depth += 1
            case ")":
                depth -= 1
                if depth == 0 {
                    items.append(item)
                    item = ""
                    flushItems()
                    result += ")"
                } else {
                    item.append(character)
                }
            case "," where depth == 1:
                items.append(item)
                item = ""
            default:
                if depth == 0 { result.append(character) } else { item.append(character) }
            }
        }
        return result + item
    }
}
