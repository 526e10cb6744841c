import IBAKE
import MIKEY

/// What a network party's log events that are no protocol step say on its screen
/// (PROFILE D20): each event's title, narration and references, from its fields. Events
/// a step already shows say nothing.
enum LiveNotes {
    struct Note {
        let title: String
        let narration: String
        var references: [SpecReference] = [.profile("D20")]
    }

    /// The note for `event` with `ordered` fields of `party`, or nil when a step shows it;
    /// `line` is the event's `--plain` line, for an event this table does not know.
    static func note(_ event: String, _ ordered: [(String, String)], of party: Party, line: String) -> Note? {
        let fields = Dictionary(ordered, uniquingKeysWith: { first, _ in first })
        let tag = party.tag
        func field(_ name: String, else fallback: String = "?") -> String { fields[name] ?? fallback }
        switch event {
        case "sent", "provisioned", "answered", "ringing":
            return nil
        case "listening":
            return Note(title: "\(tag) listens on \(field("address"))",
                        narration: "\(party.name) has what it needs and waits for datagrams on UDP \(field("address")) (the MIKEY port is 2269, RFC 3830 §10).")
        case "resent":
            return Note(title: "\(field("message", else: "a message")) sent again" + (fields["attempt"].map { " (attempt \($0))" } ?? ""),
                        narration: fields["why"].map { "\(tag) sends the same octets again: \($0)." }
                            ?? "No answer came in time: \(tag) sends the same octets again, waiting twice as long each time up to 2 s (PROFILE D20).")
        case "keys":
            return Note(title: "keys agreed with \(field("peer"))",
                        narration: "The exchange with \(field("peer")) is over. SHA-256 of K_SESSION begins \(String(field("k_session_sha256", else: "").prefix(16))): the peer's screen (or its --plain line) shows the same digest when both hold the same key.",
                        references: [.rfc(6267, "4.2.2.8"), .profile("D20")])
        case "stopped":
            return Note(title: "\(tag) stops: \(field("reason"))",
                        narration: "\(party.name) gave up: \(field("reason")). The screen stays until q; the command then ends with an error.")
        case "taken-elsewhere":
            return Note(title: "the call was taken on another device",
                        narration: "The caller says call \(field("csb_id", else: "")) was answered by another device of the user (a lab record, as SIP would send CANCEL). This phone forgets it: its b never left it, and it never computes abP.",
                        references: [.rfc(6267, "3.1"), .profile("D20")])
        case "too-late":
            return Note(title: "a later answer from \(field("from")) is turned down",
                        narration: "Another device answered after the first one did (\(field("reason", else: ""))): the caller tells it the call was taken and goes on with the first (RFC 6267 §3.1).",
                        references: [.rfc(6267, "3.1"), .profile("D20")])
        case "retargeted":
            return Note(title: "call \(field("csb_id", else: "")) retargeted to \(field("to"))",
                        narration: "This phone takes no calls: it passes every message of the call on to \(field("to")) at \(field("at")) and the answers back. It cannot open them: they are encrypted to the identity called, or to the caller (RFC 6267 §3.2).",
                        references: [.rfc(6267, "3.2"), .profile("D13")])
        case "relayed":
            return Note(title: "an answer goes back to \(field("to", else: "the caller"))",
                        narration: "A message of call \(field("csb_id", else: "")) came back from the device the call was passed to; this phone relays it to the caller unread.",
                        references: [.rfc(6267, "3.2"), .profile("D13")])
        case "incoming":
            return Note(title: "\(tag) rings for \(field("ring", else: "a while"))",
                        narration: "I_MESSAGE_1 opened: the phone rings before it answers (--ring). If the caller says the call was taken on another device first, it never sends R_MESSAGE_1, and its b is never used (RFC 6267 §3.1).",
                        references: [.rfc(6267, "3.1"), .profile("D13")])
        case "no-message-left":
            return Note(title: "no message left", narration: "The message to leave is not left: \(field("reason", else: "")).",
                        references: [.rfc(6267, "3.3"), .profile("D12")])
        case "deposit":
            return Note(title: "\(tag) holds an ESK it cannot open",
                        narration: "I_MESSAGE_2 carried an ESK: SK for the user this mailbox answered for, encrypted to that user's identity. The mailbox keeps it unread until the user picks it up (RFC 6267 §3.3, §7.5).",
                        references: [.rfc(6267, "7.5"), .profile("D12")])
        case "reopened":
            return Note(title: "\(tag)'s socket is open again",
                        narration: "The system refused a send (\(field("reason", else: ""))), and SwiftNIO closed the socket; \(tag) listens again on the same address and goes on. What was lost meanwhile comes again: every sender repeats what gets no answer.")
        default:
            return Note(title: ordered.isEmpty ? event : "\(event): \(ordered.map(\.1).joined(separator: ", "))", narration: line)
        }
    }
}
