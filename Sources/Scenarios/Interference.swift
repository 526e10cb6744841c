import IBAKE
import Primitives

/// What an active attacker did to a message on the wire: the attacker's ledger keeps
/// it, and the wire marks the message with it.
public struct Interference: Sendable, Equatable {
    public enum Act: Sendable, Equatable {
        /// One bit flipped (`mask`) in the octet at `offset` from the start of the
        /// message, inside `field` (`IBAKE Encr data`, `V MAC`, `RAND`).
        case altered(field: String, offset: Int, mask: UInt8)
        /// A recorded copy sent again; `original` is the step that first put it on the wire.
        case replayed(original: Int)
        /// Kept from its recipient.
        case dropped
        /// Held `seconds` before it was let through unchanged.
        case delayed(seconds: UInt64)
        /// Its IBAKE payload replaced by one sealed to the same recipient with the
        /// attacker's own Diffie-Hellman share inside.
        case substituted
    }

    public let act: Act
    public let message: MessageKind
    /// The step whose message it acted on: the one altered or dropped, or the replayed copy.
    public let messageStep: Int
    /// The step at which the attacker did it.
    public let step: Int

    /// What the wire says of the message it acted on.
    public var mark: WireMark {
        switch act {
        case .altered: .tampered
        case .replayed: .replayed
        case .dropped: .dropped
        case .delayed: .delayed
        case .substituted: .tampered
        }
    }

    /// What she did to which message: "altered I_MESSAGE_1 (step 9)".
    public var headline: String {
        switch act {
        case .altered: "altered \(message) (step \(messageStep))"
        case .replayed(let original): "replayed \(message) of step \(original)"
        case .dropped: "dropped \(message) (step \(messageStep))"
        case .delayed(let seconds): "delayed \(message) (step \(messageStep)) by \(seconds) s"
        case .substituted: "put her own share in \(message) (step \(messageStep))"
        }
    }

    /// Where, for an alteration: "IBAKE Encr data, octet +00ef, bit 0x01" (offsets as the inspector prints them).
    public var detail: String? {
        guard case .altered(let field, let offset, let mask) = act else { return nil }
        return "\(field), octet +\(Hex.offset(offset)), bit \(Hex.byte(mask))"
    }

    /// Both on one line, for a transcript.
    public var summary: String { detail.map { "\(headline): \($0)" } ?? headline }
}

/// How the wire marks a message something happened to, in the order it happens.
public enum WireMark: String, Sendable, Equatable, CaseIterable {
    case tampered, delayed, replayed, dropped, refused
}
