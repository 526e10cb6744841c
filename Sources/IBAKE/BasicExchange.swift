import IBE
import MIKEY
import Primitives

/// The basic exchange, run for real from start to end: both users fetch K_PR from the
/// KMS (REQUEST_KEY, PROFILE D11), then the four MIKEY-IBAKE messages. What `export`
/// writes, what `bench` times, and where the scenarios start.
public struct BasicExchange {
    /// Who is who in the demonstration.
    public struct Cast: Sendable {
        public var initiator = "sip:alice@ims.example"
        public var responder = "sip:bob@ims.example"
        /// An absolute URI, as ID type URI requires (PROFILE D19).
        public var kms = "https://kms.ims.example"
        public init() {}
    }

    /// One message on the wire with what its sender and receiver recorded.
    public struct Transfer: Sendable {
        /// I_MESSAGE_1, REQUEST_KEY_PSK, ...
        public let kind: MessageKind
        public let sender: String
        public let receiver: String
        public let sent: StepRecord
        public let received: StepRecord
        /// NTP-UTC time the message was sent (its T, or the sender's clock).
        public let time: UInt64
    }

    public let profile: IBAKEProfile
    public let cast: Cast
    public let kms: KeyManagementService
    public let transfers: [Transfer]
    public let initiatorKey: KeyRing.Entry
    public let responderKey: KeyRing.Entry
    public let initiatorKeys: SessionKeys
    public let responderKeys: SessionKeys
    /// a, aP, b, bP, abP, RAND, CSB ID as the two sides recorded them.
    public let values: [ValueName: [UInt8]]

    /// The start of a seeded run's pinned clock: 2026-11-02 09:00:00 UTC.
    public static let seededStart: UInt64 = 1_793_610_000

    /// Runs the exchange. With a seed every random choice comes from HMAC-DRBG and the
    /// clock is pinned, so the bytes repeat on every run and machine (PROFILE D10, D15).
    public static func run(parameterSet: ParameterSet, prf: PRFFunction = .hmacSHA256, seed: UInt64?,
                           cast: Cast = Cast()) throws(IBAKEFailure) -> BasicExchange {
        let random: RandomSource = seed.map { HMACDRBG(seed: $0) } ?? SystemRandom()
        let clock: ProtocolClock = seed == nil ? SystemClock() : PinnedClock(unixSeconds: seededStart)
        return try run(profile: IBAKEProfile(parameterSet: parameterSet, prf: prf), random: random, clock: clock, cast: cast)
    }

    public static func run(profile: IBAKEProfile, random: RandomSource, clock: ProtocolClock,
                           cast: Cast = Cast()) throws(IBAKEFailure) -> BasicExchange {
        // One memo for the run: the users' copies of K_PR share the KMS's pairing preparation.
        let memo = IBEMemo()
        let kms = KeyManagementService(parameterSet: profile.parameterSet, using: random, memo: memo)
        let psks = [cast.initiator: random.bytes(32), cast.responder: random.bytes(32)]
        let server = KMSServer(profile: profile, kms: kms, uri: cast.kms, psks: psks, replayCache: ReplayCache(), clock: clock)
        var transfers = [Transfer]()

        func provision(_ uri: String, _ name: ValueName) throws(IBAKEFailure) -> KeyRing.Entry {
            let client = ProvisioningClient(profile: profile, uri: uri, kmsURI: cast.kms, psk: psks[uri] ?? [],
                                            kmsParameters: kms.publicParameters, random: random, clock: clock,
                                            memo: memo)
            let request = try client.makeRequestKeyPSK()
            let time = try Wire.ntpTime(ofEncoded: request.message)
            let answer = try server.makeRequestKeyResp(answering: request.message)
            // What the KMS recorded on reading the request: its checks and notes (the KEMAC belongs to the answer).
            let read = StepRecord(kind: request.kind, message: request.message, notes: answer.notes, passed: answer.passed)
            transfers.append(Transfer(kind: request.kind, sender: uri, receiver: cast.kms, sent: request, received: read, time: time))
            let (record, entry) = try client.receiveRequestKeyResp(answer.message, keyName: name)
            transfers.append(Transfer(kind: answer.kind, sender: cast.kms, receiver: uri, sent: answer, received: record, time: time))
            return entry
        }
        let initiatorKey = try provision(cast.initiator, .initiatorPrivateKey)
        let responderKey = try provision(cast.responder, .responderPrivateKey)

        var initiatorRing = KeyRing(ownURI: cast.initiator)
        initiatorRing.add(initiatorKey.key, for: initiatorKey.identity)
        var responderRing = KeyRing(ownURI: cast.responder)
        responderRing.add(responderKey.key, for: responderKey.identity)
        let initiator = Initiator(profile: profile, keys: initiatorRing, kmsParameters: kms.publicParameters,
                                  target: cast.responder, random: random, clock: clock, memo: memo)
        let responder = Responder(profile: profile, keys: responderRing, kmsParameters: kms.publicParameters,
                                  replayCache: ReplayCache(), random: random, clock: clock, memo: memo)

        func transfer(_ sent: StepRecord, from sender: String, to receiver: String,
                      _ receive: ([UInt8]) throws(IBAKEFailure) -> StepRecord) throws(IBAKEFailure) {
            let time = try Wire.ntpTime(ofEncoded: sent.message)
            transfers.append(Transfer(kind: sent.kind, sender: sender, receiver: receiver, sent: sent,
                                      received: try receive(sent.message), time: time))
        }
        try transfer(try initiator.makeIMessage1(), from: cast.initiator, to: cast.responder, responder.receiveIMessage1)
        try transfer(try responder.makeRMessage1(), from: cast.responder, to: cast.initiator, initiator.receiveRMessage1)
        try transfer(try initiator.makeIMessage2(), from: cast.initiator, to: cast.responder, responder.receiveIMessage2)
        try transfer(try responder.makeRMessage2(), from: cast.responder, to: cast.initiator, initiator.receiveRMessage2)

        guard let initiatorKeys = initiator.sessionKeys, let responderKeys = responder.sessionKeys else {
            throw IBAKEFailure(.messageType, "the exchange ended without session keys")
        }
        var values = [ValueName: [UInt8]]()
        for transfer in transfers {
            for value in transfer.sent.learned + transfer.received.learned where values[value.name] == nil {
                values[value.name] = value.octets
            }
        }
        return BasicExchange(profile: profile, cast: cast, kms: kms, transfers: transfers, initiatorKey: initiatorKey,
                             responderKey: responderKey, initiatorKeys: initiatorKeys, responderKeys: responderKeys,
                             values: values)
    }
}
