import IBAKE
import NIOCore
import Primitives

/// `mikey-ibake net pickup`: a user who was not there fetches its key from the KMS, asks
/// its mailbox what was left for it, opens each ESK with its key, checks the ESK names the
/// caller the mailbox saw (RFC 6267 §4.2.2.5), and reads the content under SK (RFC 6267
/// §3.3, §7.5; PROFILE D12). The mailbox never could.
public enum PickupEndpoint {
    public struct Pickup: Sendable {
        public let identity: String
        public let kms: SocketAddress
        public let mailbox: SocketAddress

        public init(identity: String, kms: SocketAddress, mailbox: SocketAddress) {
            self.identity = identity
            self.kms = kms
            self.mailbox = mailbox
        }
    }

    /// One content read: who left it, and the text.
    public struct Content: Sendable, Equatable {
        public let caller: String
        public let text: String

        public init(caller: String, text: String) {
            self.caller = caller
            self.text = text
        }
    }

    /// Picks up what the mailbox holds for the user; returns the contents read, in the
    /// mailbox's order. Throws when a deposit does not open for this user.
    public static func pickUp(_ pickup: Pickup, realm: Realm, on socket: UDPSocket, seed: UInt64? = nil,
                              retransmission: Retransmission = Retransmission(), log: NetLog) async throws(NetworkError) -> [Content] {
        let random: RandomSource = seed.map { HMACDRBG(seed: $0, party: pickup.identity) } ?? SystemRandom()
        let entry = try await KeyFetch.key(for: pickup.identity, realm: realm, kms: pickup.kms, on: socket, keyName: .responderPrivateKey,
                                           random: random, retransmission: retransmission, log: log)
        var pending = PendingSend(CallRecord.pickup(identity: pickup.identity), name: "pickup", to: [pickup.mailbox], retransmission: retransmission)
        await pending.send(on: socket, log: log)
        var read = [Int: Content?]()
        for await event in socket.events {
            switch event {
            case .datagram(let bytes, let sender):
                guard sender == pickup.mailbox, let record = CallRecord(bytes),
                      case .held(let index, let count, let caller, let esk, let sealed) = record else {
                    log(NetEvent("dropped", [("from", sender.hostAndPort), ("reason", "not the mailbox's answer to the pickup")]))
                    continue
                }
                if count == 0 {
                    log(NetEvent("empty", [("identity", pickup.identity), ("mailbox", sender.hostAndPort)],
                                 step: .receivedRecord(record.lab, from: sender.hostAndPort, learned: [])))
                    return []
                }
                guard read[index] == nil else { continue }
                do throws(IBAKEFailure) {
                    let secretKey = try SecretKeyDeposit.openHeld(esk, with: entry, parameters: realm.publicParameters, initiatorURI: caller)
                    let content = try CallerEndpoint.contentCipher(secretKey, sealed)
                    let text = String(decoding: content, as: UTF8.self)
                    read[index] = Content(caller: caller, text: text)
                    let source = ValueSource.message(MessageKind(record: record.lab.name))
                    log(NetEvent("content", [("from", caller), ("for", pickup.identity), ("text", text)],
                                 step: .receivedRecord(record.lab, from: sender.hostAndPort,
                                                       learned: [LearnedValue(.secretKey, secretKey, source), LearnedValue(.content, content, source)])))
                } catch {
                    read[index] = .some(nil)
                    log(NetEvent("dropped", [("from", sender.hostAndPort), ("deposit", "\(index)/\(count)"), ("check", error.check.title),
                                             ("reason", error.reason)]))
                }
                guard read.count == count else { continue }
                let contents = (1...count).compactMap { read[$0] ?? nil }
                guard contents.count == count else {
                    throw NetworkError("\(count - contents.count) of the \(count) deposits for \(pickup.identity) did not open")
                }
                return contents
            case .tick, .closed, .reopened:
                try await pending.waiting(event, on: socket, log: log, during: "during the pickup")
            }
        }
        throw NetworkError("the socket closed during the pickup")
    }
}
