import Demonstrator
import Foundation
import IBAKE
import Network
import NIOCore
import Primitives
import Scenarios
import Synchronization
import Testing
import TUI

/// A network party's own screen (`mikey-ibake net` on a terminal, issue 14): a real call
/// on loopback sockets, each party's events fed to its ``LiveParty`` as the command does,
/// and what each screen then holds: its own pane only, the wire as it saw it, the values
/// its role computed, the same keys at both ends.
@Suite("Demonstrator: a network party's screen")
struct LivePartyTests {
    static let alice = "sip:alice@ims.example", bob = "sip:bob@ims.example"

    /// The screens of the KMS, Bob's phone and Alice after one call (and, with `junk`,
    /// a datagram that is not MIKEY sent to the phone first).
    static func call(junk: Bool = false) async throws -> (caller: ScenarioModel, phone: ScenarioModel, kms: ScenarioModel,
                                                           events: [NetEvent], realm: Realm) {
        let realm = try Fixtures.realm()
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kmsAddress, kmsTask, kmsParty) = try await start { _ in
            try LiveParty(identity: realm.description.kms, role: .kms, realm: realm, kmsAddress: nil, seed: nil)
        } serving: { socket, log in try await KMSEndpoint.serve(realm, on: socket, log: log) }
        tasks.append(kmsTask)
        let (phoneAddress, phoneTask, phoneParty) = try await start { _ in
            try LiveParty(identity: bob, role: .phone, realm: realm, kmsAddress: kmsAddress.hostAndPort, seed: 3)
        } serving: { socket, log in
            try await PhoneEndpoint.serve(identity: bob, realm: realm, kms: kmsAddress, on: socket, seed: 3, calls: 1, log: log)
        }
        tasks.append(phoneTask)
        try await Self.listening(phoneParty)
        if junk {
            _ = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
                await socket.send(Array("not MIKEY at all".utf8), to: phoneAddress)
            }
        }
        let caller = try LiveParty(identity: alice, role: .caller(to: bob, devices: [phoneAddress.hostAndPort]), realm: realm,
                                   kmsAddress: kmsAddress.hostAndPort, seed: 3)
        let call = CallerEndpoint.Call(identity: alice, to: bob, devices: [phoneAddress], kms: kmsAddress)
        let events = Mutex<[NetEvent]>([])
        _ = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, seed: 3, log: { event in
                events.withLock { $0.append(event) }
                _ = caller.record(event)
            })
        }
        // The phone logs its keys as it sends R_MESSAGE_2, before the caller has them; it
        // stops after one call.
        try await phoneTask.value
        return (caller.model, phoneParty.model, kmsParty.model, events.withLock { $0 }, realm)
    }

    /// Starts a party on a loopback socket of its own, its events recorded by the screen
    /// `party` makes; returns its address, its task and the screen.
    static func start(_ party: @escaping @Sendable (SocketAddress) throws -> LiveParty,
                      serving body: @escaping @Sendable (UDPSocket, @escaping NetLog) async throws -> Void)
        async throws -> (SocketAddress, Task<Void, Error>, LiveParty) {
        let (bound, continuation) = AsyncStream.makeStream(of: (SocketAddress, LiveParty).self)
        let task = Task {
            try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
                let screen = try party(socket.localAddress)
                continuation.yield((socket.localAddress, screen))
                continuation.finish()
                try await body(socket) { _ = screen.record($0) }
            }
        }
        for await (address, screen) in bound { return (address, task, screen) }
        throw NetworkError("the endpoint did not bind")
    }

    /// Waits until `phone` has its key and listens (its screen says so), so a call's first
    /// message is not refused for coming early on a busy machine.
    static func listening(_ phone: LiveParty) async throws {
        for _ in 0..<400 {
            if phone.model.timeline.steps.contains(where: { $0.title.hasPrefix("R listens on") }) { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("the phone did not listen within 10 s")
    }

    static func value(_ model: ScenarioModel, _ party: PartyID, _ name: ValueName) -> [UInt8]? {
        model.timeline.finalLedger?[party]?.value(name)?.octets
    }

    @Test("after a real call, the caller's and the phone's screens hold the same abP and keys, each party its own values only")
    func sameKeys() async throws {
        let (caller, phone, _, _, _) = try await Self.call()
        let abP = try #require(Self.value(caller, .initiator, .abP))
        #expect(Self.value(phone, .responder, .abP) == abP)
        for name: ValueName in [.sessionKey, .tgk, .srtpMasterKey, .srtpMasterSalt] {
            #expect(Self.value(caller, .initiator, name) != nil && Self.value(caller, .initiator, name) == Self.value(phone, .responder, name),
                    "\(name)")
        }
        #expect(caller.paneParties.map(\.id) == [.initiator] && phone.paneParties.map(\.id) == [.responder])
        #expect(Self.value(caller, .initiator, .b) == nil && Self.value(phone, .responder, .a) == nil, "b and a never cross")
        let bP = try #require(Self.value(caller, .initiator, .bP))
        #expect(Self.value(phone, .responder, .bP) == bP, "the bP the caller learned is the phone's")
        // The keys step quotes the digest the peer's --plain line prints.
        let keys = try #require(caller.timeline.steps.last)
        let digest = Hex.encode(HashFunction.sha256.digest(try #require(Self.value(caller, .initiator, .sessionKey))))
        #expect(keys.title == "keys agreed with \(Self.bob)" && keys.narration.contains(String(digest.prefix(16))))
    }

    @Test("each screen's wire is the messages its party sent and received, in order, with their senders")
    func wire() async throws {
        let (caller, phone, kms, _, _) = try await Self.call()
        func messages(_ model: ScenarioModel) -> [String] {
            model.timeline.steps.compactMap { step in step.message.map { "\(model.tag($0.from))>\(model.tag($0.to)) \($0.kind)" } }
        }
        #expect(messages(caller) == ["I>KMS REQUEST_KEY_PSK", "KMS>I REQUEST_KEY_RESP", "I>R I_MESSAGE_1", "R>I R_MESSAGE_1",
                                     "I>R I_MESSAGE_2", "R>I R_MESSAGE_2"])
        #expect(messages(phone) == ["R>KMS REQUEST_KEY_PSK", "KMS>R REQUEST_KEY_RESP", "I>R I_MESSAGE_1", "R>I R_MESSAGE_1",
                                    "I>R I_MESSAGE_2", "R>I R_MESSAGE_2"])
        #expect(Set(messages(kms)) == ["U1>KMS REQUEST_KEY_PSK", "KMS>U1 REQUEST_KEY_RESP", "U2>KMS REQUEST_KEY_PSK", "KMS>U2 REQUEST_KEY_RESP"])
        #expect(Self.value(kms, .kms, .masterSecret) != nil && Self.value(caller, .initiator, .masterSecret) == nil)
        // The octets on the caller's wire are the phone's, byte for byte.
        let sentByPhone = phone.timeline.steps.compactMap { $0.message }.filter { $0.kind == .rMessage1 }.map(\.octets)
        let seenByCaller = caller.timeline.steps.compactMap { $0.message }.filter { $0.kind == .rMessage1 }.map(\.octets)
        #expect(!sentByPhone.isEmpty && sentByPhone == seenByCaller)
    }

    @Test("a datagram that is not MIKEY is a refusal on the phone's screen, with its check and reason, and the call goes on")
    func junk() async throws {
        let (_, phone, _, _, _) = try await Self.call(junk: true)
        // On a busy machine the caller's first I_MESSAGE_1 may come before the phone's key, and
        // be refused too: the junk's refusal is the one of its 16 octets.
        let refusal = try #require(phone.timeline.steps.first { $0.action == .refuse && $0.title.hasPrefix("R drops a datagram of 16 octets") })
        // Before its key is here the phone takes datagrams from the KMS alone; after, it parses them.
        #expect([IBAKECheck.parse, .session].contains(refusal.checks.first?.check) && refusal.checks.first?.passed == false)
        #expect(Self.value(phone, .responder, .tgk) != nil, "the call after it agreed keys")
    }

    @Test("the screen follows the newest step while at the last, stays where the user went back, and builds nothing")
    func following() async throws {
        let (_, _, _, events, realm) = try await Self.call()
        // The caller's events again, into a screen of its own: the models it showed as they came.
        let replay = try LiveParty(identity: Self.alice, role: .caller(to: Self.bob, devices: ["127.0.0.1:1"]), realm: realm,
                                   kmsAddress: "127.0.0.1:2", seed: 3)
        let models = [replay.model] + events.compactMap { replay.record($0) }
        #expect(models.count > 5 && models.map(\.stepCount) == models.map(\.stepCount).sorted())
        let key = BuildKey(models[0].scenario, models[0].config)
        var state = AppState(live: models[0], size: Size(width: 120, height: 40))
        #expect(state.step == 1 && state.wantedBuilds.isEmpty)
        state = AppUpdate.update(state, .built(key, .ready(models[1]))).state
        state = AppUpdate.update(state, .built(key, .ready(models[2]))).state
        #expect(state.step == models[2].stepCount, "at the last step: follows")
        state = AppUpdate.update(state, .key(.left)).state
        let back = state.step
        state = AppUpdate.update(state, .built(key, .ready(models[models.count - 1]))).state
        #expect(state.step == back && back < models[models.count - 1].stepCount, "went back: stays")
        for key: Character in ["s", "f", "r", "d", "m", "A"] {
            let after = AppUpdate.update(state, .key(.character(key))).state
            #expect(after.overlay == nil && after.scenario == state.scenario && after.wantedBuilds.isEmpty && after.branch == nil, "\(key)")
            #expect(after.notice?.contains("follows this party's real calls") == true, "\(key)")
        }
    }

    @Test("deferred: the caller's screen holds the SK and the content it left, the mailbox's neither, and the pickup's screen reads the message")
    func deferred() async throws {
        let mailboxURI = "sip:voicemail@ims.example", text = "The lab moved to 2.14."
        let realm = try Fixtures.realm(users: [Self.alice, Self.bob, mailboxURI])
        var tasks = [Task<Void, Error>]()
        defer { for task in tasks { task.cancel() } }
        let (kms, kmsTask, _) = try await Self.start { _ in
            try LiveParty(identity: realm.description.kms, role: .kms, realm: realm, kmsAddress: nil, seed: nil)
        } serving: { socket, log in try await KMSEndpoint.serve(realm, on: socket, log: log) }
        let (mailboxAddress, mailboxTask, mailbox) = try await Self.start { _ in
            try LiveParty(identity: mailboxURI, role: .phone, realm: realm, kmsAddress: kms.hostAndPort, seed: nil)
        } serving: { socket, log in
            try await PhoneEndpoint.serve(identity: mailboxURI, realm: realm, kms: kms, on: socket, mailbox: true, log: log)
        }
        tasks += [kmsTask, mailboxTask]
        try await Self.listening(mailbox)
        let caller = try LiveParty(identity: Self.alice, role: .caller(to: Self.bob, devices: [mailboxAddress.hostAndPort]), realm: realm,
                                   kmsAddress: kms.hostAndPort, seed: nil)
        let call = CallerEndpoint.Call(identity: Self.alice, to: Self.bob, devices: [mailboxAddress], kms: kms, message: text)
        _ = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await CallerEndpoint.call(call, realm: realm, on: socket, log: { _ = caller.record($0) })
        }
        let user = try LiveParty(identity: Self.bob, role: .pickup(from: mailboxAddress.hostAndPort), realm: realm,
                                 kmsAddress: kms.hostAndPort, seed: nil)
        let pickup = PickupEndpoint.Pickup(identity: Self.bob, kms: kms, mailbox: mailboxAddress)
        let read = try await DatagramEndpoint.run(host: "127.0.0.1", port: 0) { socket in
            try await PickupEndpoint.pickUp(pickup, realm: realm, on: socket, log: { _ = user.record($0) })
        }
        #expect(read.map(\.text) == [text])
        let content = Array(text.utf8)
        let sk = try #require(Self.value(caller.model, .initiator, .secretKey))
        #expect(Self.value(caller.model, .initiator, .content) == content)
        #expect(Self.value(user.model, .responder, .content) == content && Self.value(user.model, .responder, .secretKey) == sk,
                "the user reads what the caller left, under the caller's SK")
        #expect(Self.value(mailbox.model, .responder, .secretKey) == nil && Self.value(mailbox.model, .responder, .content) == nil,
                "the mailbox carried both and holds neither")
        let mailboxWire = mailbox.model.timeline.steps.compactMap(\.message).map(\.kind.name)
        #expect(mailboxWire.suffix(4) == ["DEPOSIT", "KEPT", "PICKUP", "HELD"], "\(mailboxWire)")
        let i2 = try #require(mailbox.model.timeline.steps.compactMap(\.message).first { $0.kind == .iMessage2 })
        #expect(i2.notation.hasSuffix("ESK(…)"), "the ESK the mailbox could not open: \(i2.notation)")
    }

    @Test("the caller's screen reads at 80x24 and 120x40: its title, its step, its pane")
    func legible() async throws {
        let (caller, _, _, _, _) = try await Self.call()
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let state = AppState(live: caller, size: size)
            let text = AppView.render(state, size: size, theme: .mono, glyphs: .unicode).plainText()
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == size.height && lines.allSatisfy { $0.count <= size.width }, "\(size)")
            let status = lines.last.map(String.init) ?? ""
            #expect(status.contains(" net call alice → bob · ") && status.contains("\(caller.stepCount)/\(caller.stepCount) · "),
                    "\(size): the status line names the party and the step\n\(status)")
            #expect(text.contains("keys agreed with \(Self.bob)"), "\(size)\n\(text)")
            #expect(text.contains("TGK") && !text.contains("Responder"), "\(size): the caller's pane alone\n\(text)")
        }
    }
}
