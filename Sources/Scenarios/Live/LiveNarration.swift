import IBAKE
import MIKEY

/// What a live party's steps say (``LiveTimeline``): the same facts the scenarios'
/// narration states, told from the one party's side, since it sees only its own work.
enum LiveNarration {
    /// The party `tag` made a message of `kind`.
    static func making(_ kind: MessageKind, by tag: String) -> String {
        switch kind {
        case .requestKeyPSK:
            "\(tag) asks the KMS for the private key of its identity: REQUEST_KEY_PSK carries the identity, the KMS's identity and V, a MAC under a key derived from the pre-shared key (PROFILE D11)."
        case .iMessage1:
            "\(tag) picks a fresh random a and computes aP, a new CSB ID and RAND, and encrypts IDRi, aP and IDRr to the public key of the identity it calls. a never leaves \(tag)."
        case .rMessage1:
            "\(tag) picks a fresh random b and computes bP, and abP = b·aP when it could read aP. R_MESSAGE_1 is encrypted to the caller's identity and carries the aP echo (if read), the answering identity and bP."
        case .iMessage2:
            "\(tag) returns bP to the identity that answered, encrypted to it, with a fresh T (and aP again, with an ESK, when the answering side could not read it)."
        case .rMessage2:
            "\(tag) ends with V, a MAC under auth_key, derived from its MPK: only a caller whose MPK matches can verify it."
        default:
            "\(tag) makes \(kind)."
        }
    }

    /// The party `tag` opened a message of `kind`.
    static func opening(_ kind: MessageKind, by tag: String) -> String {
        switch kind {
        case .requestKeyResp:
            "\(tag) verifies V, decrypts the KEMAC and checks the key is genuine: e'(K_PR, P) = e'(H(id), sP). The key is valid for this month only."
        case .iMessage1:
            "\(tag) checks the timestamp is fresh and new to its replay cache, decrypts the IBAKE payload with its private key and checks the identities inside match the clear ones."
        case .rMessage1:
            "\(tag) decrypts with its private key. The aP inside must be the aP it sent: only a holder of the called identity's key could have read it. \(tag) computes abP = a·bP and derives its keys from it."
        case .iMessage2:
            "\(tag) decrypts and finds its own bP: only a holder of the caller's private key could have read R_MESSAGE_1, so the calling side is that identity. \(tag) derives its keys."
        case .rMessage2:
            "\(tag) recomputes V with its own auth_key, derived from its MPK, and it matches (key confirmation). The keys are agreed."
        default:
            "\(tag) opens \(kind)."
        }
    }

    /// What erasing `names` at a step says (RFC 6539 §3.2), or nothing.
    static func erasing(_ names: [ValueName], by tag: String) -> String {
        names.isEmpty ? "" : " \(tag) erases \(names.map(\.rawValue).joined(separator: " and ")): the exchange no longer needs it (RFC 6539 §3.2)."
    }

    static func references(sending kind: MessageKind) -> [SpecReference] {
        switch kind {
        case .requestKeyPSK: [.rfc(6267, "4.2.1"), .profile("D11")]
        case .iMessage1: [.rfc(6267, "4.2.2.1")]
        case .rMessage1: [.rfc(6267, "4.2.2.3")]
        case .iMessage2: [.rfc(6267, "4.2.2.5")]
        case .rMessage2: [.rfc(6267, "4.2.2.7"), .profile("D8")]
        default: [.profile("D20")]
        }
    }

    static func references(receiving kind: MessageKind) -> [SpecReference] {
        switch kind {
        case .requestKeyResp: [.rfc(6267, "4.2.1"), .profile("D11")]
        case .iMessage1: [.rfc(6267, "4.2.2.2"), .profile("D10")]
        case .rMessage1: [.rfc(6267, "4.2.2.4"), .rfc(6539, "3.2")]
        case .iMessage2: [.rfc(6267, "4.2.2.6"), .rfc(6539, "3.2")]
        case .rMessage2: [.rfc(6267, "4.2.2.8"), .profile("D8")]
        default: [.profile("D20")]
        }
    }

    // MARK: The lab's own records (PROFILE D12, D20)

    static func phase(ofRecord name: String) -> Phase {
        name == "PICKUP" || name == "HELD" ? .pickup : name == "CALL-TAKEN" ? .exchange : .deposit
    }

    /// The party `tag` chose what it sends in a record `name`.
    static func making(record name: String, by tag: String) -> String {
        name == "DEPOSIT"
            ? "The call was answered by another identity than the one called, and there is a message to leave: \(tag) put a fresh 16-octet SK in the ESK of I_MESSAGE_2, encrypted to the identity called, and now seals the content under SK (AES-128-CM, counter from zero, PROFILE D12)."
            : "\(tag) prepares \(name)."
    }

    static func sending(record name: String, by tag: String, to peer: String) -> String {
        switch name {
        case "DEPOSIT": "\(tag) leaves the sealed content with \(peer). Without the called user's private key, the mailbox cannot open the ESK, so it cannot read the content."
        case "KEPT": "\(tag) tells \(peer) the content is kept for the user it was meant for."
        case "DECLINED": "\(tag) keeps no content for others (it is no mailbox): it tells \(peer) so at once."
        case "PICKUP": "\(tag) asks \(peer) for whatever it holds for \(tag)'s identity. Anyone could ask: only the user's private key opens what comes back."
        case "HELD": "\(tag) hands \(peer) what it holds: the caller it authenticated, the ESK and the sealed content, none of which it can read."
        default: "\(tag) sends \(name) to \(peer), a record of the lab's own (not MIKEY, PROFILE D20)."
        }
    }

    static func receiving(record name: String, by tag: String, from peer: String, read: Bool) -> String {
        switch name {
        case "DEPOSIT": "\(peer) leaves content under an SK that only the called user's private key unlocks: \(tag) keeps it unread, with the ESK, for that user."
        case "KEPT": "\(peer) says the content is kept for the user \(tag) called."
        case "DECLINED": "\(peer) keeps no content for others: it is no mailbox. No message is left."
        case "PICKUP": "\(peer) asks what \(tag) holds for it."
        case "HELD": read ? "\(peer) hands over one deposit: the caller, the ESK and the sealed content." : "\(peer) holds nothing for \(tag)."
        case "CALL-TAKEN": "The caller says the call was answered on another device."
        default: "\(peer) sends \(name), a record of the lab's own (not MIKEY, PROFILE D20)."
        }
    }
}
