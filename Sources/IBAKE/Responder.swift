import IBE
import MIKEY
import Primitives

/// The responder of a MIKEY-IBAKE exchange (RFC 6267 §4.2.2): it checks I_MESSAGE_1
/// and I_MESSAGE_2 and sends R_MESSAGE_1 and R_MESSAGE_2. A responder that holds no
/// key for the identity called (a retarget target, a mailbox) still answers, with its
/// own identity and no aP echo (PROFILE D13); a device that holds its user's common
/// identity key opens a forked call (PROFILE D13).
public final class Responder {
    public let profile: IBAKEProfile
    private let keys: KeyRing
    private let layers: IBELayers
    private let random: RandomSource
    private let clock: ProtocolClock
    private let replayCache: ReplayCache

    private var header: CommonHeader?
    private var rand: [UInt8] = []
    private var firstStamp: Timestamp?               // T of I_MESSAGE_1, echoed in R_MESSAGE_1
    private var secondStamp: Timestamp?              // T of I_MESSAGE_2, echoed in R_MESSAGE_2
    private var initiator: IDRPayload?
    private var initiatorValue: [UInt8]?            // aP, once known
    private var secret: [UInt8] = []                // b
    private var value: [UInt8] = []                 // bP
    private var echoInMessage2 = false              // I_MESSAGE_2 carried ECCPTi
    private var keysAgreed: SessionKeys?
    /// ESK layers this responder could not open: what a mailbox keeps for the intended user.
    public private(set) var heldDeposits: [[UInt8]] = []
    /// ESK contents it could open: the SK meant for it.
    public private(set) var openedDeposits: [SecretKeyDeposit] = []

    public init(profile: IBAKEProfile, keys: KeyRing, kmsParameters: BFPublicParameters, replayCache: ReplayCache,
                random: RandomSource, clock: ProtocolClock, memo: IBEMemo = IBEMemo()) {
        self.profile = profile
        self.keys = keys
        layers = IBELayers(parameters: kmsParameters, random: random, memo: memo)
        self.replayCache = replayCache
        self.random = random
        self.clock = clock
    }

    deinit { wipe() }

    public var sessionKeys: SessionKeys? { keysAgreed }

    private var ownIdentity: IDRPayload { IDRPayload(role: .responder, uri: keys.ownURI) }

    // MARK: I_MESSAGE_1

    /// Checks I_MESSAGE_1 (RFC 6267 §4.2.2.2): fresh T (PROFILE D10); if this device
    /// holds the key of the identity called, the IBAKE must open, repeat the clear
    /// identities and carry a valid aP, and must not have been accepted before. A refusal
    /// the RFC answers carries the Error message to send back (PROFILE D18).
    public func receiveIMessage1(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        try Wire.answeringRefusals(of: bytes, clock: clock, openIMessage1)
    }

    private func openIMessage1(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        let kind = MessageKind.iMessage1, name = kind.name
        let message = try Wire.decode(bytes, expecting: .iMessage1)
        guard message.header.prf == profile.prf else {
            throw IBAKEFailure(.session, "\(name) uses \(message.header.prf.name); this responder runs \(profile.prf.name)",
                               errorNumber: .invalidPRF)
        }
        let stamp = try Wire.timestamp(message)
        try replayCache.checkFreshness(stamp.value64, now: clock.now())
        guard let rand = message.rand, !rand.isEmpty else { throw IBAKEFailure(.parse, "\(name) has no RAND payload") }
        let clearInitiator = try Wire.identity(message, .initiator)
        let clearResponder = try Wire.identity(message, .responder)
        let calledURI = try Wire.uri(clearResponder)
        _ = try Wire.uri(clearInitiator)
        guard let ibake = message.ibake else { throw IBAKEFailure(.parse, "\(name) has no IBAKE payload") }

        var learned = [LearnedValue(.csbID, message.header.csbID.bigEndianOctets, .message(kind)),
                       LearnedValue(.rand, rand, .message(kind))]
        var notes = [String]()
        var opened = [IBELayerRecord]()
        var aP: [UInt8]?
        if let entry = try key(for: calledURI, at: stamp.value64) {
            // A replay is looked up before the pairing is spent; only what opens is remembered (PROFILE D10).
            try replayCache.checkNotReplayed(ibake.encryptedData, now: clock.now())
            let layer = try layers.open(ibake.encryptedData, with: entry, first: .idr, payload: "IBAKE")
            let plaintext = try IBAKEPlaintext(chain: layer.chain, message: name)
            try Wire.checkInner(plaintext.initiator, matches: clearInitiator, "IDRi", in: name)
            try Wire.checkInner(plaintext.responder, matches: clearResponder, "IDRr", in: name)
            guard let value = plaintext.initiatorValue else { throw IBAKEFailure(.parse, "\(name): the IBAKE plaintext has no ECCPTi") }
            try profile.group.validate(value)
            aP = value
            learned.append(LearnedValue(.aP, value, .message(kind)))
            opened.append(layer.record)
            if calledURI != keys.ownURI { notes.append("opened with the key of \(calledURI), an identity this device holds besides its own (forking)") }
        } else {
            notes.append("holds no key for \(calledURI): cannot open the IBAKE payload, so aP stays unknown")
        }
        let deposits = try receiveDeposit(message, kind: kind, at: stamp.value64)
        if aP != nil { replayCache.remember(ibake.encryptedData, timestamp: stamp.value64, now: clock.now()) }
        header = message.header
        self.rand = rand
        firstStamp = stamp
        initiator = clearInitiator
        initiatorValue = aP
        learned += deposits.learned
        opened += deposits.layers
        notes += deposits.notes
        let passed: [IBAKECheck] = [.parse, .messageType, .timestamp]
            + (aP == nil ? [] : [.replay, .decryption, .innerIdentity, .diffieHellmanValue])
        return StepRecord(kind: kind, message: bytes, learned: learned, layers: opened, notes: notes, passed: passed)
    }

    // MARK: R_MESSAGE_1

    /// R_MESSAGE_1 = HDR, T, IDRi, IDRr, IBAKE(E_I(IDRi || {ECCPTi} || IDRr || ECCPTr))
    /// (RFC 6267 §4.2.2.3): HDR and T copied, IDRr this device's own identity, the aP
    /// echo only if I_MESSAGE_1 opened. With aP known, R already holds abP.
    public func makeRMessage1() throws(IBAKEFailure) -> StepRecord {
        guard var header, let initiator, let firstStamp else {
            throw IBAKEFailure(.messageType, "R_MESSAGE_1 before I_MESSAGE_1 was accepted")
        }
        header.dataType = .rMessage1
        header.verificationRequired = true
        secret = profile.group.randomSecret(using: random)
        value = try profile.group.publicValue(for: secret)
        let plaintext = IBAKEPlaintext(initiator: initiator, initiatorValue: initiatorValue, responder: ownIdentity,
                                       responderValue: value)
        let layer = try layers.seal(try plaintext.chain(group: profile.group, mac: profile.macAlgorithm),
                                    to: try KeyPeriod.identity(try Wire.uri(initiator), atNTP: firstStamp.value64), payload: "IBAKE")
        let payloads: [Payload] = [.timestamp(TimestampPayload(firstStamp)), .idr(initiator), .idr(ownIdentity),
                                   .ibake(EncryptedDataPayload(encryptedData: layer.ciphertext))]
        let bytes = try Wire.encode(MIKEYMessage(header: header, payloads: payloads))
        var learned = [LearnedValue(.b, secret, .generated), LearnedValue(.bP, value, .computed)]
        if let aP = initiatorValue { learned += agree(aP, header: header) }
        return StepRecord(kind: .rMessage1, message: bytes, learned: learned, layers: [layer])
    }

    // MARK: I_MESSAGE_2

    /// Checks I_MESSAGE_2 (RFC 6267 §4.2.2.6): the HDR of the exchange (PROFILE D17),
    /// the same RAND (PROFILE D7), fresh T, the IBAKE opens with this device's own key,
    /// and the bP echo is the bP sent (RFC 6539: the initiator's authentication). An aP it
    /// carries (R could not open I_MESSAGE_1) gives R abP now, and must come with an ESK
    /// (RFC 6267 §4.2.2.5; PROFILE D13). A refusal the RFC answers carries the Error
    /// message to send back (PROFILE D18).
    public func receiveIMessage2(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        try Wire.answeringRefusals(of: bytes, clock: clock, openIMessage2)
    }

    private func openIMessage2(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        guard let header, let initiator, let firstStamp else {
            throw IBAKEFailure(.messageType, "I_MESSAGE_2 before R_MESSAGE_1 was sent")
        }
        let kind = MessageKind.iMessage2, name = kind.name
        let message = try Wire.decode(bytes, expecting: .iMessage2, following: header)
        let stamp = try Wire.timestamp(message)
        try replayCache.checkFreshness(stamp.value64, now: clock.now())
        guard message.rand == rand else {
            throw IBAKEFailure(.session, "\(name) carries another RAND than I_MESSAGE_1 (PROFILE D7: repeated unchanged)")
        }
        let clearInitiator = try Wire.identity(message, .initiator)
        let clearResponder = try Wire.identity(message, .responder)
        guard clearInitiator.data == initiator.data, clearResponder.data == ownIdentity.data else {
            throw IBAKEFailure(.innerIdentity, "\(name) names other identities than R_MESSAGE_1")
        }
        guard let ibake = message.ibake else { throw IBAKEFailure(.parse, "\(name) has no IBAKE payload") }
        guard let entry = try key(for: keys.ownURI, at: firstStamp.value64) else {
            throw IBAKEFailure(.decryption, "no private key for this device's own identity \(keys.ownURI)")
        }
        try replayCache.checkNotReplayed(ibake.encryptedData, now: clock.now())
        let layer = try layers.open(ibake.encryptedData, with: entry, first: .idr, payload: "IBAKE")
        let plaintext = try IBAKEPlaintext(chain: layer.chain, message: name)
        try Wire.checkInner(plaintext.initiator, matches: clearInitiator, "IDRi", in: name)
        try Wire.checkInner(plaintext.responder, matches: clearResponder, "IDRr", in: name)
        guard plaintext.responderValue == value else {
            throw IBAKEFailure(.responderEcho, "the bP inside I_MESSAGE_2 is not the bP this responder sent")
        }
        if let aP = plaintext.initiatorValue {
            if let known = initiatorValue, known != aP {
                throw IBAKEFailure(.initiatorEcho, "\(name) carries another aP than I_MESSAGE_1")
            }
            guard message.esk != nil else {
                throw IBAKEFailure(.parse, "\(name) sends aP again without an ESK (RFC 6267 §4.2.2.5 requires one)")
            }
            try profile.group.validate(aP)
        }
        guard initiatorValue != nil || plaintext.initiatorValue != nil else {
            throw IBAKEFailure(.parse, "\(name): aP is still unknown (no ECCPTi anywhere)")
        }
        let deposits = try receiveDeposit(message, kind: kind, at: firstStamp.value64)
        replayCache.remember(ibake.encryptedData, timestamp: stamp.value64, now: clock.now())
        secondStamp = stamp
        var learned = [LearnedValue]()
        if let aP = plaintext.initiatorValue {
            echoInMessage2 = true
            if initiatorValue == nil {
                initiatorValue = aP
                learned.append(LearnedValue(.aP, aP, .message(kind)))
                learned += agree(aP, header: header)
            }
        }
        // What the echo proves, and no more: whoever sent it opened R_MESSAGE_1, which only
        // the key of IDRi opens (RFC 6267 §4.2.2.6); who that is, R cannot tell.
        let notes = ["bP echo matches: the calling side could open R_MESSAGE_1, so it holds the private key of \(initiator.text ?? "IDRi") (initiator authenticated)"]
        return StepRecord(kind: kind, message: bytes, learned: learned + deposits.learned,
                          layers: [layer.record] + deposits.layers, notes: notes + deposits.notes,
                          passed: [.parse, .messageType, .session, .timestamp, .replay, .decryption, .innerIdentity, .responderEcho])
    }

    // MARK: R_MESSAGE_2

    /// R_MESSAGE_2 = HDR, T, IDRi, IDRr, [IBAKE(E_I(IDRi || ECCPTi))], V (RFC 6267 §4.2.2.7):
    /// V = 0 in HDR, T copied from I_MESSAGE_2, the IBAKE only if I_MESSAGE_2 carried aP,
    /// V the MAC under auth_key (PROFILE D8).
    public func makeRMessage2() throws(IBAKEFailure) -> StepRecord {
        guard var header, let initiator, let keysAgreed, let aP = initiatorValue, let firstStamp, let secondStamp else {
            throw IBAKEFailure(.messageType, "R_MESSAGE_2 before I_MESSAGE_2 was accepted")
        }
        header.dataType = .rMessage2
        header.verificationRequired = false
        var payloads: [Payload] = [.timestamp(TimestampPayload(secondStamp)), .idr(initiator), .idr(ownIdentity)]
        var sealed = [IBELayerRecord]()
        if echoInMessage2 {
            let plaintext = IBAKEPlaintext(initiator: initiator, initiatorValue: aP, responder: nil, responderValue: nil)
            let layer = try layers.seal(try plaintext.chain(group: profile.group, mac: profile.macAlgorithm),
                                        to: try KeyPeriod.identity(try Wire.uri(initiator), atNTP: firstStamp.value64), payload: "IBAKE")
            payloads.append(.ibake(EncryptedDataPayload(encryptedData: layer.ciphertext)))
            sealed.append(layer)
        }
        let bytes = try Wire.sealed(MIKEYMessage(header: header, payloads: payloads), authKey: keysAgreed.authKey,
                                    mac: profile.macAlgorithm, suffix: initiator.data + ownIdentity.data)
        wipeEphemeral()
        return StepRecord(kind: .rMessage2, message: bytes, layers: sealed,
                          notes: ["V: MAC under auth_key from the MPK (key confirmation)"], wiped: [.b])
    }

    // MARK: Helpers

    /// The key for `uri` in the key period of `time`, or nil when this device holds none.
    private func key(for uri: String, at time: UInt64) throws(IBAKEFailure) -> KeyRing.Entry? {
        let wanted = try KeyPeriod.identity(uri, atNTP: time)
        guard let entry = keys.entry(for: uri), entry.identity == wanted else { return nil }
        return entry
    }

    private func agree(_ aP: [UInt8], header: CommonHeader) -> [LearnedValue] {
        guard let abP = try? profile.group.sharedValue(secret: secret, peer: aP) else { return [] }
        let keys = SessionKeys(abP: abP, rand: rand, csbID: header.csbID, profile: profile)
        keysAgreed = keys
        return [LearnedValue(.abP, abP, .computed)] + keys.learnedValues(.computed)
    }

    /// Opens an ESK meant for one of this device's identities, or keeps it unread
    /// (a mailbox stores what it cannot read, PROFILE D12). An ESK that opens must name
    /// the initiator (RFC 6267 §4.2.2.5).
    private func receiveDeposit(_ message: MIKEYMessage, kind: MessageKind, at time: UInt64) throws(IBAKEFailure)
        -> (learned: [LearnedValue], layers: [IBELayerRecord], notes: [String]) {
        guard let esk = message.esk else { return ([], [], []) }
        let initiatorURI = try Wire.uri(try Wire.identity(message, .initiator))
        for uri in keys.uris {
            guard let entry = try key(for: uri, at: time),
                  let opened = try? layers.open(esk.encryptedData, with: entry, first: .id, payload: "ESK") else { continue }
            let secretKey = try SecretKeyDeposit.secretKey(fromOpened: opened.chain, initiatorURI: initiatorURI)
            openedDeposits.append(SecretKeyDeposit(intendedURI: uri, secretKey: secretKey))
            return ([LearnedValue(.secretKey, secretKey, .message(kind))], [opened.record],
                    ["ESK opens with the key of \(uri): SK from \(initiatorURI) for content deposited for this user"])
        }
        heldDeposits.append(esk.encryptedData)
        return ([], [], ["ESK is encrypted to another identity: kept unread for its owner"])
    }

    private func wipeEphemeral() {
        for index in secret.indices { secret[index] = 0 }
    }

    private func wipe() {
        wipeEphemeral()
        keysAgreed = nil
    }
}
