import IBAKE
import MIKEY

/// One IBE layer of a wire message, the Encr data of an IBAKE or ESK payload (RFC 6267
/// §6.1.1, §6.1.2), as one party can open it at one step: BFdecrypt (RFC 5091 §5.5) with
/// each private key that party's ledger holds, and the plaintext sub-payload chain decoded
/// field by field; or why it stays shut. What opens is what the party's own keys decrypt,
/// never the sender's copy of the plaintext (PROFILE D1).
public struct LayerOpening: Sendable, Equatable {
    /// IBAKE or ESK.
    public let payload: PayloadType
    /// The message octets of the whole payload.
    public let payloadRange: Range<Int>
    /// The message octets of its Encr data: the ciphertext U || V || W (PROFILE D2).
    public let ciphertextRange: Range<Int>
    /// U, V and W at their message offsets, when the Encr data is long enough to hold them.
    public let ciphertextParts: [FieldDescription]
    /// The party that tries to open it.
    public let party: PartyID
    /// The identity-with-period its sender sealed it to, as the sender recorded it (a BF
    /// ciphertext does not name its recipient); nil when the record has no such layer.
    public let sealedTo: String?
    public let outcome: Outcome

    /// Opened, or refused with the reason in words.
    public enum Outcome: Sendable, Equatable {
        case opened(OpenedLayer)
        case refused(String)
    }

    /// The plaintext, if the party's keys opened the layer.
    public var opened: OpenedLayer? {
        if case .opened(let layer) = outcome { return layer }
        return nil
    }

    /// Why the layer stays shut, if it does.
    public var refusal: String? {
        if case .refused(let reason) = outcome { return reason }
        return nil
    }
}

/// A layer that decrypted: the key that opened it, the plaintext and its sub-payloads.
public struct OpenedLayer: Sendable, Equatable {
    /// The ledger's name of the private key that decrypted it, e.g. `R_PrK`.
    public let key: ValueName
    /// What BFdecrypt released after its Fujisaki-Okamoto check (RFC 5091 §5.5).
    public let plaintext: [UInt8]
    /// The sub-payloads in order (IDRi, ECCPTi, IDRr, ECCPTr; or ID, SK), each with its
    /// fields; offsets count from the plaintext's first octet (RFC 6267 §4.2.2).
    public let chain: [PayloadDescription]
    /// Where decoding the plaintext stopped, if it did: it decrypted, but is no chain.
    public let failure: String?
}
