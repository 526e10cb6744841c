import IBAKE
import IBE
import NIOCore
import Primitives

/// A phone fetching its private key from the KMS over UDP (REQUEST_KEY_PSK, RFC 6267
/// §4.2.1; PROFILE D11), sending the request again until an answer passes its checks.
enum KeyFetch {
    static func key(for identity: String, realm: Realm, kms: SocketAddress, on socket: UDPSocket, keyName: ValueName,
                    random: RandomSource, retransmission: Retransmission, log: NetLog) async throws(NetworkError) -> KeyRing.Entry {
        let entries = try await keys(for: identity, also: [], realm: realm, kms: kms, on: socket, keyNames: [keyName],
                                     random: random, retransmission: retransmission, log: log)
        guard let entry = entries.first else { throw NetworkError("REQUEST_KEY_RESP for \(identity) carries no key") }
        return entry
    }

    /// The keys of `identity` and of the identities in `others` the KMS grants it (a
    /// device's common identity, PROFILE D13), in one request, in that order: one CSB ID
    /// and RAND drawn from `random`, as the in-process run's device draws them.
    static func keys(for identity: String, also others: [String], realm: Realm, kms: SocketAddress, on socket: UDPSocket,
                     keyNames: [ValueName], random: RandomSource, retransmission: Retransmission,
                     log: NetLog) async throws(NetworkError) -> [KeyRing.Entry] {
        let client = ProvisioningClient(profile: IBAKEProfile(parameterSet: realm.parameterSet), uri: identity, alsoFor: others,
                                        kmsURI: realm.description.kms, psk: try realm.psk(for: identity),
                                        kmsParameters: realm.publicParameters, random: random, clock: SystemClock())
        let request: StepRecord
        do {
            request = try client.makeRequestKeyPSK()
        } catch {
            throw NetworkError("cannot make REQUEST_KEY_PSK for \(identity): \(error)")
        }
        var pending = PendingSend(request, to: kms, retransmission: retransmission)
        await pending.send(on: socket, log: log)
        for await event in socket.events {
            switch event {
            case .datagram(let bytes, let sender):
                guard sender == kms else {
                    log(.dropped(bytes, from: sender, check: .session, reason: "not the KMS; no call is taken before the key is here"))
                    continue
                }
                do {
                    let (record, entries) = try client.receiveRequestKeyResp(bytes, keyNames: keyNames)
                    // One step for the answer; one line per key it carried.
                    for (index, entry) in entries.enumerated() {
                        log(NetEvent("provisioned", [("identity", entry.identity.uri), ("period", entry.identity.period),
                                                     ("from", kms.hostAndPort)],
                                     step: index == 0 ? .received(record, from: kms.hostAndPort) : nil))
                    }
                    return entries
                } catch {
                    log(.dropped(bytes, from: sender, check: error.check, reason: error.reason))
                }
            case .tick, .closed, .reopened:
                try await pending.waiting(event, on: socket, log: log, during: "while waiting for the KMS")
            }
        }
        throw NetworkError("the socket closed while waiting for the KMS")
    }
}

/// A message sent and not yet answered: it goes again on the retransmission schedule, and
/// the wait ends when the party's patience does.
struct PendingSend: Sendable {
    /// What the log calls it: I_MESSAGE_1, content, pickup.
    let name: String
    let octets: [UInt8]
    /// What the first send's event shows a screen (none: the send is no step of its own).
    let step: NetStep?
    let destinations: [SocketAddress]
    let retransmission: Retransmission
    private(set) var attempts = 0
    private var next = ContinuousClock.now
    private let deadline: ContinuousClock.Instant

    init(_ record: StepRecord, to destinations: SocketAddress..., retransmission: Retransmission) {
        self.init(record, to: destinations, retransmission: retransmission)
    }

    init(_ record: StepRecord, to destinations: [SocketAddress], retransmission: Retransmission) {
        self.init(record.kind.name, record.message, step: .sent(record, to: destinations.map(\.hostAndPort)), to: destinations,
                  retransmission: retransmission)
    }

    /// A lab record called `name` in the log, with the values the sender chose or made for it.
    init(_ record: CallRecord, name: String, learned: [LearnedValue] = [], to destinations: [SocketAddress],
         retransmission: Retransmission) {
        self.init(name, record.octets, step: .sentRecord(record.lab, to: destinations.map(\.hostAndPort), learned: learned),
                  to: destinations, retransmission: retransmission)
    }

    private init(_ name: String, _ octets: [UInt8], step: NetStep?, to destinations: [SocketAddress], retransmission: Retransmission) {
        self.name = name
        self.octets = octets
        self.step = step
        self.destinations = destinations
        self.retransmission = retransmission
        deadline = ContinuousClock.now + retransmission.patience
    }

    /// Sends to every destination and schedules the next try.
    mutating func send(on socket: UDPSocket, log: NetLog) async {
        attempts += 1
        for destination in destinations {
            if let failure = await socket.send(octets, to: destination) { log(NetEvent("send-failed", [("reason", failure)])) }
        }
        let to = destinations.map(\.hostAndPort)
        log(NetEvent(attempts == 1 ? "sent" : "resent", [("message", name), ("to", to.joined(separator: " ")),
                                                         ("octets", "\(octets.count)")] + (attempts == 1 ? [] : [("attempt", "\(attempts)")]),
                     step: attempts == 1 ? step : nil))
        next = ContinuousClock.now + retransmission.interval(after: attempts)
    }

    /// What a party waiting for an answer does with an event that is no datagram: at a
    /// tick, sends again when due; when the socket closed, gives up (`during`: "during the
    /// call"); when it was opened again, says so.
    mutating func waiting(_ event: EndpointEvent, on socket: UDPSocket, log: NetLog, during: String) async throws(NetworkError) {
        switch event {
        case .tick(let now): _ = try await due(now, on: socket, log: log)
        case .closed(let reason): throw NetworkError("the socket closed \(during): \(reason)")
        case .reopened(let reason): log(.reopened(reason))
        case .datagram: break
        }
    }

    /// At a tick: sends again if the wait is over; throws once patience runs out.
    /// Returns whether it sent.
    mutating func due(_ now: ContinuousClock.Instant, on socket: UDPSocket, log: NetLog) async throws(NetworkError) -> Bool {
        guard now < deadline else {
            throw NetworkError("no answer to \(name) after \(attempts) sends in \(retransmission.patience)")
        }
        guard now >= next else { return false }
        await send(on: socket, log: log)
        return true
    }
}
