import IBE
import MIKEY
import Network
import Scenarios
import Synchronization

/// A network party on its own screen (`mikey-ibake net` on a terminal, issue 14): its
/// events (``NetEvent``), as they come, become the steps of its ``LiveTimeline``, and
/// each change a model for the demonstrator to show. The peers are named by address:
/// the KMS, the devices a caller calls, the callers that reach a phone.
public final class LiveParty: Sendable {
    /// Who this party is on the network.
    public enum Role: Sendable {
        /// `net call`: calls `to` at each device address.
        case caller(to: String, devices: [String])
        /// `net phone`: answers calls (or passes them on).
        case phone
        /// `net kms`: answers key requests.
        case kms
        /// `net pickup`: asks the mailbox at the address what it holds for the user.
        case pickup(from: String)
    }

    private struct State {
        let timeline: LiveTimeline
        /// The parties met, by address.
        var peers: [String: Party]
        var strangers = 0
    }

    public let config: AppConfig
    private let role: Role
    private let state: Mutex<State>

    /// The screen of the party `identity` of `realm` playing `role` (the KMS's identity is
    /// the realm's), which reaches the KMS at `kmsAddress` (none for the KMS itself);
    /// `seed` as the party was given it.
    public init(identity: String, role: Role, realm: Realm, kmsAddress: String?, seed: UInt64?) throws(NetworkError) {
        self.role = role
        config = AppConfig(parameterSet: realm.parameterSet, seed: seed)
        let me: Party, title: String, secret: [UInt8]
        switch role {
        case .caller(let to, _):
            me = Party.initiator.cast(as: "Caller", identity: identity)
            title = "net call \(Self.user(identity)) → \(Self.user(to))"
            secret = try realm.psk(for: identity)
        case .phone:
            me = Party.responder.cast(as: "Phone", identity: identity)
            title = "net phone \(Self.user(identity))"
            secret = try realm.psk(for: identity)
        case .kms:
            me = Party.kms.cast(as: "KMS", identity: realm.description.kms)
            title = "net kms \(Self.user(realm.description.kms))"
            secret = try realm.kms().masterSecret.bytes
        case .pickup:
            me = Party.responder.cast(as: "User", identity: identity)
            title = "net pickup \(Self.user(identity))"
            secret = try realm.psk(for: identity)
        }
        let kms = Party.kms.cast(as: "KMS" + (kmsAddress.map { " at \($0)" } ?? ""))
        let timeline = LiveTimeline(party: me, kms: kms, parameterSet: realm.parameterSet, kmsParameters: realm.publicParameters,
                                    secret: secret, seed: seed, title: title)
        var peers = [String: Party]()
        if let kmsAddress { peers[kmsAddress] = kms }
        if case .pickup(let mailbox) = role {
            peers[mailbox] = Party(id: .mailbox, name: "mailbox at \(mailbox)", identity: nil, kind: .mailbox, tag: "M")
        }
        if case .caller(let to, let devices) = role {
            for (index, address) in devices.enumerated() {
                peers[address] = devices.count == 1
                    ? Party.responder.cast(as: "\(to) at \(address)", identity: to)
                    : Party(id: .device(index + 1), name: "device \(index + 1) of \(to) at \(address)", identity: to,
                            kind: .device, tag: "D\(index + 1)")
            }
        }
        state = Mutex(State(timeline: timeline, peers: peers))
    }

    /// An identity as a status line names it, the pane's title holding it in full:
    /// `sip:alice@ims.example` is `alice`, `https://kms.ims.example` is `kms.ims.example`.
    static func user(_ uri: String) -> String {
        let rest = uri.range(of: "://").map { String(uri[$0.upperBound...]) }
            ?? uri.firstIndex(of: ":").map { String(uri[uri.index(after: $0)...]) } ?? uri
        return rest.split(separator: "@").first.map(String.init) ?? rest
    }

    /// The screen's model now.
    public var model: ScenarioModel {
        let timeline = state.withLock { $0.timeline.timeline }
        return ScenarioModel(timeline: timeline, config: config)
    }

    /// Records `event`; returns the new model when it added steps.
    public func record(_ event: NetEvent) -> ScenarioModel? {
        let grew = state.withLock { state -> Bool in
            let before = state.timeline.count
            apply(event, to: &state)
            return state.timeline.count > before
        }
        return grew ? model : nil
    }

    private func apply(_ event: NetEvent, to state: inout State) {
        let timeline = state.timeline
        if event.steps.isEmpty { return remark(event, on: timeline) }
        for step in event.steps {
            switch step {
            case .sent(let record, let addresses):
                timeline.sent(record, to: addresses.map { peer(at: $0, message: record.message, in: &state) })
            case .received(let record, let address):
                timeline.received(record, from: peer(at: address, message: record.message, in: &state))
            case .refused(let octets, let address, let check, let reason, let reply):
                let known = state.peers[address]
                let mikey = (try? MIKEYMessage(decoding: octets)) != nil
                timeline.refused(octets, from: known ?? (mikey ? peer(at: address, message: octets, in: &state) : nil),
                                 check: check, reason: reason, reply: reply)
            case .served(let request, let answer, let address):
                timeline.served(request: request, answer: answer, to: peer(at: address, message: request, in: &state))
            case .sentRecord(let record, let addresses, let learned):
                timeline.sentRecord(record.name, octets: record.octets, notation: record.notation,
                                    to: addresses.map { peer(at: $0, message: [], in: &state) }, learned: learned)
            case .receivedRecord(let record, let address, let learned):
                timeline.receivedRecord(record.name, octets: record.octets, notation: record.notation,
                                        from: peer(at: address, message: [], in: &state), learned: learned)
            }
        }
    }

    /// The events that are no step of their own: what they say, in words; nothing for
    /// those a step already shows.
    private func remark(_ event: NetEvent, on timeline: LiveTimeline) {
        let fields = Dictionary(event.fields, uniquingKeysWith: { first, _ in first })
        switch event.event {
        case "sent", "provisioned", "answered", "ringing":
            return
        case "listening":
            timeline.remark("\(timeline.party.tag) listens on \(fields["address"] ?? "?")",
                            narration: "\(timeline.party.name) has what it needs and waits for datagrams on UDP \(fields["address"] ?? "?") (the MIKEY port is 2269, RFC 3830 §10).")
        case "resent":
            timeline.remark("\(fields["message"] ?? "a message") sent again" + (fields["attempt"].map { " (attempt \($0))" } ?? ""),
                            narration: fields["why"].map { "\(timeline.party.tag) sends the same octets again: \($0)." }
                                ?? "No answer came in time: \(timeline.party.tag) sends the same octets again, waiting twice as long each time up to 2 s (PROFILE D20).")
        case "keys":
            let peer = fields["peer"] ?? "?"
            timeline.remark("keys agreed with \(peer)",
                            narration: "The exchange with \(peer) is over. SHA-256 of K_SESSION begins \(String((fields["k_session_sha256"] ?? "").prefix(16))): the peer's screen (or its --plain line) shows the same digest when both hold the same key.",
                            references: [.rfc(6267, "4.2.2.8"), .profile("D20")])
        case "stopped":
            timeline.remark("\(timeline.party.tag) stops: \(fields["reason"] ?? "?")",
                            narration: "\(timeline.party.name) gave up: \(fields["reason"] ?? "?"). The screen stays until q; the command then ends with an error.")
        case "taken-elsewhere":
            timeline.remark("the call was taken on another device",
                            narration: "The caller says call \(fields["csb_id"] ?? "") was answered by another device of the user (a lab record, as SIP would send CANCEL). This phone forgets it: its b never left it, and it never computes abP.",
                            references: [.rfc(6267, "3.1"), .profile("D20")])
        case "too-late":
            timeline.remark("a later answer from \(fields["from"] ?? "?") is turned down",
                            narration: "Another device answered after the first one did (\(fields["reason"] ?? "")): the caller tells it the call was taken and goes on with the first (RFC 6267 §3.1).",
                            references: [.rfc(6267, "3.1"), .profile("D20")])
        case "retargeted":
            timeline.remark("call \(fields["csb_id"] ?? "") retargeted to \(fields["to"] ?? "?")",
                            narration: "This phone takes no calls: it passes every message of the call on to \(fields["to"] ?? "?") at \(fields["at"] ?? "?") and the answers back. It cannot open them: they are encrypted to the identity called, or to the caller (RFC 6267 §3.2).",
                            references: [.rfc(6267, "3.2"), .profile("D13")])
        case "incoming":
            timeline.remark("\(timeline.party.tag) rings for \(fields["ring"] ?? "a while")",
                            narration: "I_MESSAGE_1 opened: the phone rings before it answers (--ring). If the caller says the call was taken on another device first, it never sends R_MESSAGE_1, and its b is never used (RFC 6267 §3.1).",
                            references: [.rfc(6267, "3.1"), .profile("D13")])
        case "no-message-left":
            timeline.remark("no message left",
                            narration: "The message to leave is not left: \(fields["reason"] ?? "").",
                            references: [.rfc(6267, "3.3"), .profile("D12")])
        case "deposit":
            timeline.remark("\(timeline.party.tag) holds an ESK it cannot open",
                            narration: "I_MESSAGE_2 carried an ESK: SK for the user this mailbox answered for, encrypted to that user's identity. The mailbox keeps it unread until the user picks it up (RFC 6267 §3.3, §7.5).",
                            references: [.rfc(6267, "7.5"), .profile("D12")])
        case "reopened":
            timeline.remark("\(timeline.party.tag)'s socket is open again",
                            narration: "The system refused a send (\(fields["reason"] ?? "")), and SwiftNIO closed the socket; \(timeline.party.tag) listens again on the same address and goes on. What was lost meanwhile comes again: every sender repeats what gets no answer.")
        case "relayed":
            timeline.remark("an answer goes back to \(fields["to"] ?? "the caller")",
                            narration: "A message of call \(fields["csb_id"] ?? "") came back from the device the call was passed to; this phone relays it to the caller unread.",
                            references: [.rfc(6267, "3.2"), .profile("D13")])
        default:
            let text = event.line(party: timeline.party.tag)
            timeline.remark(event.fields.isEmpty ? event.event : "\(event.event): \(event.fields.map(\.1).joined(separator: ", "))",
                            narration: text)
        }
    }

    /// The party at `address`, met now if new: a caller (named by the IDRi of its message)
    /// or, on a KMS, a user; on a caller, an address that is none of its devices.
    private func peer(at address: String, message: [UInt8], in state: inout State) -> Party {
        if let known = state.peers[address] { return known }
        let identity = (try? MIKEYMessage(decoding: message))?.identity(.initiator)?.text
        state.strangers += 1
        let number = state.strangers
        let party: Party
        switch role {
        case .phone where message.isEmpty:
            // Met through a record of the lab's own: a user asking its mailbox.
            party = Party(id: PartyID(rawValue: "user-\(number)"), name: "a user at \(address)", identity: nil, kind: .bystander,
                          tag: "U\(number)")
        case .phone:
            party = number == 1
                ? Party.initiator.cast(as: "\(identity ?? "caller") at \(address)", identity: identity)
                : Party(id: PartyID(rawValue: "caller-\(number)"), name: "\(identity ?? "caller") at \(address)", identity: identity,
                        kind: .initiator, tag: "I\(number)")
        case .kms:
            party = Party(id: PartyID(rawValue: "user-\(number)"), name: "\(identity ?? "a user") at \(address)", identity: identity,
                          kind: .bystander, tag: "U\(number)")
        case .caller, .pickup:
            party = Party(id: PartyID(rawValue: "stranger-\(number)"), name: "an unknown sender at \(address)", identity: nil,
                          kind: .bystander, tag: "X\(number)")
        }
        state.peers[address] = party
        return party
    }
}
