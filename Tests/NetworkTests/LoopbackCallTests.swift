import Foundation
import IBE
import Network
import NIOCore
import Primitives
import Scenarios
import Synchronization
import Testing

/// Calls between parties on real UDP sockets on the loopback interface, in one process:
/// the KMS, phones and a caller each on a socket of its own, as `net kms`, `net phone` and
/// `net call` run them (CLITests runs them as separate processes).
@Suite struct LoopbackCallTests {
    static let alice = "sip:alice@ims.example", bob = "sip:bob@ims.example", carol = "sip:carol@ims.example"
    static let voicemail = "sip:voicemail@ims.example"
    /// Bob's devices, as the in-process forking scenario names them (device 1, 2, 3).
    static let devices = ["sip:bob-phone@ims.example", "sip:bob-laptop@ims.example", "sip:bob-tablet@ims.example"]

    static func realm() throws -> Realm {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)")
        return try Realm.create(at: directory, users: [alice, bob, carol, voicemail] + devices, common: [bob: devices],
                                parameterSet: try ParameterSet.named("toy"), using: HMACDRBG(seed: 14))
    }

    /// The in-process run of `scenario` with `seed`: the initiator's K_SESSION digest and
    /// the TGK of the party that answered, as a `keys` event writes them.
    static func inProcessKeys(_ scenario: ScenarioName, seed: UInt64, answeredBy party: PartyID) throws -> (kSession: String, tgk: String) {
        let run = try Scenario.build(scenario, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: seed))
        let kSession = try #require(run.finalLedger?[.initiator]?.value(.sessionKey)?.octets)
        let tgk = try #require(run.finalLedger?[party]?.value(.tgk)?.octets)
        return (Hex.encode(HashFunction.sha256.digest(kSession)), Hex.encode(tgk))
    }

    /// A KMS for `realm` on a socket of its own.
    static func kms(_ realm: Realm) async throws -> (SocketAddress, Task<Void, Error>) {
        try await start { try await KMSEndpoint.serve(realm, on: $0, workers: 1, log: { _ in }) }
    }

    /// Events a party logged, kept for the test to read.
    final class Recorder: Sendable {
        private let events = Mutex<[NetEvent]>([])
        var log: NetLog { { event in self.events.withLock { $0.append(event) } } }
        var all: [NetEvent] { events.withLock { $0 } }
        /// Waits until the party logged `listening` (up to 10 s).
        func listening() async throws {
            for _ in 0..<400 where !all.contains(where: { $0.event == "listening" }) {
                try await Task.sleep(for: .milliseconds(25))
            }
        }
        func keys() -> [String: String]? { all.last { $0.event == "keys" }.map { Dictionary(uniqueKeysWithValues: $0.fields) } }
    }

    /// Starts `body` on a socket of its own; returns the socket's address and the task to
    /// cancel when the test is done.
    static func start(_ body: @escaping @Sendable (UDPSocket) async throws -> Void) async throws -> (SocketAddress, Task<Void, Error>) {
        let (addresses, bound) = AsyncStream.makeStream(of: SocketAddress.self)
        let task = Task {
            try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
                bound.yield(socket.localAddress)
                bound.finish()
                try await body(socket)
            }
        }
        for await address in addresses { return (address, task) }
        throw NetworkError("the endpoint did not bind")
    }

    /// A call from Alice to Bob's `devices` phones through `relay` (between the caller and
    /// the first phone) if any; returns the caller's keys event and each phone's.
    static func call(devices: Int = 1, via relay: (@Sendable (UDPSocket, SocketAddress) async throws -> Void)? = nil,
                     noise: Bool = false, seed: UInt64? = nil) async throws -> (caller: [String: String], phones: [[String: String]?]) {
        let realm = try realm()
        let phones = (0..<devices).map { _ in Recorder() }
        let caller = Recorder()
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask) = try await start { try await KMSEndpoint.serve(realm, on: $0, log: { _ in }) }
        tasks.append(kmsTask)
        var addresses = [SocketAddress]()
        for phone in phones {
            let (address, task) = try await start { socket in
                try await PhoneEndpoint.serve(identity: bob, realm: realm, kms: kms, on: socket, seed: seed, log: phone.log)
            }
            addresses.append(address)
            tasks.append(task)
        }
        if noise { try await flood(addresses + [kms]) }
        if let relay {
            let phone = addresses[0]
            let (address, task) = try await start { socket in try await relay(socket, phone) }
            addresses = [address]
            tasks.append(task)
        }
        let call = CallerEndpoint.Call(identity: alice, to: bob, devices: addresses, kms: kms)
        let keys = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, seed: seed, log: caller.log).keys
        }
        #expect(!keys.kSession.isEmpty)
        // The winning phone logs its keys as it sends R_MESSAGE_2, before the caller has them.
        try await Task.sleep(for: .milliseconds(100))
        return (try #require(caller.keys()), phones.map { $0.keys() })
    }

    /// Random datagrams to every endpoint: none may stop it.
    static func flood(_ targets: [SocketAddress]) async throws {
        let random = HMACDRBG(seed: 99)
        try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            for index in 0..<300 {
                let length = Int(random.bytes(1)[0]) + 1
                var junk = random.bytes(length)
                // Some look like MIKEY (version 1, an IBAKE data type) to reach the deeper checks.
                if index % 3 == 0, junk.count > 2 { junk[0] = 1; junk[1] = UInt8(22 + index % 4) }
                await socket.send(junk, to: targets[index % targets.count])
            }
        }
    }

    @Test("a call on loopback: both ends log the same K_SESSION digest, TGK and SRTP key and salt")
    func basic() async throws {
        let (caller, phones) = try await Self.call()
        let phone = try #require(phones[0])
        #expect(caller["peer"] == Self.bob && phone["peer"] == Self.alice)
        for field in ["k_session_sha256", "tgk", "srtp_key", "srtp_salt"] {
            #expect(caller[field] != nil && caller[field] == phone[field], "\(field)")
        }
    }

    @Test("seeded, a call between sockets agrees the keys the in-process basic run computes with that seed")
    func seededLikeInProcess() async throws {
        for seed: UInt64 in [3, 4] {
            let run = try Scenario.build(.basic, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: seed))
            let kSession = try #require(run.finalLedger?[.initiator]?.value(.sessionKey)?.octets)
            let tgk = try #require(run.finalLedger?[.responder]?.value(.tgk)?.octets)
            let (caller, phones) = try await Self.call(seed: seed)
            #expect(caller["k_session_sha256"] == Hex.encode(HashFunction.sha256.digest(kSession)), "seed \(seed)")
            #expect(caller["tgk"] == Hex.encode(tgk) && phones[0]?["tgk"] == Hex.encode(tgk), "seed \(seed)")
        }
    }

    @Test("forked to three devices: the first answer wins, exactly that device holds the caller's keys")
    func forking() async throws {
        let (caller, phones) = try await Self.call(devices: 3)
        let agreeing = phones.filter { $0?["k_session_sha256"] == caller["k_session_sha256"] }
        #expect(agreeing.count == 1, "\(phones)")
    }

    @Test("forked to a phone and to a device no datagram can reach (another address family): the failed sends are logged, the socket stays open, the call completes")
    func unreachableDevice() async throws {
        let realm = try Self.realm()
        let (phone, caller) = (Recorder(), Recorder())
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask) = try await Self.start { try await KMSEndpoint.serve(realm, on: $0, log: { _ in }) }
        let (phoneAddress, phoneTask) = try await Self.start { socket in
            try await PhoneEndpoint.serve(identity: Self.bob, realm: realm, kms: kms, on: socket, log: phone.log)
        }
        tasks += [kmsTask, phoneTask]
        let nowhere = try SocketAddress(ipAddress: "::1", port: 9)
        let call = CallerEndpoint.Call(identity: Self.alice, to: Self.bob, devices: [nowhere, phoneAddress], kms: kms)
        let (_, peer) = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, log: caller.log)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(peer == Self.bob && caller.keys()?["tgk"] == phone.keys()?["tgk"])
        #expect(caller.all.contains { $0.event == "send-failed" && $0.fields.contains { $0.1.contains("[::1]:9") } })
    }

    @Test("with a fifth of the datagrams lost and the rest reordered, the call still completes, keys equal")
    func lossAndReordering() async throws {
        let (caller, phones) = try await Self.call(via: { socket, phone in try await LossyRelay.run(socket, to: phone, seed: 20) })
        #expect(caller["tgk"] != nil && caller["tgk"] == phones[0]?["tgk"])
    }

    @Test("retargeted: Bob's phone passes the call to Carol's; R_MESSAGE_1 names Carol, and she holds the caller's keys")
    func retargeting() async throws {
        let realm = try Self.realm()
        let (carolLog, bobLog, caller) = (Recorder(), Recorder(), Recorder())
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask) = try await Self.start { try await KMSEndpoint.serve(realm, on: $0, log: { _ in }) }
        let (carolAddress, carolTask) = try await Self.start { socket in
            try await PhoneEndpoint.serve(identity: Self.carol, realm: realm, kms: kms, on: socket, log: carolLog.log)
        }
        let forward = PhoneEndpoint.Forwarding(uri: Self.carol, address: carolAddress)
        let (bobAddress, bobTask) = try await Self.start { socket in
            try await PhoneEndpoint.serve(identity: Self.bob, realm: realm, kms: kms, on: socket, forward: forward, log: bobLog.log)
        }
        tasks += [kmsTask, carolTask, bobTask]
        // A message to leave: Carol's phone is no mailbox, so it declines the content at once
        // (the caller would otherwise wait out its patience, here cut short).
        let call = CallerEndpoint.Call(identity: Self.alice, to: Self.bob, devices: [bobAddress], kms: kms, message: "for Bob only")
        var patience = Retransmission()
        patience.patience = .seconds(5)
        let (keys, peer) = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, retransmission: patience, log: caller.log)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(peer == Self.carol, "the caller sees who answered")
        #expect(carolLog.keys()?["k_session_sha256"] == caller.keys()?["k_session_sha256"] && !keys.tgk.isEmpty)
        #expect(bobLog.all.contains { $0.event == "retargeted" } && bobLog.keys() == nil, "Bob's phone took no call")
        #expect(caller.all.last?.event == "no-message-left" && caller.all.contains { $0.event == "keys" },
                "\(caller.all.map(\.event))")
    }

    @Test("seeded, forked to Bob's phone, laptop and tablet (each its own identity and the common key): the laptop, ringing least, answers with its identity, and the keys are the in-process forking run's")
    func forkingLikeInProcess() async throws {
        let seed: UInt64 = 6
        let realm = try Self.realm()
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask) = try await Self.kms(realm)
        tasks.append(kmsTask)
        let rings: [Duration] = [.seconds(2), .zero, .seconds(2)]
        let logs = Self.devices.map { _ in Recorder() }
        var addresses = [SocketAddress]()
        for (index, device) in Self.devices.enumerated() {
            let (address, task) = try await Self.start { socket in
                try await PhoneEndpoint.serve(identity: device, realm: realm, kms: kms, on: socket, common: Self.bob, ring: rings[index],
                                              seed: seed, log: logs[index].log)
            }
            addresses.append(address)
            tasks.append(task)
        }
        // Every device has its keys before the call, as phones in a classroom do: on a busy
        // machine a device still fetching would drop the first I_MESSAGE_1 and, the call
        // taken before it came again, never hear of it.
        for log in logs { try await log.listening() }
        let caller = Recorder()
        let call = CallerEndpoint.Call(identity: Self.alice, to: Self.bob, devices: addresses, kms: kms)
        let (_, peer) = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, seed: seed, log: caller.log)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(peer == Self.devices[1], "the laptop answers with its own identity")
        let expected = try Self.inProcessKeys(.forking, seed: seed, answeredBy: .device(2))
        #expect(caller.keys()?["k_session_sha256"] == expected.kSession && caller.keys()?["tgk"] == expected.tgk)
        #expect(logs[1].keys()?["tgk"] == expected.tgk)
        // Each device fetched both keys in one request; the two that rang longer never answered.
        for log in logs {
            #expect(Set(log.all.filter { $0.event == "provisioned" }.compactMap { Dictionary(uniqueKeysWithValues: $0.fields)["identity"] })
                    .contains(Self.bob))
        }
        for index in [0, 2] {
            #expect(logs[index].all.contains { $0.event == "taken-elsewhere" } && logs[index].keys() == nil, "\(Self.devices[index])")
            #expect(!logs[index].all.contains { $0.event == "ringing" }, "\(Self.devices[index]) sent no R_MESSAGE_1")
        }
    }

    @Test("seeded, retargeted to Carol: the keys are the in-process retargeting run's")
    func retargetingLikeInProcess() async throws {
        let seed: UInt64 = 8
        let realm = try Self.realm()
        let (carolLog, caller) = (Recorder(), Recorder())
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask) = try await Self.kms(realm)
        let (carolAddress, carolTask) = try await Self.start { socket in
            try await PhoneEndpoint.serve(identity: Self.carol, realm: realm, kms: kms, on: socket, seed: seed, log: carolLog.log)
        }
        let forward = PhoneEndpoint.Forwarding(uri: Self.carol, address: carolAddress)
        let (bobAddress, bobTask) = try await Self.start { socket in
            try await PhoneEndpoint.serve(identity: Self.bob, realm: realm, kms: kms, on: socket, forward: forward, log: { _ in })
        }
        tasks += [kmsTask, carolTask, bobTask]
        let call = CallerEndpoint.Call(identity: Self.alice, to: Self.bob, devices: [bobAddress], kms: kms)
        _ = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, seed: seed, log: caller.log)
        }
        try await Task.sleep(for: .milliseconds(100))
        let expected = try Self.inProcessKeys(.retargeting, seed: seed, answeredBy: .targetC)
        #expect(caller.keys()?["k_session_sha256"] == expected.kSession && caller.keys()?["tgk"] == expected.tgk)
        #expect(carolLog.keys()?["tgk"] == expected.tgk)
    }

    @Test("seeded, deferred: the mailbox agrees the in-process deferred run's keys, keeps the ESK and the content, and Bob's pickup reads the exact message")
    func deferredLikeInProcess() async throws {
        let seed: UInt64 = 9
        let message = "Voicemail for Bob: the lab moved to room 2.14, bring the capture."
        let realm = try Self.realm()
        let (mailLog, caller, bobLog) = (Recorder(), Recorder(), Recorder())
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask) = try await Self.kms(realm)
        let (mailbox, mailTask) = try await Self.start { socket in
            try await PhoneEndpoint.serve(identity: Self.voicemail, realm: realm, kms: kms, on: socket, mailbox: true, seed: seed,
                                          log: mailLog.log)
        }
        tasks += [kmsTask, mailTask]
        let call = CallerEndpoint.Call(identity: Self.alice, to: Self.bob, devices: [mailbox], kms: kms, message: message)
        _ = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, seed: seed, log: caller.log)
        }
        let expected = try Self.inProcessKeys(.deferred, seed: seed, answeredBy: .mailbox)
        #expect(caller.keys()?["k_session_sha256"] == expected.kSession && mailLog.keys()?["tgk"] == expected.tgk)
        #expect(caller.all.last?.event == "content-left", "the caller ends when the mailbox has kept the content")
        #expect(mailLog.all.contains { $0.event == "content-kept" })
        let pickup = PickupEndpoint.Pickup(identity: Self.bob, kms: kms, mailbox: mailbox)
        let read = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await PickupEndpoint.pickUp(pickup, realm: realm, on: socket, log: bobLog.log)
        }
        #expect(read == [PickupEndpoint.Content(caller: Self.alice, text: message)])
        #expect(bobLog.all.last == NetEvent("content", [("from", Self.alice), ("for", Self.bob), ("text", message)]))
        // Carol asks too: nothing is held for her, and she reads nothing.
        let nothing = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await PickupEndpoint.pickUp(PickupEndpoint.Pickup(identity: Self.carol, kms: kms, mailbox: mailbox), realm: realm,
                                            on: socket, log: { _ in })
        }
        #expect(nothing.isEmpty)
    }

    @Test("after a flood of random datagrams at the KMS and the phone, both still serve a call")
    func flood() async throws {
        let (caller, phones) = try await Self.call(noise: true)
        #expect(caller["srtp_key"] != nil && caller["srtp_key"] == phones[0]?["srtp_key"])
    }
}

/// Stands between a caller and a phone: the first datagram is lost, each later one with
/// probability 1/5, the rest held 0-40 ms, so some overtake others (netem's loss and
/// reordering, in-process): the call completes only if lost messages are sent again.
enum LossyRelay {
    static func run(_ socket: UDPSocket, to phone: SocketAddress, seed: UInt64) async throws {
        let random = HMACDRBG(seed: seed)
        var caller: SocketAddress?
        var relayed = 0
        await withTaskGroup(of: Void.self) { group in
            for await event in socket.events {
                guard case .datagram(let bytes, let sender) = event else { continue }
                let toPhone = sender != phone
                if toPhone { caller = sender }
                guard let destination = toPhone ? phone : caller else { continue }
                let draw = random.bytes(2)
                relayed += 1
                if relayed == 1 || draw[0] % 5 == 0 { continue }
                let delay = Duration.milliseconds(Int(draw[1]) % 40)
                group.addTask {
                    try? await Task.sleep(for: delay)
                    await socket.send(bytes, to: destination)
                }
            }
        }
    }
}
