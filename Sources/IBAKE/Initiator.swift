import IBE
import MIKEY
import Primitives

/// The initiator of a MIKEY-IBAKE exchange (RFC 6267 §4.2.2): it sends I_MESSAGE_1
/// and I_MESSAGE_2 and checks R_MESSAGE_1 and R_MESSAGE_2. Each step returns the
/// message and a record of what it computed and learned; a failed check throws an
/// `IBAKEFailure` naming the check.
public final class Initiator {
    /// What to do when the call is answered by an identity other than the one called
    /// (forking, retargeting, a mailbox): a visible choice (PROFILE D13).
    public enum Policy: String, Sendable, CaseIterable {
        case `continue`
        case refuse
    }

    public let profile: IBAKEProfile
    /// The identity called (IDRr in I_MESSAGE_1).
    public let targetURI: String
    public let policy: Policy
    private let keys: KeyRing
    private let layers: IBELayers
    private let random: RandomSource
    private let clock: ProtocolClock

    private var header: CommonHeader?
    private var rand: [UInt8] = []
    private var firstStamp = Timestamp.ntpUTC(0)     // T of I_MESSAGE_1
    private var secondStamp = Timestamp.ntpUTC(0)    // T of I_MESSAGE_2
    private var secret: [UInt8] = []                 // a
    private var value: [UInt8] = []                  // aP
    private var answered: IDRPayload?                // IDRr of R_MESSAGE_1
    private var responderValue: [UInt8] = []         // bP
    private var mustResendValue = false              // R_MESSAGE_1 had no ECCPTi
    private var keysAgreed: SessionKeys?

    public init(profile: IBAKEProfile, keys: KeyRing, kmsParameters: BFPublicParameters, target: String,
                policy: Policy = .continue, random: RandomSource, clock: ProtocolClock, memo: IBEMemo = IBEMemo()) {
        self.profile = profile
        self.keys = keys
        layers = IBELayers(parameters: kmsParameters, random: random, memo: memo)
        targetURI = target
        self.policy = policy
        self.random = random
        self.clock = clock
    }

    deinit { wipe() }

    /// The keys both sides agree on, once R_MESSAGE_1 was accepted.
    public var sessionKeys: SessionKeys? { keysAgreed }

    /// The identity that answered (IDRr of R_MESSAGE_1).
    public var answeredURI: String? { answered?.text }

    private var ownIdentity: IDRPayload { IDRPayload(role: .initiator, uri: keys.ownURI) }

    // MARK: I_MESSAGE_1

    /// I_MESSAGE_1 = HDR, T, RAND, IDRi, IDRr, SP, IBAKE(E_R(IDRi || ECCPTi || IDRr)), [ESK]
    /// (RFC 6267 §4.2.2.1; PROFILE D7, D9 for RAND and SP).
    public func makeIMessage1(deposit: SecretKeyDeposit? = nil) throws(IBAKEFailure) -> StepRecord {
        let csbID = Wire.uint32(random)
        let session = SRTPCryptoSession(policyNumber: 0, ssrc: Wire.uint32(random), roc: 0)
        let header = CommonHeader(dataType: .iMessage1, verificationRequired: true, prf: profile.prf, csbID: csbID,
                                  cryptoSessions: .srtp([session]))
        self.header = header
        rand = random.bytes(IBAKEProfile.randLength)
        firstStamp = .ntpUTC(clock.now())
        secret = profile.group.randomSecret(using: random)
        value = try profile.group.publicValue(for: secret)

        let target = IDRPayload(role: .responder, uri: targetURI)
        let plaintext = IBAKEPlaintext(initiator: ownIdentity, initiatorValue: value, responder: target, responderValue: nil)
        let layer = try layers.seal(try plaintext.chain(group: profile.group, mac: profile.macAlgorithm),
                                    to: try KeyPeriod.identity(targetURI, atNTP: firstStamp.value64), payload: "IBAKE")
        let payloads: [Payload] = [.timestamp(TimestampPayload(firstStamp)), .rand(RANDPayload(rand)),
                                   .idr(ownIdentity), .idr(target), .securityPolicy(.srtp(policyNumber: 0)),
                                   .ibake(EncryptedDataPayload(encryptedData: layer.ciphertext))]
        let (bytes, sealed) = try finish(header, payloads, layer, deposit)
        var learned = [LearnedValue(.csbID, csbID.bigEndianOctets, .generated), LearnedValue(.rand, rand, .generated),
                       LearnedValue(.a, secret, .generated), LearnedValue(.aP, value, .computed)]
        if let deposit { learned.append(LearnedValue(.secretKey, deposit.secretKey, .generated)) }
        return StepRecord(kind: .iMessage1, message: bytes, learned: learned, layers: sealed)
    }

    // MARK: R_MESSAGE_1

    /// Checks R_MESSAGE_1 (RFC 6267 §4.2.2.4): same CSB ID and T, the IBAKE opens with
    /// I's key, the inner identities repeat the clear ones, and the aP echo, when
    /// present, is the aP sent (RFC 6539: R's authentication). Then abP and the keys.
    public func receiveRMessage1(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        guard let header else { throw IBAKEFailure(.messageType, "R_MESSAGE_1 before I_MESSAGE_1 was sent") }
        let kind = MessageKind.rMessage1, name = kind.name
        let message = try Wire.decode(bytes, expecting: .rMessage1, following: header)
        try Wire.checkEcho(message, of: firstStamp)
        let clearInitiator = try Wire.identity(message, .initiator)
        let clearResponder = try Wire.identity(message, .responder)
        guard clearInitiator.data == ownIdentity.data else {
            throw IBAKEFailure(.innerIdentity, "\(name) names IDRi \"\(clearInitiator.text ?? "?")\", not this initiator")
        }
        let responderURI = try Wire.uri(clearResponder)
        var notes = [String]()
        if responderURI != targetURI {
            guard policy == .continue else {
                throw IBAKEFailure(.responderPolicy, "answered by \(responderURI), not \(targetURI); the initiator's policy refuses")
            }
            notes.append("answered by \(responderURI), not the identity called (\(targetURI)); policy: continue")
        }
        guard let ibake = message.ibake else { throw IBAKEFailure(.parse, "\(name) has no IBAKE payload") }
        let opened = try layers.open(ibake.encryptedData, with: try ownKey(), first: .idr, payload: "IBAKE")
        let plaintext = try IBAKEPlaintext(chain: opened.chain, message: name)
        try Wire.checkInner(plaintext.initiator, matches: clearInitiator, "IDRi", in: name)
        try Wire.checkInner(plaintext.responder, matches: clearResponder, "IDRr", in: name)
        if let echo = plaintext.initiatorValue {
            guard echo == value else {
                throw IBAKEFailure(.initiatorEcho, "the aP inside R_MESSAGE_1 is not the aP this initiator sent")
            }
            // I_MESSAGE_1 was encrypted to the identity called (RFC 6267 §4.2.2.4): the echo
            // proves the answering side holds that identity's key, not who it is.
            notes.append("aP echo matches: the answering side could open I_MESSAGE_1, so it holds the private key of \(targetURI) (responder authenticated)")
        } else {
            notes.append("no aP echo: \(responderURI) could not open I_MESSAGE_1; I_MESSAGE_2 carries aP again")
        }
        guard let bP = plaintext.responderValue else { throw IBAKEFailure(.parse, "\(name): the IBAKE plaintext has no ECCPTr") }
        try profile.group.validate(bP)
        let abP = try profile.group.sharedValue(secret: secret, peer: bP)
        let keys = SessionKeys(abP: abP, rand: rand, csbID: header.csbID, profile: profile)
        // Every check has passed: only now does the initiator move on (a refused R_MESSAGE_1 leaves it as it was).
        mustResendValue = plaintext.initiatorValue == nil
        responderValue = bP
        answered = clearResponder
        keysAgreed = keys
        var learned = [LearnedValue(.bP, bP, .message(kind)), LearnedValue(.abP, abP, .computed)]
        learned += keys.learnedValues(.computed)
        var passed: [IBAKECheck] = [.parse, .messageType, .session, .timestamp, .decryption, .innerIdentity]
        if plaintext.initiatorValue != nil { passed.append(.initiatorEcho) }
        passed.append(.diffieHellmanValue)
        if responderURI != targetURI { passed.append(.responderPolicy) }
        return StepRecord(kind: kind, message: bytes, learned: learned, layers: [opened.record], notes: notes, passed: passed)
    }

    // MARK: I_MESSAGE_2

    /// I_MESSAGE_2 = HDR, T, RAND, IDRi, IDRr, IBAKE(E_R'(IDRi || {ECCPTi} || IDRr || ECCPTr)), [ESK]
    /// (RFC 6267 §4.2.2.5): encrypted to the identity that answered; RAND repeated
    /// unchanged (PROFILE D7). When R_MESSAGE_1 lacked the aP echo, ECCPTi goes again
    /// and an ESK SHALL come with it: without a `deposit` from the caller the initiator
    /// makes one with a fresh SK for the identity it called (PROFILE D13).
    public func makeIMessage2(deposit: SecretKeyDeposit? = nil) throws(IBAKEFailure) -> StepRecord {
        guard var header, let answered else { throw IBAKEFailure(.messageType, "I_MESSAGE_2 before R_MESSAGE_1 was accepted") }
        header.dataType = .iMessage2
        secondStamp = .ntpUTC(clock.now())
        let responderURI = try Wire.uri(answered)
        var deposit = deposit
        var learned = [LearnedValue]()
        var notes = ["bP echoed back to \(responderURI) (initiator authenticated)"]
        if mustResendValue, deposit == nil {
            let made = SecretKeyDeposit(intendedURI: targetURI, secretKey: random.bytes(IBAKEProfile.secretKeyLength))
            learned.append(LearnedValue(.secretKey, made.secretKey, .generated))
            notes.append("aP goes again, so an ESK must come with it (RFC 6267 §4.2.2.5): a fresh SK for \(targetURI)")
            deposit = made
        }
        let plaintext = IBAKEPlaintext(initiator: ownIdentity, initiatorValue: mustResendValue ? value : nil,
                                       responder: answered, responderValue: responderValue)
        let layer = try layers.seal(try plaintext.chain(group: profile.group, mac: profile.macAlgorithm),
                                    to: try KeyPeriod.identity(responderURI, atNTP: firstStamp.value64), payload: "IBAKE")
        let payloads: [Payload] = [.timestamp(TimestampPayload(secondStamp)), .rand(RANDPayload(rand)),
                                   .idr(ownIdentity), .idr(answered),
                                   .ibake(EncryptedDataPayload(encryptedData: layer.ciphertext))]
        let (bytes, sealed) = try finish(header, payloads, layer, deposit)
        return StepRecord(kind: .iMessage2, message: bytes, learned: learned, layers: sealed, notes: notes)
    }

    // MARK: R_MESSAGE_2

    /// Checks R_MESSAGE_2 (RFC 6267 §4.2.2.7): same CSB ID and T, V verifies under
    /// auth_key from the MPK (key confirmation, PROFILE D8), and an IBAKE, if present,
    /// echoes aP.
    public func receiveRMessage2(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        guard let header, let answered, let keysAgreed else {
            throw IBAKEFailure(.messageType, "R_MESSAGE_2 before I_MESSAGE_2 was sent")
        }
        let kind = MessageKind.rMessage2, name = kind.name
        let message = try Wire.decode(bytes, expecting: .rMessage2, following: header)
        try Wire.checkEcho(message, of: secondStamp)
        try Wire.verify(bytes, message, authKey: keysAgreed.authKey, mac: profile.macAlgorithm,
                        suffix: ownIdentity.data + answered.data)
        // Key confirmation says the sender derived the same auth_key; this role cannot know who
        // the sender is, so it states only what it checked (PROFILE D8).
        var notes = ["V verifies under auth_key from this side's MPK (key confirmation)"]
        var opened: [IBELayerRecord] = []
        if let ibake = message.ibake {
            let layer = try layers.open(ibake.encryptedData, with: try ownKey(), first: .idr, payload: "IBAKE")
            let plaintext = try IBAKEPlaintext(chain: layer.chain, message: name)
            try Wire.checkInner(plaintext.initiator, matches: ownIdentity, "IDRi", in: name)
            guard plaintext.initiatorValue == value else {
                throw IBAKEFailure(.initiatorEcho, "the aP inside R_MESSAGE_2 is not the aP this initiator sent")
            }
            notes.append("aP echo in R_MESSAGE_2 matches")
            opened.append(layer.record)
        } else if mustResendValue {
            throw IBAKEFailure(.initiatorEcho, "R_MESSAGE_2 has no IBAKE echoing the aP sent in I_MESSAGE_2 (RFC 6267 §4.2.2.7)")
        }
        wipeEphemeral()
        let passed: [IBAKECheck] = [.parse, .messageType, .session, .timestamp, .verificationMAC] + (opened.isEmpty ? [] : [.decryption, .initiatorEcho])
        return StepRecord(kind: kind, message: bytes, layers: opened, notes: notes, passed: passed, wiped: [.a])
    }

    // MARK: Helpers

    private func ownKey() throws(IBAKEFailure) -> KeyRing.Entry {
        let wanted = try KeyPeriod.identity(keys.ownURI, atNTP: firstStamp.value64)
        guard let entry = keys.entry(for: keys.ownURI), entry.identity == wanted else {
            throw IBAKEFailure(.decryption, "no private key for \(wanted)")
        }
        return entry
    }

    /// Appends the ESK for `deposit`, if any, as the last payload (RFC 6267 §4.2.2.1) and encodes.
    private func finish(_ header: CommonHeader, _ payloads: [Payload], _ layer: IBELayerRecord,
                        _ deposit: SecretKeyDeposit?) throws(IBAKEFailure) -> (bytes: [UInt8], layers: [IBELayerRecord]) {
        guard let deposit else { return (try Wire.encode(MIKEYMessage(header: header, payloads: payloads)), [layer]) }
        let esk = try layers.seal(deposit.chain(initiatorURI: keys.ownURI),
                                  to: try KeyPeriod.identity(deposit.intendedURI, atNTP: firstStamp.value64), payload: "ESK")
        let bytes = try Wire.encode(MIKEYMessage(header: header, payloads: payloads + [.esk(EncryptedDataPayload(encryptedData: esk.ciphertext))]))
        return (bytes, [layer, esk])
    }

    /// a is wiped as soon as the exchange no longer needs it (RFC 6539 §3.2).
    private func wipeEphemeral() {
        for index in secret.indices { secret[index] = 0 }
    }

    private func wipe() {
        wipeEphemeral()
        for index in rand.indices { rand[index] = 0 }
        keysAgreed = nil
    }
}
