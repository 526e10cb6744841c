import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Demonstrator
import IBE
import Network
import NIOCore
import Primitives
import Synchronization
import TerminalBackend

/// `mikey-ibake net`: each party in its own process, MIKEY over UDP (issue 14).
struct NetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "net",
        abstract: "Run each party as its own process: a KMS, phones and a caller exchanging MIKEY over UDP.",
        discussion: """
            `net init DIR --user URI ...` makes a realm (`--common URI=DEVICE,...` for a user with \
            several devices); `net kms DIR` serves REQUEST_KEY_PSK; `net phone DIR --identity URI` fetches \
            its key and answers calls (`--common URI` as a device, `--mailbox` as voicemail); `net call DIR \
            --identity URI --to URI --at HOST:PORT` calls (several --at fork the call; `--message TEXT` \
            leaves it with a mailbox); `net pickup DIR --identity URI --from HOST:PORT` reads what a mailbox \
            holds. MIKEY travels on UDP port \(Self.mikeyPort) unless told otherwise (PROFILE D20). \
            On a terminal each party opens the demonstrator for its own side (its pane, the wire as it \
            sees it, the inspector; q quits); --plain prints a line per event, --json a JSON object.
            """,
        subcommands: [NetInit.self, NetKMS.self, NetPhone.self, NetCall.self, NetPickup.self]
    )

    /// The MIKEY port (RFC 3830 §10: the IANA-registered UDP and TCP port).
    static let mikeyPort = 2269
}

/// How a network party reports: on a terminal, the demonstrator for its own side;
/// otherwise one line per event, or one JSON object per line.
struct NetOutput: ParsableArguments {
    @Flag(help: "One line per event (the default when the output is not a terminal, or TERM is dumb or unknown).") var plain = false
    @Flag(help: "One JSON object per line; the last, when keys are agreed: {\"event\":\"keys\",...}.") var json = false

    /// Runs a party's `work` on a UDP socket bound to `listen`: on the full screen
    /// following the party `screen` makes (made only then), or with its events printed as
    /// lines named `name`.
    func run(_ name: String, listen: Endpoint, screen: () throws -> LiveParty,
             work: @escaping @Sendable (UDPSocket, @escaping NetLog) async throws -> Void) throws {
        let bound: @Sendable (@escaping NetLog) async throws -> Void = { log in
            _ = try await DatagramEndpoint.run(host: listen.host, port: listen.port) { socket in try await work(socket, log) }
        }
        let environment = TerminalEnvironment.detect(options: TerminalOptions(noColor: false, ascii: false, plain: plain || json))
        let log = log(party: name)
        let plainRun = { try runNetwork { try await bound(log) } }
        guard !environment.isPlain else { return try plainRun() }
        let live: LiveParty
        do {
            live = try screen()
        } catch let error as NetworkError {
            throw CommandFailure.usage(error.description)
        }
        try NetScreen.run(live, environment: environment, plain: plainRun, work: bound)
    }

    func log(party: String) -> NetLog {
        let json = json
        return { event in
            // Written whole, unbuffered: a line per event even when piped to another program.
            FileHandle.standardOutput.write(Data(((json ? event.json : event.line(party: party)) + "\n").utf8))
        }
    }
}

/// A `HOST:PORT` on the command line, resolved to a socket address.
struct Endpoint: ExpressibleByArgument, Sendable {
    let host: String
    let port: Int

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"), let port = Int(argument[argument.index(after: colon)...]),
              (0...65535).contains(port), colon != argument.startIndex else { return nil }
        host = String(argument[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }

    static var defaultCompletionKind: CompletionKind { .default }

    func address() throws -> SocketAddress {
        do {
            return try SocketAddress.makeAddressResolvingHost(host, port: port)
        } catch {
            throw CommandFailure.usage("\(host):\(port): not an address this machine can resolve (\(error))")
        }
    }
}

/// Runs `work` to its end from a synchronous command: the network parties are async.
/// Ctrl-C, SIGTERM and SIGHUP end a party whatever started it: a parent may have left
/// them blocked or ignored (a test runner's threads block most signals, and a child
/// inherits that), and a server nobody can stop is a server left running.
func runNetwork(_ work: @escaping @Sendable () async throws -> Void) throws {
    var stopping = sigset_t()
    sigemptyset(&stopping)
    for signal in [SIGINT, SIGTERM, SIGHUP] {
        _ = Glibc.signal(signal, SIG_DFL)
        sigaddset(&stopping, signal)
    }
    pthread_sigmask(SIG_UNBLOCK, &stopping, nil)
    let done = DispatchSemaphore(value: 0)
    let failure = LockedError()
    Task {
        do { try await work() } catch { failure.set(error) }
        done.signal()
    }
    done.wait()
    if let error = failure.get() {
        if let failure = error as? CommandFailure { throw failure }
        throw CommandFailure.failed("\(error)")
    }
}

/// An error handed from the task to the waiting thread.
final class LockedError: Sendable {
    private let error = Mutex<(any Error)?>(nil)

    func set(_ error: any Error) { self.error.withLock { $0 = error } }
    func get() -> (any Error)? { error.withLock { $0 } }
}

struct NetInit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init",
                                                    abstract: "Make a realm: the KMS's master secret and one pre-shared key per user.")

    @Argument(help: "The realm's directory (created; an existing realm is not overwritten).") var directory: String
    @Option(name: .customLong("user"), help: "A user's URI (repeatable).") var users: [String] = []
    @Option(name: .customLong("common"),
            help: "A common identity and its devices, users the KMS grants its key too: URI=DEVICE,DEVICE... (repeatable; PROFILE D13).")
    var commons: [String] = []
    @Option(help: "Parameter set (PROFILE D4).") var params = ParameterSetName.default
    @Option(help: "Seed the realm's secrets, for a repeatable classroom set-up (PROFILE D15).", transform: WholeNumber.seed)
    var seed: UInt64?

    func run() throws {
        try reportingFailures {
            let random: RandomSource = seed.map { HMACDRBG(seed: $0) } ?? SystemRandom()
            let parameterSet = try params.load()
            var common = [String: [String]]()
            for text in commons {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
                    throw CommandFailure.usage("--common \(text): URI=DEVICE,DEVICE... expected, such as sip:bob@ims.example=sip:bob-phone@ims.example")
                }
                common[String(text[..<equals]), default: []] += text[text.index(after: equals)...].split(separator: ",").map(String.init)
            }
            do throws(NetworkError) {
                let realm = try Realm.create(at: URL(fileURLWithPath: directory), users: users, common: common,
                                             parameterSet: parameterSet, using: random)
                print("realm in \(directory): KMS \(realm.description.kms), \(realm.parameterSet.name), users \(users.joined(separator: ", "))")
                for (identity, devices) in common.sorted(by: { $0.key < $1.key }) {
                    print("common identity \(identity): its key goes to \(devices.joined(separator: ", ")) too")
                }
                print("secrets (0600): \(directory)/kms.secret for the KMS, \(directory)/psk/ one per user; realm.json is public")
            } catch {
                throw CommandFailure.usage(error.description)
            }
        }
    }
}

struct NetKMS: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kms", abstract: "Serve REQUEST_KEY_PSK for the realm over UDP.")

    @Argument(help: "The realm's directory.") var directory: String
    @Option(help: "Where to listen, HOST:PORT.") var listen = Endpoint(argument: "0.0.0.0:\(NetCommand.mikeyPort)")!
    @OptionGroup var output: NetOutput

    func run() throws {
        try reportingFailures {
            let realm = try loadRealm(directory)
            try output.run("kms", listen: listen, screen: {
                try LiveParty(identity: realm.description.kms, role: .kms, realm: realm, kmsAddress: nil, seed: nil)
            }) { socket, log in
                try await KMSEndpoint.serve(realm, on: socket, log: log)
            }
        }
    }
}

struct NetPhone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "phone", abstract: "Fetch this phone's key from the KMS, then answer calls.")

    @Argument(help: "The realm's directory.") var directory: String
    @Option(help: "This phone's identity (a user of the realm).") var identity: String
    @Option(help: "The KMS, HOST:PORT.") var kms: Endpoint
    @Option(help: "Where to listen, HOST:PORT.") var listen = Endpoint(argument: "0.0.0.0:\(NetCommand.mikeyPort)")!
    @Option(name: .customLong("forward-to"), help: "Take no call: retarget every call to this identity (with --at).")
    var forwardTo: String?
    @Option(help: "The device calls are retargeted to, HOST:PORT (with --forward-to).") var at: Endpoint?
    @Flag(help: "Answer as a mailbox for deferred delivery: calls for other users, keeping what it cannot open.")
    var mailbox = false
    @Option(help: "The common identity of this device's user: its key is fetched too, so the device opens calls to it (PROFILE D13).")
    var common: String?
    @Option(help: "Ring this long before answering, such as 300ms or 2s (default 0); a call another device took first is never answered.",
            transform: WholeNumber.duration)
    var ring: Duration?
    @Option(help: "Draw as the seeded in-process run draws for this identity (PROFILE D15): its keys are the run's.",
            transform: WholeNumber.seed)
    var seed: UInt64?
    @OptionGroup var output: NetOutput

    func validate() throws {
        guard (forwardTo == nil) == (at == nil) else { throw ValidationError("--forward-to URI and --at HOST:PORT go together") }
        guard !(mailbox && forwardTo != nil) else { throw ValidationError("a mailbox answers calls; --forward-to passes them on: give one") }
        guard !(ring != nil && forwardTo != nil) else { throw ValidationError("--ring is for a phone that answers; --forward-to passes calls on") }
        guard common != identity else { throw ValidationError("--common names the user's identity, not this device's own (--identity)") }
    }

    func run() throws {
        try reportingFailures {
            let realm = try loadRealm(directory)
            let (identity, mailbox, seed) = (identity, mailbox, seed)
            let (common, ring) = (common, ring ?? .zero)
            if let common, !(realm.grants[identity]?.contains(common) ?? false) {
                throw CommandFailure.usage("--common \(common): the realm does not grant \(identity) that key (net init --common \(common)=\(identity))")
            }
            let kms = try kms.address()
            let forward = try forwardTo.flatMap { uri in try at.map { PhoneEndpoint.Forwarding(uri: uri, address: try $0.address()) } }
            try output.run(identity, listen: listen, screen: {
                try LiveParty(identity: identity, role: .phone, realm: realm, kmsAddress: kms.hostAndPort, seed: seed)
            }) { socket, log in
                try await PhoneEndpoint.serve(identity: identity, realm: realm, kms: kms, on: socket, forward: forward,
                                              mailbox: mailbox, common: common, ring: ring, seed: seed, log: log)
            }
        }
    }
}

struct NetCall: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "Fetch the caller's key, then call; several --at fork the call.")

    @Argument(help: "The realm's directory.") var directory: String
    @Option(help: "The caller's identity (a user of the realm).") var identity: String
    @Option(help: "The KMS, HOST:PORT.") var kms: Endpoint
    @Option(help: "The identity called.") var to: String
    @Option(name: .customLong("at"), help: "A device of the callee, HOST:PORT (repeatable: the call forks).") var devices: [Endpoint] = []
    @Option(help: "Where to listen, HOST:PORT (port 0: any).") var listen = Endpoint(argument: "0.0.0.0:0")!
    @Option(help: "Leave this message for the identity called when another answers (a mailbox; PROFILE D12).") var message: String?
    @Option(help: "Draw as the seeded in-process run draws for this identity (PROFILE D15): its keys are the run's.",
            transform: WholeNumber.seed)
    var seed: UInt64?
    @OptionGroup var output: NetOutput

    func validate() throws {
        guard message?.isEmpty != true else { throw ValidationError("--message: give the text to leave") }
    }

    func run() throws {
        try reportingFailures {
            let realm = try loadRealm(directory)
            guard !devices.isEmpty else { throw CommandFailure.usage("--at HOST:PORT: give at least one device of \(to)") }
            let call = CallerEndpoint.Call(identity: identity, to: to, devices: try devices.map { try $0.address() }, kms: try kms.address(),
                                           message: message)
            let seed = seed
            try output.run(call.identity, listen: listen, screen: {
                try LiveParty(identity: call.identity, role: .caller(to: call.to, devices: call.devices.map(\.hostAndPort)), realm: realm,
                              kmsAddress: call.kms.hostAndPort, seed: seed)
            }) { socket, log in
                _ = try await CallerEndpoint.call(call, realm: realm, on: socket, seed: seed, log: log)
            }
        }
    }
}

struct NetPickup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pickup",
                                                    abstract: "Fetch the user's key, then read what a mailbox holds for it.")

    @Argument(help: "The realm's directory.") var directory: String
    @Option(help: "The user's identity (a user of the realm).") var identity: String
    @Option(help: "The KMS, HOST:PORT.") var kms: Endpoint
    @Option(help: "The mailbox, HOST:PORT.") var from: Endpoint
    @Option(help: "Where to listen, HOST:PORT (port 0: any).") var listen = Endpoint(argument: "0.0.0.0:0")!
    @Option(help: "Draw as the seeded in-process run draws for this identity (PROFILE D15).", transform: WholeNumber.seed)
    var seed: UInt64?
    @OptionGroup var output: NetOutput

    func run() throws {
        try reportingFailures {
            let realm = try loadRealm(directory)
            let pickup = PickupEndpoint.Pickup(identity: identity, kms: try kms.address(), mailbox: try from.address())
            let seed = seed
            try output.run(identity, listen: listen, screen: {
                try LiveParty(identity: pickup.identity, role: .pickup(from: pickup.mailbox.hostAndPort), realm: realm,
                              kmsAddress: pickup.kms.hostAndPort, seed: seed)
            }) { socket, log in
                _ = try await PickupEndpoint.pickUp(pickup, realm: realm, on: socket, seed: seed, log: log)
            }
        }
    }
}

func loadRealm(_ directory: String) throws -> Realm {
    do throws(NetworkError) {
        return try Realm.load(from: URL(fileURLWithPath: directory))
    } catch {
        throw CommandFailure.usage(error.description)
    }
}
