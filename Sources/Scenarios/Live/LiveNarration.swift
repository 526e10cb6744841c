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
}
