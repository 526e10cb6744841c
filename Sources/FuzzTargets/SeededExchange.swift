import IBAKE
import IBE
import MIKEY
import Primitives

/// The basic exchange of `mikey-ibake export --seed 1 --params toy`, rebuilt call by call
/// as `BasicExchange.run` makes it, with the random octets and clock readings of each
/// party recorded. A harness replays one party's recording into a fresh role, so the role
/// reaches any state of the real exchange and the exported messages decrypt and verify in
/// it: libFuzzer's mutations then reach the checks after parsing.
struct SeededExchange: Sendable {
    /// The parties whose inputs are recorded.
    enum Party: CaseIterable, Sendable {
        case initiatorClient, responderClient, kmsServer, initiator, responder
    }

    /// What one party drew from the shared generator and read from the shared clock, in order.
    struct Recording: Sendable {
        var draws: [[UInt8]] = []
        var readings: [UInt64] = []
    }

    static let seed: UInt64 = 1
    static let parameterSetName = "toy"

    /// Built once per process (a few pairings on the toy curve).
    static let shared: SeededExchange = {
        do {
            return try SeededExchange()
        } catch {
            fatalError("the seeded toy exchange fails, so no harness can reach past parsing: \(error)")
        }
    }()

    let profile: IBAKEProfile
    let kms: KeyManagementService
    let cast = BasicExchange.Cast()
    let psks: [String: [UInt8]]
    let memo: IBEMemo
    let initiatorRing: KeyRing
    let responderRing: KeyRing
    /// The messages in the order `export` numbers them: REQUEST_KEY_PSK and REQUEST_KEY_RESP
    /// for the initiator, then for the responder, then I_MESSAGE_1, R_MESSAGE_1, I_MESSAGE_2, R_MESSAGE_2.
    let messages: [[UInt8]]
    let recordings: [Party: Recording]

    private init() throws {
        let set = try ParameterSet.named(Self.parameterSetName)
        let profile = IBAKEProfile(parameterSet: set)
        let cast = BasicExchange.Cast()
        let random = HMACDRBG(seed: Self.seed)
        let clock = PinnedClock(unixSeconds: BasicExchange.seededStart)
        var taps = [Party: (random: RecordingRandom, clock: RecordingClock)]()
        for party in Party.allCases { taps[party] = (RecordingRandom(random), RecordingClock(clock)) }
        func tap(_ party: Party) -> (random: RecordingRandom, clock: RecordingClock) { taps[party] ?? (RecordingRandom(random), RecordingClock(clock)) }

        // The same calls in the same order as BasicExchange.run(profile:random:clock:cast:).
        let memo = IBEMemo()
        let kms = KeyManagementService(parameterSet: set, using: random, memo: memo)
        let psks = [cast.initiator: random.bytes(32), cast.responder: random.bytes(32)]
        let server = KMSServer(profile: profile, kms: kms, uri: cast.kms, psks: psks, replayCache: ReplayCache(),
                               clock: tap(.kmsServer).clock)
        var messages = [[UInt8]]()
        func provision(_ uri: String, _ party: Party, _ name: ValueName) throws(IBAKEFailure) -> KeyRing {
            let client = ProvisioningClient(profile: profile, uri: uri, kmsURI: cast.kms, psk: psks[uri] ?? [],
                                            kmsParameters: kms.publicParameters, random: tap(party).random,
                                            clock: tap(party).clock, memo: memo)
            let request = try client.makeRequestKeyPSK()
            let answer = try server.makeRequestKeyResp(answering: request.message)
            let entry = try client.receiveRequestKeyResp(answer.message, keyName: name).key
            messages += [request.message, answer.message]
            var ring = KeyRing(ownURI: uri)
            ring.add(entry.key, for: entry.identity)
            return ring
        }
        let initiatorRing = try provision(cast.initiator, .initiatorClient, .initiatorPrivateKey)
        let responderRing = try provision(cast.responder, .responderClient, .responderPrivateKey)
        let initiator = Initiator(profile: profile, keys: initiatorRing, kmsParameters: kms.publicParameters, target: cast.responder,
                                  random: tap(.initiator).random, clock: tap(.initiator).clock, memo: memo)
        let responder = Responder(profile: profile, keys: responderRing, kmsParameters: kms.publicParameters,
                                  replayCache: ReplayCache(), random: tap(.responder).random, clock: tap(.responder).clock,
                                  memo: memo)
        let message1 = try initiator.makeIMessage1().message
        _ = try responder.receiveIMessage1(message1)
        let response1 = try responder.makeRMessage1().message
        _ = try initiator.receiveRMessage1(response1)
        let message2 = try initiator.makeIMessage2().message
        _ = try responder.receiveIMessage2(message2)
        let response2 = try responder.makeRMessage2().message
        _ = try initiator.receiveRMessage2(response2)
        messages += [message1, response1, message2, response2]

        self.profile = profile
        self.kms = kms
        self.psks = psks
        self.memo = memo
        self.initiatorRing = initiatorRing
        self.responderRing = responderRing
        self.messages = messages
        recordings = taps.mapValues { Recording(draws: $0.random.draws, readings: $0.clock.readings) }
    }

    // MARK: The messages

    var initiatorRequest: [UInt8] { messages[0] }
    var initiatorKeyResponse: [UInt8] { messages[1] }
    var responderRequest: [UInt8] { messages[2] }
    var message1: [UInt8] { messages[4] }
    var response1: [UInt8] { messages[5] }
    var message2: [UInt8] { messages[6] }
    var response2: [UInt8] { messages[7] }

    // MARK: Fresh parties, replaying their recordings

    private func replay(_ party: Party) -> (random: ReplayedRandom, clock: ReplayedClock) {
        let recording = recordings[party] ?? Recording()
        return (ReplayedRandom(recording.draws), ReplayedClock(recording.readings))
    }

    func freshInitiator() -> Initiator { freshInitiatorAndClock().initiator }

    /// A fresh initiator and the clock it reads, for harnesses that wind the clock back.
    func freshInitiatorAndClock() -> (initiator: Initiator, clock: ReplayedClock) {
        let (random, clock) = replay(.initiator)
        return (Initiator(profile: profile, keys: initiatorRing, kmsParameters: kms.publicParameters, target: cast.responder,
                          random: random, clock: clock, memo: memo), clock)
    }

    func freshResponder() -> Responder { freshResponderAndClock().responder }

    /// A fresh responder and the clock it reads, for harnesses that wind the clock back.
    func freshResponderAndClock() -> (responder: Responder, clock: ReplayedClock) {
        let (random, clock) = replay(.responder)
        return (Responder(profile: profile, keys: responderRing, kmsParameters: kms.publicParameters, replayCache: ReplayCache(),
                          random: random, clock: clock, memo: memo), clock)
    }

    func freshServer() -> KMSServer {
        KMSServer(profile: profile, kms: kms, uri: cast.kms, psks: psks, replayCache: ReplayCache(),
                  clock: replay(.kmsServer).clock)
    }

    /// The initiator's provisioning client.
    func freshClient() -> ProvisioningClient {
        let (random, clock) = replay(.initiatorClient)
        return ProvisioningClient(profile: profile, uri: cast.initiator, kmsURI: cast.kms, psk: psks[cast.initiator] ?? [],
                                  kmsParameters: kms.publicParameters, random: random, clock: clock, memo: memo)
    }
}

/// Passes a shared generator's octets through and keeps a copy of each draw.
private final class RecordingRandom: RandomSource {
    private let source: RandomSource
    private(set) var draws: [[UInt8]] = []

    init(_ source: RandomSource) { self.source = source }

    func bytes(_ count: Int) -> [UInt8] {
        let octets = source.bytes(count)
        draws.append(octets)
        return octets
    }
}

/// Passes a shared clock's readings through and keeps a copy of each.
private final class RecordingClock: ProtocolClock {
    private let clock: ProtocolClock
    private(set) var readings: [UInt64] = []

    init(_ clock: ProtocolClock) { self.clock = clock }

    func now() -> UInt64 {
        let reading = clock.now()
        readings.append(reading)
        return reading
    }
}

/// Gives back recorded draws in order while the requests match them; after that (a fuzzed
/// input led the role elsewhere) octets from a fixed generator, so every run is the same.
final class ReplayedRandom: RandomSource {
    private let draws: [[UInt8]]
    private var next = 0
    private lazy var fallback = HMACDRBG(seed: 0xF022)

    init(_ draws: [[UInt8]]) { self.draws = draws }

    func bytes(_ count: Int) -> [UInt8] {
        if next < draws.count, draws[next].count == count {
            defer { next += 1 }
            return draws[next]
        }
        next = draws.count
        return fallback.bytes(count)
    }
}

/// Gives back recorded readings in order, then moves on 20 ms per reading as PinnedClock does.
final class ReplayedClock: ProtocolClock {
    private let readings: [UInt64]
    private var next = 0
    private var last: UInt64

    init(_ readings: [UInt64]) {
        self.readings = readings
        last = readings.last ?? (BasicExchange.seededStart + Timestamp.ntpEpochOffset) << 32
    }

    /// Where the clock stands: restoring it makes the next readings repeat.
    struct Mark {
        fileprivate let next: Int
        fileprivate let last: UInt64
    }

    var mark: Mark { Mark(next: next, last: last) }

    func restore(_ mark: Mark) {
        next = mark.next
        last = mark.last
    }

    func now() -> UInt64 {
        guard next < readings.count else {
            last &+= (20 << 32) / 1000
            return last
        }
        defer { next += 1 }
        return readings[next]
    }
}
