import IBAKE
import MIKEY
import NIOCore
import Primitives

/// `mikey-ibake net call`: fetch the caller's key, then call `to` at one or more devices
/// (several: the call forks, RFC 6267 §3.1). I_MESSAGE_1 goes to every device; the first
/// R_MESSAGE_1 that passes the checks wins, the other devices are told the call was taken,
/// and the exchange ends with that device (RFC 6267 §4.2.2). With a `message`, a call that
/// another identity answered (a mailbox) leaves it for the identity called: an ESK with SK
/// for that identity in I_MESSAGE_2, then the content under SK in a lab record
/// (RFC 6267 §3.3, §7.5; PROFILE D12).
public enum CallerEndpoint {
    public struct Call: Sendable {
        public let identity: String
        public let to: String
        public let devices: [SocketAddress]
        public let kms: SocketAddress
        /// Content to leave when the identity called does not answer itself.
        public let message: String?

        public init(identity: String, to: String, devices: [SocketAddress], kms: SocketAddress, message: String? = nil) {
            self.identity = identity
            self.to = to
            self.devices = devices
            self.kms = kms
            self.message = message
        }
    }

    /// Runs the call; returns the keys agreed and the identity that answered.
    /// With `seed`, the caller draws from the stream a seeded in-process run gives the same
    /// identity (PROFILE D15), so the call's keys are those of that run.
    public static func call(_ call: Call, realm: Realm, on socket: UDPSocket, seed: UInt64? = nil,
                            retransmission: Retransmission = Retransmission(),
                            log: @escaping NetLog) async throws(NetworkError) -> (keys: SessionKeys, peer: String) {
        let random: RandomSource = seed.map { HMACDRBG(seed: $0, party: call.identity) } ?? SystemRandom()
        guard !call.devices.isEmpty else { throw NetworkError("net call: give the callee's device with --at HOST:PORT") }
        let entry = try await KeyFetch.key(for: call.identity, realm: realm, kms: call.kms, on: socket, keyName: .initiatorPrivateKey,
                                           random: random, retransmission: retransmission, log: log)
        var ring = KeyRing(ownURI: call.identity)
        ring.add(entry.key, for: entry.identity)
        let initiator = Initiator(profile: IBAKEProfile(parameterSet: realm.parameterSet), keys: ring,
                                  kmsParameters: realm.publicParameters, target: call.to, random: random, clock: SystemClock())
        let first: StepRecord
        do {
            first = try initiator.makeIMessage1()
        } catch {
            throw NetworkError("cannot make I_MESSAGE_1 to \(call.to): \(error)")
        }
        guard let (_, csbID) = MIKEYMessage.kindAndSession(first.message) else { throw NetworkError("I_MESSAGE_1 does not decode") }
        var progress = Progress(call: call, initiator: initiator, csbID: csbID, random: random, socket: socket, log: log,
                                retransmission: retransmission, pending: PendingSend(first, to: call.devices, retransmission: retransmission))
        await progress.pending.send(on: socket, log: log)
        for await event in socket.events {
            switch event {
            case .datagram(let bytes, let sender):
                if let over = await progress.receive(bytes, from: sender) { return over }
            case .tick, .closed, .reopened:
                try await progress.pending.waiting(event, on: socket, log: log, during: "during the call")
            }
        }
        throw NetworkError("the socket closed during the call")
    }

    /// A call under way, I_MESSAGE_1 sent: what the caller does with each datagram, and
    /// what it waits for an answer to.
    private struct Progress {
        let call: Call
        let initiator: Initiator
        let csbID: UInt32
        let random: RandomSource
        let socket: UDPSocket
        let log: NetLog
        let retransmission: Retransmission
        var pending: PendingSend
        /// The device whose R_MESSAGE_1 won.
        var answering: SocketAddress?
        /// The keys, once agreed, while content left with a mailbox awaits its answer.
        var agreed: (keys: SessionKeys, peer: String)?
        /// SK for the identity called, when the call leaves it a message.
        var deposit: SecretKeyDeposit?

        /// Handles `bytes` from `sender`; returns the keys and the peer once the call is over.
        mutating func receive(_ bytes: [UInt8], from sender: SocketAddress) async -> (keys: SessionKeys, peer: String)? {
            guard call.devices.contains(sender) else {
                log(.dropped(bytes, from: sender, check: .session, reason: "not a device of this call"))
                return nil
            }
            if let agreed, let record = CallRecord(bytes), record.csbID == csbID,
               let over = contentAnswered(record, from: sender, agreed: agreed) {
                return over
            }
            guard let (type, session) = MIKEYMessage.kindAndSession(bytes), session == csbID else {
                log(.dropped(bytes, from: sender, check: .session, reason: "not a MIKEY message of this call (CSB ID \(Hex.word(csbID)))"))
                return nil
            }
            if type == .rMessage1, let winner = answering, winner != sender {
                log(NetEvent("too-late", [("from", sender.hostAndPort), ("reason", "the call was answered by \(winner)")]))
                await socket.send(CallRecord.taken(csbID: csbID).octets, to: sender)
                return nil
            }
            // The answer to a message left came after the keys: R_MESSAGE_2 again is no news.
            if agreed != nil { return nil }
            do throws(IBAKEFailure) {
                if answering == nil {
                    try await answered(bytes, from: sender)
                    return nil
                }
                return try await verified(bytes, from: sender)
            } catch {
                log(.dropped(bytes, from: sender, check: error.check, reason: error.reason, message: type.name))
                return nil
            }
        }

        /// The first R_MESSAGE_1 that passes the checks: the other devices are told the
        /// call was taken, and I_MESSAGE_2 goes to this one.
        private mutating func answered(_ bytes: [UInt8], from sender: SocketAddress) async throws(IBAKEFailure) {
            let record = try initiator.receiveRMessage1(bytes)
            answering = sender
            log(NetEvent("answered", [("by", initiator.answeredURI ?? "?"), ("device", sender.hostAndPort)],
                         step: .received(record, from: sender.hostAndPort)))
            for other in call.devices where other != sender {
                await socket.send(CallRecord.taken(csbID: csbID).octets, to: other)
            }
            // A message is left only with another identity: SK from this caller's stream,
            // drawn where the initiator would draw it itself (PROFILE D15).
            if call.message != nil, initiator.answeredURI != call.to {
                deposit = SecretKeyDeposit(intendedURI: call.to, secretKey: random.bytes(IBAKEProfile.secretKeyLength))
            }
            pending = PendingSend(try initiator.makeIMessage2(deposit: deposit), to: sender, retransmission: retransmission)
            await pending.send(on: socket, log: log)
        }

        /// R_MESSAGE_2 verified: the keys; and with a message to leave, its content goes
        /// to the mailbox, whose answer ends the call.
        private mutating func verified(_ bytes: [UInt8], from sender: SocketAddress) async throws(IBAKEFailure)
            -> (keys: SessionKeys, peer: String)? {
            let record = try initiator.receiveRMessage2(bytes)
            log(NetEvent("verified", [("message", record.kind.name), ("from", sender.hostAndPort)],
                         step: .received(record, from: sender.hostAndPort)))
            guard let keys = initiator.sessionKeys else { throw IBAKEFailure(.verificationMAC, "no keys after R_MESSAGE_2") }
            let peer = initiator.answeredURI ?? call.to
            log(NetEvent.keys(keys, peer: peer))
            guard let message = call.message else { return (keys, peer) }
            guard let deposit else {
                log(NetEvent("no-message-left", [("reason", "\(peer) answered: the identity called, in person")]))
                return (keys, peer)
            }
            agreed = (keys, peer)
            let content = Array(message.utf8)
            let left = CallRecord.deposit(csbID: csbID, content: try CallerEndpoint.contentCipher(deposit.secretKey, content))
            pending = PendingSend(left, name: "content", learned: [LearnedValue(.secretKey, deposit.secretKey, .generated),
                                                                  LearnedValue(.content, content, .created)],
                                  to: [sender], retransmission: retransmission)
            await pending.send(on: socket, log: log)
            return nil
        }

        /// The mailbox's answer to the content left: kept, or declined by a phone that is
        /// no mailbox. Either ends the call.
        private func contentAnswered(_ record: CallRecord, from sender: SocketAddress,
                                     agreed: (keys: SessionKeys, peer: String)) -> (keys: SessionKeys, peer: String)? {
            let step = NetStep.receivedRecord(record.lab, from: sender.hostAndPort, learned: [])
            switch record {
            case .kept:
                log(NetEvent("content-left", [("for", call.to), ("with", agreed.peer), ("csb_id", Hex.word(csbID))], step: step))
                return agreed
            case .declined:
                log(NetEvent("no-message-left", [("reason", "\(agreed.peer) keeps no content for others: it is no mailbox")], step: step))
                return agreed
            default:
                return nil
            }
        }
    }

    /// Content under SK, or read with it (AES-128-CM from counter zero, PROFILE D12).
    static func contentCipher(_ secretKey: [UInt8], _ content: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        do {
            return try SecretKeyDeposit.applyContentCipher(secretKey: secretKey, to: content)
        } catch {
            throw IBAKEFailure(.decryption, "AES-128-CM under SK: \(error)")
        }
    }
}
