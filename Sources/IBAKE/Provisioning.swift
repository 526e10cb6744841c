import IBE
import MIKEY
import Pairing
import Primitives

extension IBAKEProfile {
    /// Keys that protect a REQUEST_KEY exchange: derived from the user's pre-shared key
    /// (RFC 6267 §4.2.1, RFC 3830 §4.1.4; PROFILE D11: AES-CM-128).
    func provisioningKeys(psk: [UInt8], csbID: UInt32, rand: [UInt8]) -> MessageProtectionKeys {
        KeyDerivation.messageProtectionKeys(from: psk, csbID: csbID, rand: rand, prf: prf, mac: macAlgorithm, encryption: .aesCM128)
    }
}

extension Wire {
    /// The identities a REQUEST_KEY's V MAC appends (PROFILE D8): the ID data of each
    /// requested identity (IDRi/IDRr, in message order), then of IDRkms.
    static func provisioningMACSuffix(requested: [IDRPayload], kms: IDRPayload) -> [UInt8] {
        requested.flatMap(\.data) + kms.data
    }
}

/// A user asking its KMS for K_PR (RFC 6267 §4.2.1, PSK variant; PROFILE D11):
/// REQUEST_KEY_PSK out, REQUEST_KEY_RESP in, every key checked before it is kept. One
/// request may ask for several identities, the user's own first (a device that also
/// answers for its user's common identity, PROFILE D13).
public final class ProvisioningClient {
    public let profile: IBAKEProfile
    public let uri: String
    public let kmsURI: String
    /// Every identity requested: `uri`, then the others asked for.
    public let requestedURIs: [String]
    private let psk: [UInt8]
    private let parameters: BFPublicParameters
    private let random: RandomSource
    private let clock: ProtocolClock
    /// The checks of each K_PR received (order q, genuineness) and its pairing preparation,
    /// shared with the other roles of a run and with runs repeating it.
    private let memo: IBEMemo
    private var request: (header: CommonHeader, rand: [UInt8], stamp: Timestamp)?

    public init(profile: IBAKEProfile, uri: String, alsoFor others: [String] = [], kmsURI: String, psk: [UInt8],
                kmsParameters: BFPublicParameters, random: RandomSource, clock: ProtocolClock,
                memo: IBEMemo = IBEMemo()) {
        self.memo = memo
        self.profile = profile
        self.uri = uri
        requestedURIs = [uri] + others
        self.kmsURI = kmsURI
        self.psk = psk
        parameters = kmsParameters
        self.random = random
        self.clock = clock
    }

    private var requestedIdentities: [IDRPayload] { requestedURIs.map { IDRPayload(role: .initiator, uri: $0) } }
    private var kmsIdentity: IDRPayload { IDRPayload(role: .kms, uri: kmsURI) }

    /// REQUEST_KEY_PSK = HDR(#CS = 0, Empty map), T, RAND, (IDRi), IDRkms, V; the V MAC
    /// covers the message and then the identities (PROFILE D8).
    public func makeRequestKeyPSK() throws(IBAKEFailure) -> StepRecord {
        let header = CommonHeader(dataType: .requestKeyPSK, verificationRequired: true, prf: profile.prf,
                                  csbID: Wire.uint32(random), cryptoSessions: .empty(sessionCount: 0))
        let rand = random.bytes(IBAKEProfile.randLength)
        let stamp = Timestamp.ntpUTC(clock.now())
        request = (header, rand, stamp)
        let keys = profile.provisioningKeys(psk: psk, csbID: header.csbID, rand: rand)
        let message = MIKEYMessage(header: header, payloads: [.timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand))]
                                   + requestedIdentities.map { .idr($0) } + [.idr(kmsIdentity)])
        let bytes = try Wire.sealed(message, authKey: keys.authenticationKey, mac: profile.macAlgorithm,
                                    suffix: Wire.provisioningMACSuffix(requested: requestedIdentities, kms: kmsIdentity))
        return StepRecord(kind: .requestKeyPSK, message: bytes,
                          notes: ["V: MAC under auth_key from the pre-shared key"])
    }

    /// Checks REQUEST_KEY_RESP: the request's HDR and T, V under the PSK's auth_key, the
    /// KEMAC decrypts to ID || Key data (K_PR) for each identity requested, in order, and
    /// every key is genuine: e'(S_id, P) = e'(Q_id, P_pub).
    public func receiveRequestKeyResp(_ bytes: [UInt8], keyNames: [ValueName]) throws(IBAKEFailure) -> (record: StepRecord, keys: [KeyRing.Entry]) {
        guard let request else { throw IBAKEFailure(.messageType, "REQUEST_KEY_RESP before a request was sent") }
        let kind = MessageKind.requestKeyResp, name = kind.name
        let message = try Wire.decode(bytes, expecting: .requestKeyResponse, following: request.header)
        try Wire.checkEcho(message, of: request.stamp)
        let keys = profile.provisioningKeys(psk: psk, csbID: request.header.csbID, rand: request.rand)
        try Wire.verify(bytes, message, authKey: keys.authenticationKey, mac: profile.macAlgorithm,
                        suffix: Wire.provisioningMACSuffix(requested: requestedIdentities, kms: kmsIdentity), check: .provisioning)
        guard let kemac = message.kemac else { throw IBAKEFailure(.provisioning, "\(name) has no KEMAC payload") }
        let plaintext: [UInt8]
        let chain: [SubPayload]
        do {
            plaintext = try KEMACEncryption.apply(kemac.encryption, key: keys.encryptionKey, salt: keys.saltKey,
                                                  csbID: request.header.csbID, timestamp: request.stamp, to: kemac.encryptedData)
            chain = try SubPayloadChain.decode(plaintext, first: .id)
        } catch {
            throw IBAKEFailure(.provisioning, "the KEMAC does not decrypt to ID || Key data: \(error)")
        }
        guard chain.count == 2 * requestedURIs.count, keyNames.count == requestedURIs.count else {
            throw IBAKEFailure(.provisioning, "the KEMAC holds \(chain.count / 2) keys, \(requestedURIs.count) were requested")
        }
        var entries = [KeyRing.Entry]()
        var learned = [LearnedValue]()
        var notes = ["V verifies under the PSK's auth_key"]
        for (index, requested) in requestedURIs.enumerated() {
            guard case .id(let identity) = chain[2 * index], identity.text == requested,
                  case .keyData(let keyData) = chain[2 * index + 1], keyData.type == .privateKey else {
                throw IBAKEFailure(.provisioning, "the KEMAC plaintext is not ID(\(requested)) || Key data(K_PR) where expected")
            }
            let identityWithPeriod = try KeyPeriod.identity(requested, atNTP: request.stamp.value64)
            let key = memo.privateKey(point: try point(keyData.key), curve: parameters.curve)
            try checkGenuine(key, identity: identityWithPeriod)
            entries.append(KeyRing.Entry(identity: identityWithPeriod, key: key))
            learned.append(LearnedValue(keyNames[index], keyData.key, .message(kind)))
            notes.append("K_PR for \(identityWithPeriod) checks out: e'(K_PR, P) = e'(Q_id, sP)")
        }
        let record = StepRecord(
            kind: kind, message: bytes, learned: learned,
            layers: [IBELayerRecord(payload: "KEMAC", recipient: uri, plaintext: plaintext, ciphertext: kemac.encryptedData)],
            notes: notes, passed: [.parse, .messageType, .session, .timestamp, .provisioning])
        return (record, entries)
    }

    /// The response to a request for one identity: its one key.
    public func receiveRequestKeyResp(_ bytes: [UInt8], keyName: ValueName) throws(IBAKEFailure) -> (record: StepRecord, key: KeyRing.Entry) {
        let (record, keys) = try receiveRequestKeyResp(bytes, keyNames: [keyName])
        guard let key = keys.first else { throw IBAKEFailure(.provisioning, "REQUEST_KEY_RESP carries no key") }
        return (record, key)
    }

    /// S_id as 0x04 || x || y (PROFILE D11), on the curve and of order q.
    private func point(_ octets: [UInt8]) throws(IBAKEFailure) -> CurvePoint {
        let curve = parameters.curve
        guard let point = curve.point(uncompressed: octets) else {
            throw IBAKEFailure(.provisioning, "K_PR must be 0x04 || x || y with \(curve.coordinateLength)-octet coordinates")
        }
        do {
            return try memo.subgroupPoint(point, on: curve)
        } catch {
            throw IBAKEFailure(.provisioning, "K_PR: \(error)")
        }
    }

    /// A key issued for `identity` satisfies e'(S_id, P) = e'(P_pub, Q_id).
    private func checkGenuine(_ key: BFPrivateKey, identity: IdentityWithPeriod) throws(IBAKEFailure) {
        guard memo.isPrivateKey(key, of: identity.octets, parameters: parameters) else {
            throw IBAKEFailure(.provisioning, "K_PR is not the private key of \(identity) under this KMS")
        }
    }
}

/// A KMS answering REQUEST_KEY_PSK (RFC 6267 §4.2.1; PROFILE D11): it checks T, then
/// the request's V with the PSK of the first identity requested, and only then the
/// replay cache (PROFILE D10); it returns K_PR for the key period of T for every
/// identity requested, in an AES-CM-128 KEMAC (Key data type 7, KV = the interval),
/// under V. A refusal the RFC answers carries the Error message to send (PROFILE D18).
public final class KMSServer {
    public let profile: IBAKEProfile
    public let kms: KeyManagementService
    public let uri: String
    private let psks: [String: [UInt8]]
    private let grants: [String: Set<String>]
    private let replayCache: ReplayCache
    private let clock: ProtocolClock

    /// `psks` holds each user's pre-shared key by the user's identity; `grants` the other
    /// identities a user may ask keys for (a device's common identity, PROFILE D13).
    public init(profile: IBAKEProfile, kms: KeyManagementService, uri: String, psks: [String: [UInt8]],
                grants: [String: Set<String>] = [:], replayCache: ReplayCache, clock: ProtocolClock) {
        self.profile = profile
        self.kms = kms
        self.uri = uri
        self.psks = psks
        self.grants = grants
        self.replayCache = replayCache
        self.clock = clock
    }

    public func makeRequestKeyResp(answering bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        try Wire.answeringRefusals(of: bytes, clock: clock, answer)
    }

    private func answer(_ bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        let kind = MessageKind.requestKeyPSK, name = kind.name
        let message = try Wire.decode(bytes, expecting: .requestKeyPSK)
        let stamp = try Wire.timestamp(message)
        try replayCache.checkFreshness(stamp.value64, now: clock.now())
        let requested = message.payloads.compactMap { payload -> IDRPayload? in
            if case .idr(let idr) = payload, idr.role == .initiator || idr.role == .responder { idr } else { nil }
        }
        guard let user = requested.first else { throw IBAKEFailure(.parse, "\(name) names no identity (IDRi or IDRr)") }
        let userURI = try Wire.uri(user)
        guard let kmsIdentity = message.identity(.kms), kmsIdentity.type == .uri, kmsIdentity.text == uri else {
            throw IBAKEFailure(.provisioning, "\(name) is not addressed to this KMS (\(uri))", errorNumber: .invalidID)
        }
        guard let psk = psks[userURI] else {
            throw IBAKEFailure(.provisioning, "no pre-shared key for \(userURI)", errorNumber: .invalidID)
        }
        guard let rand = message.rand else { throw IBAKEFailure(.parse, "\(name) has no RAND payload") }
        let keys = profile.provisioningKeys(psk: psk, csbID: message.header.csbID, rand: rand)
        try Wire.verify(bytes, message, authKey: keys.authenticationKey, mac: profile.macAlgorithm,
                        suffix: Wire.provisioningMACSuffix(requested: requested, kms: kmsIdentity), check: .provisioning)
        // Only a request whose V verified is looked up and remembered (PROFILE D10).
        try replayCache.checkNotReplayed(bytes, now: clock.now())
        let uris = try requested.map { identity throws(IBAKEFailure) in try Wire.uri(identity) }
        for other in uris where other != userURI && !(grants[userURI]?.contains(other) ?? false) {
            throw IBAKEFailure(.provisioning, "\(userURI) may not hold the key of \(other)", errorNumber: .invalidID)
        }

        var chain = [SubPayload]()
        var extracted = [String]()
        for requestedURI in uris {
            let identity = try KeyPeriod.identity(requestedURI, atNTP: stamp.value64)
            let key = kms.extractPrivateKey(for: identity)
            let period = Array(identity.period.utf8)
            chain += [.id(IDPayload(uri: requestedURI)),
                      .keyData(KeyDataSubPayload(type: .privateKey, key: kms.parameterSet.curve.uncompressedOctets(key.point),
                                                 keyValidity: .interval(validFrom: period, validTo: period)))]
            extracted.append("K_PR extracted for \(identity)")
        }
        let plaintext: [UInt8]
        let ciphertext: [UInt8]
        do {
            plaintext = try SubPayloadChain.encode(chain)
            ciphertext = try KEMACEncryption.apply(.aesCM128, key: keys.encryptionKey, salt: keys.saltKey,
                                                   csbID: message.header.csbID, timestamp: stamp, to: plaintext)
        } catch {
            throw IBAKEFailure(.provisioning, "cannot build the KEMAC: \(error)")
        }
        replayCache.remember(bytes, timestamp: stamp.value64, now: clock.now())
        var header = message.header
        header.dataType = .requestKeyResponse
        header.verificationRequired = false
        let response = MIKEYMessage(header: header, payloads: [.timestamp(TimestampPayload(stamp))] + requested.map { .idr($0) } + [
            .idr(kmsIdentity),
            .kemac(KEMACPayload(encryption: .aesCM128, encryptedData: ciphertext, macAlgorithm: .null, mac: [])),
        ])
        let out = try Wire.sealed(response, authKey: keys.authenticationKey, mac: profile.macAlgorithm,
                                  suffix: Wire.provisioningMACSuffix(requested: requested, kms: kmsIdentity))
        return StepRecord(kind: .requestKeyResp, message: out,
                          layers: [IBELayerRecord(payload: "KEMAC", recipient: userURI, plaintext: plaintext, ciphertext: ciphertext)],
                          notes: ["request V verifies under \(userURI)'s pre-shared key"] + extracted,
                          passed: [.parse, .timestamp, .provisioning, .replay])
    }
}
