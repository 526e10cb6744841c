import Foundation
import IBAKE
import MIKEY
import NIOCore
import Primitives

/// `mikey-ibake net kms`: the realm's KMS answering REQUEST_KEY_PSK over UDP (RFC 6267
/// §4.2.1; PROFILE D11). A request that does not decode or fails a check is logged with
/// the reason and dropped (or answered with the Error message the RFC has it send), and
/// the KMS goes on serving. A request it has answered, sent again because the answer was
/// lost, gets the same answer again: a fresh one would be refused by the KMS's own replay
/// cache.
public enum KMSEndpoint {
    /// Serves until `socket`'s events end. `log` hears every datagram's fate. Requests are
    /// shared among `workers` (one per core by default): a private-key extraction takes
    /// milliseconds of one core, so a KMS serving a classroom keeps every core busy. A
    /// user's requests always reach the same worker, whose replay cache and answers
    /// remember them.
    public static func serve(_ realm: Realm, on socket: UDPSocket, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                             log: @escaping NetLog) async throws(NetworkError) {
        let kms = try realm.kms(), psks = try realm.psks(), grants = realm.grants
        let profile = IBAKEProfile(parameterSet: realm.parameterSet)
        let queues = (0..<max(1, workers)).map { _ in AsyncStream.makeStream(of: (bytes: [UInt8], sender: SocketAddress).self) }
        log(NetEvent("listening", [("party", "kms"), ("address", socket.localAddress.hostAndPort), ("params", realm.parameterSet.name),
                                   ("workers", "\(queues.count)")]))
        await withTaskGroup(of: Void.self) { group in
            for (requests, _) in queues {
                group.addTask {
                    let server = KMSServer(profile: profile, kms: kms, uri: realm.description.kms, psks: psks, grants: grants,
                                           replayCache: ReplayCache(), clock: SystemClock())
                    var answered = AnswerCache()
                    for await (bytes, sender) in requests {
                        await answer(bytes, from: sender, server: server, answered: &answered, socket: socket, log: log)
                    }
                }
            }
            for await event in socket.events {
                if case .reopened(let reason) = event { log(.reopened(reason)) }
                guard case .datagram(let bytes, let sender) = event else { continue }
                let worker = Int(HashFunction.sha256.digest(Array(requester(bytes).utf8))[0]) % queues.count
                queues[worker].continuation.yield((bytes, sender))
            }
            for (_, continuation) in queues { continuation.finish() }
        }
    }

    /// One request: the same answer again when it came before, else the checks and a
    /// fresh answer, or the reason it is dropped.
    private static func answer(_ bytes: [UInt8], from sender: SocketAddress, server: KMSServer, answered: inout AnswerCache,
                               socket: UDPSocket, log: NetLog) async {
        if let again = answered.answer(to: bytes) {
            await socket.send(again, to: sender)
            log(NetEvent("resent", [("message", "REQUEST_KEY_RESP"), ("to", sender.hostAndPort), ("why", "the request came again")]))
            return
        }
        do {
            let record = try server.makeRequestKeyResp(answering: bytes)
            answered.keep(record.message, answering: bytes)
            await socket.send(record.message, to: sender)
            log(NetEvent("provisioned", [("identity", requester(bytes)), ("to", sender.hostAndPort), ("octets", "\(record.message.count)")],
                         step: .served(request: bytes, answer: record, to: sender.hostAndPort)))
        } catch {
            log(.dropped(bytes, from: sender, check: error.check, reason: error.reason, reply: error.errorMessage))
            if let reply = error.errorMessage { await socket.send(reply, to: sender) }
        }
    }

    /// The identity a REQUEST_KEY asks for, as its clear IDRi says.
    static func requester(_ bytes: [UInt8]) -> String {
        MIKEYMessage.clearIdentity(bytes, .initiator)
    }
}

/// The answers a party sent, by the request they answered, so a request sent again (its
/// answer lost) gets the same answer. Bounded: the oldest go first.
struct AnswerCache {
    private var answers: [[UInt8]: [UInt8]] = [:]
    private var order: [[UInt8]] = []
    private let capacity = 1024

    func answer(to request: [UInt8]) -> [UInt8]? { answers[HashFunction.sha256.digest(request)] }

    mutating func keep(_ answer: [UInt8], answering request: [UInt8]) {
        let key = HashFunction.sha256.digest(request)
        if answers.updateValue(answer, forKey: key) == nil { order.append(key) }
        if order.count > capacity { answers[order.removeFirst()] = nil }
    }
}
