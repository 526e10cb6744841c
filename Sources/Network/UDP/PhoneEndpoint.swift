import IBAKE
import MIKEY
import NIOCore
import Primitives

/// `mikey-ibake net phone`: fetch the phone's key, then answer calls: I_MESSAGE_1 with
/// R_MESSAGE_1, I_MESSAGE_2 with R_MESSAGE_2 (RFC 6267 §4.2.2). A message sent again
/// because its answer was lost gets the same answer again; one that fails a check is
/// logged with the reason and dropped (or answered with the Error message the RFC has
/// the responder send), and the phone goes on serving.
public enum PhoneEndpoint {
    /// Where a phone that does not take calls sends them (retargeting, RFC 6267 §3.2): the
    /// identity that will answer, and its device.
    public struct Forwarding: Sendable {
        public let uri: String
        public let address: SocketAddress

        public init(uri: String, address: SocketAddress) {
            self.uri = uri
            self.address = address
        }
    }

    /// Answers until `socket`'s events end, or after `calls` calls agreed keys (tests).
    /// With `forward`, it takes no call: every message of a call goes on to that device and
    /// the answers come back through it, so the caller sees who answered in R_MESSAGE_1
    /// (PROFILE D13). As a `mailbox`, it answers calls for others and keeps what it cannot
    /// open, for its user to pick up (RFC 6267 §3.3; PROFILE D12). A device of a user with
    /// several holds the key of the user's `common` identity too, fetched in the same
    /// request (RFC 6267 §3.1; PROFILE D13); it `ring`s that long before it answers, and
    /// never answers a call another device took first.
    public static func serve(identity: String, realm: Realm, kms: SocketAddress, on socket: UDPSocket,
                             forward: Forwarding? = nil, mailbox: Bool = false, common: String? = nil, ring: Duration = .zero,
                             seed: UInt64? = nil, retransmission: Retransmission = Retransmission(), calls: Int? = nil,
                             log: NetLog) async throws(NetworkError) {
        // With a seed, the stream a seeded in-process run gives this identity (PROFILE D15).
        let random: RandomSource = seed.map { HMACDRBG(seed: $0, party: identity) } ?? SystemRandom()
        let others = common.map { [$0] } ?? []
        let entries = try await KeyFetch.keys(for: identity, also: others, realm: realm, kms: kms, on: socket,
                                              keyNames: [.responderPrivateKey] + others.map { _ in .commonPrivateKey },
                                              random: random, retransmission: retransmission, log: log)
        if let forward {
            return await relay(to: forward, on: socket, log: log)
        }
        // A phone answers many calls: P's table is built now, not during the first one.
        realm.publicParameters.prepareGeneratorMultiples()
        var keys = KeyRing(ownURI: identity)
        for entry in entries { keys.add(entry.key, for: entry.identity) }
        let profile = IBAKEProfile(parameterSet: realm.parameterSet)
        let replayCache = ReplayCache()
        var sessions = [UInt32: Session]()
        var ringing = [UInt32: Session]()
        var answers = AnswerCache()
        var box = Mailbox(keeps: mailbox)
        var agreed = 0
        log(NetEvent("listening", [("party", identity), ("address", socket.localAddress.hostAndPort)]))

        /// R_MESSAGE_1 for a call that rang long enough.
        func answer(_ session: Session) async throws(IBAKEFailure) {
            let answer = try session.responder.makeRMessage1()
            sessions[session.csbID] = session
            answers.keep(answer.message, answering: session.request)
            await socket.send(answer.message, to: session.peer)
            log(NetEvent("ringing", [("from", session.peer.hostAndPort), ("csb_id", Hex.word(session.csbID))],
                         step: .sent(answer, to: [session.peer.hostAndPort])))
        }

        for await event in socket.events {
            let bytes: [UInt8], sender: SocketAddress
            switch event {
            case .datagram(let octets, let from):
                (bytes, sender) = (octets, from)
            case .tick(let now):
                for (csbID, session) in ringing where session.answerAt <= now {
                    ringing[csbID] = nil
                    do {
                        try await answer(session)
                    } catch {
                        log(.dropped(session.request, from: session.peer, check: error.check, reason: error.reason,
                                     message: DataType.iMessage1.name))
                    }
                }
                continue
            case .closed:
                continue
            case .reopened(let reason):
                log(.reopened(reason))
                continue
            }
            if let record = CallRecord(bytes) {
                switch record {
                case .taken(let csbID):
                    if sessions.removeValue(forKey: csbID) != nil || ringing.removeValue(forKey: csbID) != nil {
                        log(NetEvent("taken-elsewhere", [("csb_id", Hex.word(csbID)), ("from", sender.hostAndPort)]))
                    }
                case .deposit, .pickup:
                    let (replies, event) = box.answer(record, from: sender)
                    for reply in replies { await socket.send(reply.octets, to: sender) }
                    if let event {
                        let to = [sender.hostAndPort]
                        let steps = [NetStep.receivedRecord(record.lab, from: sender.hostAndPort, learned: [])]
                            + replies.map { NetStep.sentRecord($0.lab, to: to, learned: []) }
                        log(NetEvent(event.event, event.fields, steps: steps))
                    }
                case .kept, .declined, .held:
                    log(NetEvent("dropped", [("from", sender.hostAndPort), ("reason", "a lab record this phone does not take")]))
                }
                continue
            }
            if let again = answers.answer(to: bytes) {
                await socket.send(again, to: sender)
                log(NetEvent("resent", [("to", sender.hostAndPort), ("why", "the message came again")]))
                continue
            }
            guard let (type, csbID) = MIKEYMessage.kindAndSession(bytes) else {
                log(.dropped(bytes, from: sender, check: .parse, reason: "not a MIKEY message"))
                continue
            }
            // The caller sends I_MESSAGE_1 again while the phone rings: it is answered when it has rung.
            if let call = ringing[csbID], call.request == bytes { continue }
            do throws(IBAKEFailure) {
                switch type {
                case .iMessage1:
                    let responder = Responder(profile: profile, keys: keys, kmsParameters: realm.publicParameters,
                                              replayCache: replayCache, random: random, clock: SystemClock())
                    let opened = try responder.receiveIMessage1(bytes)
                    log(NetEvent("received", [("message", type.name), ("from", sender.hostAndPort)], step: .received(opened, from: sender.hostAndPort)))
                    let session = Session(responder: responder, peer: sender, request: bytes, csbID: csbID,
                                          called: MIKEYMessage.clearIdentity(bytes, .responder), answerAt: ContinuousClock.now + ring)
                    if ring > .zero {
                        ringing[csbID] = session
                        log(NetEvent("incoming", [("from", sender.hostAndPort), ("csb_id", Hex.word(csbID)), ("ring", "\(ring)")]))
                    } else {
                        try await answer(session)
                    }
                case .iMessage2:
                    guard let session = sessions[csbID], session.peer == sender else {
                        throw IBAKEFailure(.session, "no call with CSB ID \(Hex.word(csbID)) from \(sender.hostAndPort) is under way")
                    }
                    let opened = try session.responder.receiveIMessage2(bytes)
                    log(NetEvent("received", [("message", type.name), ("from", sender.hostAndPort)], step: .received(opened, from: sender.hostAndPort)))
                    let answer = try session.responder.makeRMessage2()
                    answers.keep(answer.message, answering: bytes)
                    // Logged before the send: a caller that holds its keys finds the phone's logged too.
                    log(NetEvent("sent", [("message", answer.kind.name), ("to", sender.hostAndPort), ("octets", "\(answer.message.count)")],
                                 step: .sent(answer, to: [sender.hostAndPort])))
                    if mailbox {
                        log(NetEvent("deposit", [("held", "\(session.responder.heldDeposits.count)"),
                                                 ("why", "ESK layers for the user this mailbox answers for, which it cannot open")]))
                        if let esk = session.responder.heldDeposits.last {
                            box.expect(csbID, esk: esk, for: session.called, caller: MIKEYMessage.clearIdentity(bytes, .initiator), from: sender)
                        }
                    }
                    if let keys = session.responder.sessionKeys { log(NetEvent.keys(keys, peer: MIKEYMessage.clearIdentity(bytes, .initiator))) }
                    await socket.send(answer.message, to: sender)
                    sessions[csbID] = nil
                    agreed += 1
                    if let calls, agreed >= calls { return }
                default:
                    throw IBAKEFailure(.messageType, "\(type.name) is not a message a phone answers")
                }
            } catch {
                log(.dropped(bytes, from: sender, check: error.check, reason: error.reason, message: type.name, reply: error.errorMessage))
                if let reply = error.errorMessage { await socket.send(reply, to: sender) }
            }
        }
    }

    /// Retargeting: each call's messages go on to `forward`, its answers back to the caller.
    static func relay(to forward: Forwarding, on socket: UDPSocket, log: NetLog) async {
        var callers = [UInt32: SocketAddress]()
        log(NetEvent("listening", [("party", "forwarding to \(forward.uri)"), ("address", socket.localAddress.hostAndPort)]))
        for await event in socket.events {
            if case .reopened(let reason) = event { log(.reopened(reason)) }
            guard case .datagram(let bytes, let sender) = event else { continue }
            let session = MIKEYMessage.kindAndSession(bytes)?.1 ?? CallRecord(bytes)?.csbID
            guard let session else {
                log(.dropped(bytes, from: sender, check: .parse, reason: "not a MIKEY message"))
                continue
            }
            if sender == forward.address {
                guard let caller = callers[session] else { continue }
                await socket.send(bytes, to: caller)
                log(NetEvent("relayed", [("to", caller.hostAndPort), ("csb_id", Hex.word(session))]))
            } else {
                if callers.updateValue(sender, forKey: session) == nil {
                    log(NetEvent("retargeted", [("csb_id", Hex.word(session)), ("to", forward.uri), ("at", forward.address.hostAndPort)]))
                }
                await socket.send(bytes, to: forward.address)
            }
        }
    }

    /// A call under way: its responder role, the address it came from, the I_MESSAGE_1
    /// that opened it, the identity it called, and when the phone answers it.
    final class Session {
        let responder: Responder
        let peer: SocketAddress
        let request: [UInt8]
        let csbID: UInt32
        let called: String
        let answerAt: ContinuousClock.Instant

        init(responder: Responder, peer: SocketAddress, request: [UInt8], csbID: UInt32, called: String,
             answerAt: ContinuousClock.Instant) {
            self.responder = responder
            self.peer = peer
            self.request = request
            self.csbID = csbID
            self.called = called
            self.answerAt = answerAt
        }
    }
}
