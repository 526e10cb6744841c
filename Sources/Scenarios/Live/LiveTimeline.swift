import IBAKE
import IBE
import MIKEY

/// One network party's own view of its calls (issue 14): what it did and what reached it,
/// recorded as it happens, as a timeline the demonstrator shows while the calls go on.
/// Unlike a scenario, nobody sees the whole run: the ledger holds this party's values
/// only, and the wire holds the messages it sent and received. The records come from
/// the party's real roles (``StepRecord``), so a value on screen is the value it holds.
public final class LiveTimeline {
    /// The party whose view this is.
    public let party: Party
    private let builder: TimelineBuilder
    private let title: String

    /// `party`'s view, titled `title` ("net call sip:alice@ims.example"), in a realm of
    /// `parameterSet` whose KMS publishes `kmsParameters`; `kms` is how the party names
    /// the KMS (its address). `secret` is what the party read from the realm: a user's key
    /// shared with the KMS, or the KMS's master secret. `seed` is the party's seed, if any
    /// (PROFILE D15).
    public init(party: Party, kms: Party, parameterSet: ParameterSet, kmsParameters: BFPublicParameters, secret: [UInt8],
                seed: UInt64?, title: String) {
        self.party = party
        self.title = title
        let parties = party.id == kms.id ? [party] : [party, kms]
        builder = TimelineBuilder(scenario: .basic, options: ScenarioOptions(parameterSet: parameterSet, seed: seed),
                                  parties: parties, watch: [:])
        let sP = Stage.octets(kmsParameters.publicKey, length: parameterSet.curve.coordinateLength)
        var reveal = [(party.id, LearnedValue(.kmsPublicKey, sP, party.kind.isKMS ? .computed : .provisioned))]
        reveal.append(party.kind.isKMS ? (party.id, LearnedValue(.masterSecret, secret, .generated))
                                       : (party.id, LearnedValue(.preSharedKey, secret, .outOfBand)))
        builder.step(party.id, .compute, "\(party.tag) loads the realm", reveal: reveal,
                     narration: party.kind.isKMS
                        ? "The KMS reads its master secret s from the realm's directory (made by `net init`) and checks it against the published sP, and reads the pre-shared key of every user, with which it authenticates their key requests. Every private key it issues is [s]·H(identity): s is what a KMS must never lose."
                        : "\(party.tag) reads the realm's public parameters (the KMS's sP, the curve, P and the hash: \(parameterSet.name)) and the key it shares with the KMS for REQUEST_KEY, both made by `net init`. The screen follows \(party.tag)'s calls as they happen.",
                     references: [.rfc(6267, "4.2.1"), .profile("D11"), .profile("D20")])
    }

    /// The timeline so far.
    public var timeline: Timeline {
        var timeline = builder.timeline
        timeline.viewpoint = party.id
        timeline.title = title
        return timeline
    }

    /// The number of steps so far.
    public var count: Int { builder.steps.count }

    /// A peer the party has met, added to the cast (once).
    public func meet(_ peer: Party) {
        guard !builder.parties.contains(where: { $0.id == peer.id }) else { return }
        builder.add(peer)
    }

    // MARK: Messages

    /// The party made `record`'s message and sent it to each of `peers`: the values it
    /// chose or computed for it, then the message on the wire to each.
    public func sent(_ record: StepRecord, to peers: [Party]) {
        builder.phase = record.kind.phase
        for peer in peers { meet(peer) }
        let made = record.learned.filter { $0.source == .generated || $0.source == .computed }
        let tag = party.tag
        if !made.isEmpty {
            builder.step(party.id, .compute, "\(tag) computes \(LiveTimeline.names(made)) for \(record.kind)",
                         reveal: made.map { (party.id, $0) }, narration: LiveNarration.making(record.kind, by: tag),
                         references: LiveNarration.references(sending: record.kind))
        }
        for peer in peers {
            let message = WireMessage(record.kind, octets: record.message, from: party.id, to: peer.id,
                                      notation: Notation.describe(record.kind, layers: record.layers, tag: tagOf),
                                      sealedLayers: record.layers)
            builder.step(party.id, .send, "\(tag) sends \(record.kind) to \(peer.tag)", message: message,
                         forget: record.wiped.map { (party.id, $0) },
                         narration: "\(record.kind) leaves \(tag) for \(peer.name): \(record.message.count) octets in one UDP datagram. \(tag) sends it again if no answer comes (200 ms, then twice as long each time, PROFILE D20)."
                            + LiveNarration.erasing(record.wiped, by: tag),
                         references: [.profile("D20")])
        }
    }

    /// A message from `peer` passed the party's checks: it on the wire, then what the
    /// party learned from it.
    public func received(_ record: StepRecord, from peer: Party) {
        builder.phase = record.kind.phase
        let tag = party.tag
        arrival(record.kind, octets: record.message, notation: notation(received: record), from: peer)
        builder.step(party.id, .receive, "\(tag) opens \(record.kind)", reveal: record.learned.map { (party.id, $0) },
                     forget: record.wiped.map { (party.id, $0) }, checks: record.passed.map { CheckOutcome(check: $0, passed: true, detail: "") },
                     notes: record.notes, narration: LiveNarration.opening(record.kind, by: tag) + LiveNarration.erasing(record.wiped, by: tag),
                     references: LiveNarration.references(receiving: record.kind))
    }

    // MARK: The lab's own records

    /// The party sent one of the lab's own records (not MIKEY: a deposit, a pickup) named
    /// `name` to each of `peers`, with the values it chose or made for it.
    public func sentRecord(_ name: String, octets: [UInt8], notation: String, to peers: [Party], learned: [LearnedValue]) {
        builder.phase = LiveNarration.phase(ofRecord: name)
        for peer in peers { meet(peer) }
        let tag = party.tag
        if !learned.isEmpty {
            builder.step(party.id, .compute, "\(tag) picks \(LiveTimeline.names(learned)) for \(name)", reveal: learned.map { (party.id, $0) },
                         narration: LiveNarration.making(record: name, by: tag), references: [.rfc(6267, "6.1.5"), .profile("D12")])
        }
        for peer in peers {
            builder.step(party.id, .send, "\(tag) sends \(name) to \(peer.tag)",
                         message: WireMessage(MessageKind(record: name), octets: octets, from: party.id, to: peer.id, notation: notation),
                         narration: LiveNarration.sending(record: name, by: tag, to: peer.name), references: [.profile("D12"), .profile("D20")])
        }
    }

    /// One of the lab's own records came from `peer`; `learned` is what the party read in it.
    public func receivedRecord(_ name: String, octets: [UInt8], notation: String, from peer: Party, learned: [LearnedValue]) {
        builder.phase = LiveNarration.phase(ofRecord: name)
        let tag = party.tag
        arrival(MessageKind(record: name), octets: octets, notation: notation, from: peer,
                narration: LiveNarration.receiving(record: name, by: tag, from: peer.name, read: !learned.isEmpty),
                references: [.profile("D12"), .profile("D20")])
        guard !learned.isEmpty else { return }
        let text = learned.first { $0.name == .content }.map { String(decoding: $0.octets, as: UTF8.self) }
        builder.step(party.id, .receive, "\(tag) opens the ESK and reads the content", reveal: learned.map { (party.id, $0) },
                     checks: [CheckOutcome(check: .decryption, passed: true, detail: "")],
                     narration: "\(tag) decrypts the ESK with its own private key: it names the caller the mailbox authenticated (RFC 6267 §4.2.2.5) and holds SK. Under SK (AES-128-CM) the content reads: \"\(text ?? "")\". The mailbox carried it without ever being able to read it.",
                     references: [.rfc(6267, "7.5"), .profile("D12")])
    }

    /// The KMS answered `request` from `peer` with `answer`, whose key it computed.
    public func served(request: [UInt8], answer: StepRecord, to peer: Party) {
        builder.phase = .provisioning
        arrival(.requestKeyPSK, octets: request, notation: Notation.describe(.requestKeyPSK, layers: [], tag: tagOf), from: peer,
                narration: "\(peer.name) asks for its private key: REQUEST_KEY_PSK, authenticated by V under a key derived from the pre-shared key it and the KMS share (PROFILE D11).",
                     references: [.rfc(6267, "4.2.1"), .profile("D11")])
        builder.step(party.id, .send, "KMS returns \(peer.tag)'s private key",
                     message: WireMessage(.requestKeyResp, octets: answer.message, from: party.id, to: peer.id,
                                          notation: Notation.describe(.requestKeyResp, layers: answer.layers, tag: tagOf),
                                          sealedLayers: answer.layers),
                     reveal: answer.learned.map { (party.id, $0) },
                     checks: answer.passed.map { CheckOutcome(check: $0, passed: true, detail: "") },
                     narration: "The KMS checks V and the time, computes the private key [s]·H(identity) for this month and returns it AES-CM-encrypted in a KEMAC under V. Only the KMS can compute it.",
                     references: [.rfc(6267, "4.2.1"), .rfc(5091, "5.3"), .profile("D3"), .profile("D11")])
    }

    /// A datagram from `peer` (nil: from an address of no party) failed `check`; the
    /// party dropped it, and sent `reply` (an Error message) when the RFC has it answer.
    public func refused(_ octets: [UInt8], from peer: Party?, check: IBAKECheck, reason: String, reply: [UInt8]? = nil) {
        let kind = (try? MIKEYMessage(decoding: octets)).map { MessageKind($0.header.dataType) }
        var arrived: Int?
        if let peer, let kind {
            arrived = arrival(kind, octets: octets, notation: Notation.describe(kind, layers: [], tag: tagOf), from: peer)
        }
        let what = kind.map { "\($0)" } ?? "a datagram of \(octets.count) octets"
        let from = peer.map { " from \($0.tag)" } ?? ""
        builder.step(party.id, .refuse, "\(party.tag) drops \(what)\(from)",
                     checks: [CheckOutcome(check: check, passed: false, detail: reason)], refusing: arrived,
                     narration: "\(party.tag) refuses \(what)\(from): the \(check.title) check fails (\(reason)). It drops the datagram and goes on serving\(reply == nil ? "." : ", answering with a MIKEY Error message (PROFILE D18).")",
                     references: [.rfc(6267, "4.2.2"), .profile("D20")])
        if let reply, let peer {
            builder.step(party.id, .send, "\(party.tag) answers with Error",
                         message: WireMessage(.error, octets: reply, from: party.id, to: peer.id, notation: "ERR"),
                         narration: "\(party.tag) tells the sender why it stopped: a MIKEY Error message, which nothing authenticates (RFC 3830 §5.1.2).",
                         references: [.rfc(3830, "5.1.2"), .profile("D18")])
        }
    }

    /// Something the party logged that is no step of its own (it listens, the call was
    /// taken by another device, a message went again): a note in words, from the event's
    /// name and fields (``LiveNotes``); `line` is its `--plain` line. Nothing for an event a
    /// step already shows.
    public func note(_ event: String, fields: [(String, String)], line: String) {
        guard let note = LiveNotes.note(event, fields, of: party, line: line) else { return }
        builder.step(party.id, .note, note.title, narration: note.narration, references: note.references)
    }

    /// A message from `peer` on the wire, as this party saw it arrive; returns its step.
    @discardableResult
    private func arrival(_ kind: MessageKind, octets: [UInt8], notation: String, from peer: Party,
                         narration: String? = nil, references: [SpecReference] = [.profile("D20")]) -> Int {
        meet(peer)
        return builder.step(peer.id, .send, "\(kind) arrives from \(peer.tag)",
                            message: WireMessage(kind, octets: octets, from: peer.id, to: party.id, notation: notation),
                            narration: narration ?? "A datagram of \(octets.count) octets from \(peer.name) decodes as \(kind).",
                            references: references)
    }

    // MARK: Names

    /// What a received message carries, as this party sees it: the layers it opened, and
    /// `IBE(…)` or `ESK(…)` for each it could not (encrypted to another identity).
    private func notation(received record: StepRecord) -> String {
        let opened = Notation.describe(record.kind, layers: record.layers, tag: tagOf)
        guard let message = try? MIKEYMessage(decoding: record.message) else { return opened }
        let openedPayloads = record.layers.map(\.payload)
        var closed = [String]()
        for payload in message.payloads {
            switch payload {
            case .ibake where !openedPayloads.contains("IBAKE"): closed.append("IBE(…)")
            case .esk where !openedPayloads.contains("ESK"): closed.append("ESK(…)")
            default: break
            }
        }
        guard !closed.isEmpty else { return opened }
        // With nothing opened, the description is the message's bare name: the closed layers say more.
        let shown = opened == record.kind.name ? [] : [opened]
        return (shown + closed).joined(separator: ", ")
    }

    /// The tag of the party an identity belongs to; an identity several devices share
    /// (a forked call's) is its user's initial, as the forking scenario writes it, and one
    /// no party is known by (the identity a device answered with) its user part.
    private func tagOf(_ uri: String) -> String {
        let holders = builder.parties.filter { $0.identity == uri }
        if holders.count == 1 { return holders[0].tag }
        let user = uri.split(separator: ":").last?.split(separator: "@").first.map(String.init) ?? ""
        guard !user.isEmpty else { return uri }
        return holders.isEmpty ? user : user.prefix(1).uppercased()
    }

    private static func names(_ values: [LearnedValue]) -> String {
        var seen = [String]()
        for value in values where !seen.contains(value.name.rawValue) { seen.append(value.name.rawValue) }
        return seen.joined(separator: ", ")
    }
}

extension MessageKind {
    /// The phase a message belongs to on a live party's screen.
    var phase: Phase {
        self == .requestKeyPSK || self == .requestKeyResp ? .provisioning : .exchange
    }
}
