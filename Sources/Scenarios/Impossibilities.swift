import IBAKE

/// Why a party cannot compute a value: one table, consulted by the ledger, so every
/// screen and tutorial states the same reason.
enum Impossibilities {
    /// The standing reason for a party of `kind`, whatever the step.
    static func reason(_ name: ValueName, for kind: Party.Kind) -> String {
        switch (name, kind) {
        case (.a, _):
            return "a is chosen by the initiator and never sent; getting it from aP is the elliptic-curve discrete logarithm problem"
        case (.b, _):
            return "b is chosen by the responder and never sent; getting it from bP is the elliptic-curve discrete logarithm problem"
        case (.aP, _) where kind.isOutsider, (.bP, _) where kind.isOutsider:
            return "it travels only inside IBE ciphertexts; opening them needs a private key that only the KMS can derive (BDH problem)"
        case (.abP, .curiousKMS), (.sessionKey, .curiousKMS):
            return "knowing aP and bP without a or b, computing abP is the elliptic-curve Diffie-Hellman problem: the KMS escrows no session key"
        case (.abP, .device), (.sessionKey, .device):
            return "needs a or the answering device's b; this device read aP but did not answer"
        case (.abP, .bystander), (.sessionKey, .bystander):
            return "the call never reached this party: it holds neither a nor b"
        case (.abP, _), (.sessionKey, _):
            return anyoneElse
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
        case (.groupKey, _) where kind == .server || kind.isOutsider:
            return "every member's contribution reaches the others IBE-encrypted; the server relays ciphertexts only, and even z and X in clear would not give the key without some member's r"
        case (.groupKey, _):
            return "the group key needs a member's secret contribution"
        default:
            return "not revealed to this party"
        }
    }

    /// Why abP is out of reach for a party with no reason of its own.
    static let anyoneElse = "needs a or b, which never leave the initiator and the responder (elliptic-curve Diffie-Hellman problem)"

    /// Why the party of `facts` cannot compute `name` at that step, or `nil` when no
    /// reason is true there: the value does not exist yet, the party holds it, or holds
    /// what it needs to compute it (then it is only not known yet).
    static func reason(_ name: ValueName, _ facts: LedgerFacts) -> String? {
        guard facts.exists(name), !facts.holds(name) else { return nil }
        let kind = facts.party.kind
        switch name {
        case .aP where kind.isOutsider:
            // I_MESSAGE_1's IBAKE opens with the called identity's key, or s, which yields it (RFC 6267 §4.2.2.1).
            guard !facts.holdsAny([.responderPrivateKey, .commonPrivateKey, .masterSecret]) else { return nil }
        case .bP where kind.isOutsider:
            // R_MESSAGE_1's IBAKE opens with the initiator's key (RFC 6267 §4.2.2.3).
            guard !facts.holdsAny([.initiatorPrivateKey, .masterSecret]) else { return nil }
        case .abP, .sessionKey:
            return abPReason(facts)
        case .mpk, .tgk, .srtpMasterKey, .srtpMasterSalt, .authKey:
            // RFC 6267 §5: every key is derived from K_SESSION = abP.
            guard abPReason(facts) != nil else { return nil }
        case .initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey, .eavesdropperPrivateKey:
            guard !facts.holds(.masterSecret) else { return nil }
        case .content where kind == .mailbox:
            // A deposit is encrypted under SK (PROFILE D12); the mailbox's own SRTP key does not open it.
            guard !facts.holds(.secretKey) else { return nil }
        case .content:
            guard !facts.holdsAny([.srtpMasterKey, .secretKey]) else { return nil }
        default:
            break
        }
        return reason(name, for: kind)
    }

    /// abP, with the reason of the party's role only once its premise is true: a device
    /// "read aP but did not answer" after it read aP and another device answered; a
    /// curious KMS "knows aP and bP" after it opened both.
    private static func abPReason(_ facts: LedgerFacts) -> String? {
        guard facts.exists(.abP), !facts.holds(.abP) else { return nil }
        switch facts.party.kind {
        case .device where !(facts.holds(.aP) && facts.heldByAnother(.b)),
             .curiousKMS where !(facts.holds(.aP) && facts.holds(.bP)):
            return anyoneElse
        case .bystander where facts.holdsAny([.a, .b]):
            return anyoneElse
        default:
            return reason(.abP, for: facts.party.kind)
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
