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
        if event.steps.isEmpty {
            return timeline.note(event.event, fields: event.fields, line: event.line(party: timeline.party.tag))
        }
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
