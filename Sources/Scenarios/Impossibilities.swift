import IBAKE

/// Why a party cannot compute a value: one table, consulted by the ledger, so every
/// screen and tutorial states the same reason.
enum Impossibilities {
    static func reason(_ name: ValueName, for kind: Party.Kind) -> String {
        switch (name, kind) {
        case (.a, _):
            return "a is chosen by the initiator and never sent; getting it from aP is the elliptic-curve discrete logarithm problem"
        case (.b, _):
            return "b is chosen by the responder and never sent; getting it from bP is the elliptic-curve discrete logarithm problem"
        case (.aP, .eavesdropper), (.bP, .eavesdropper):
            return "it travels only inside IBE ciphertexts; opening them needs a private key that only the KMS can derive (BDH problem)"
        case (.abP, .curiousKMS), (.sessionKey, .curiousKMS):
            return "knowing aP and bP without a or b, computing abP is the elliptic-curve Diffie-Hellman problem: the KMS escrows no session key"
        case (.abP, .device), (.sessionKey, .device):
            return "needs a or the answering device's b; this device read aP but did not answer"
        case (.abP, .bystander), (.sessionKey, .bystander):
            return "the call never reached this party: it holds neither a nor b"
        case (.abP, _), (.sessionKey, _):
            return "needs a or b, which never leave the initiator and the responder (elliptic-curve Diffie-Hellman problem)"
        case (.mpk, _), (.tgk, _), (.srtpMasterKey, _), (.srtpMasterSalt, _), (.authKey, _):
            return "derived from K_SESSION = abP, which this party cannot compute"
        case (.initiatorPrivateKey, _), (.responderPrivateKey, _), (.commonPrivateKey, _), (.eavesdropperPrivateKey, _):
            return "only the KMS can derive it: it needs the master secret s, and s from sP is a discrete logarithm problem"
        case (.masterSecret, _):
            return "s never leaves the KMS; recovering it from sP is the discrete logarithm problem"
        case (.secretKey, .mailbox), (.content, .mailbox):
            return "SK travels IBE-encrypted to the intended user's identity; the mailbox holds no key for it"
        case (.secretKey, _):
            return "SK travels IBE-encrypted to the intended user's identity"
        case (.content, _):
            return "it travels encrypted under a key this party cannot compute (the SRTP key from abP, or SK)"
        case (.groupKey, .server), (.groupKey, .eavesdropper):
            return "every member's contribution reaches the others IBE-encrypted; the server relays ciphertexts only, and even z and X in clear would not give the key without some member's r"
        case (.groupKey, _):
            return "the group key needs a member's secret contribution"
        default:
            return "not revealed to this party"
        }
    }
}

extension Impossibility {
    /// Why a party of `kind` cannot compute `name`: the table the ledger itself uses.
    /// For views that ask about a role the ledger does not track in a scenario, such as
    /// the demonstrator's "curious KMS" view of a basic run, so they state the same reason.
    public static func reason(_ name: ValueName, for kind: Party.Kind) -> String {
        Impossibilities.reason(name, for: kind)
    }
}
