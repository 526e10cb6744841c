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

/// A user asking its KMS for K_PR (RFC 6267 §4.2.1, PSK variant; PROFILE D11):
/// REQUEST_KEY_PSK out, REQUEST_KEY_RESP in, the key checked before it is kept.
public final class ProvisioningClient {
    public let profile: IBAKEProfile
    public let uri: String
    public let kmsURI: String
    private let psk: [UInt8]
    private let parameters: BFPublicParameters
    private let random: RandomSource
    private let clock: ProtocolClock
    private let publicKeys: RecipientKeyCache
    private var request: (header: CommonHeader, rand: [UInt8], time: UInt64)?

    public init(profile: IBAKEProfile, uri: String, kmsURI: String, psk: [UInt8], kmsParameters: BFPublicParameters,
                random: RandomSource, clock: ProtocolClock, publicKeys: RecipientKeyCache = RecipientKeyCache()) {
        self.publicKeys = publicKeys
        self.profile = profile
        self.uri = uri
        self.kmsURI = kmsURI
        self.psk = psk
        parameters = kmsParameters
        self.random = random
        self.clock = clock
    }

    /// REQUEST_KEY_PSK = HDR(#CS = 0, Empty map), T, RAND, IDRi, IDRkms, V.
    public func makeRequest() throws(IBAKEFailure) -> StepRecord {
        let header = CommonHeader(dataType: .requestKeyPSK, verificationRequired: true, prf: profile.prf,
                                  csbID: Wire.uint32(random), cryptoSessions: .empty(sessionCount: 0))
        let rand = random.bytes(IBAKEProfile.randLength)
        let time = clock.now()
        request = (header, rand, time)
        let keys = profile.provisioningKeys(psk: psk, csbID: header.csbID, rand: rand)
        let message = MIKEYMessage(header: header, payloads: [
            .timestamp(TimestampPayload(.ntpUTC(time))), .rand(RANDPayload(rand)),
            .idr(IDRPayload(role: .initiator, uri: uri)), .idr(IDRPayload(role: .kms, uri: kmsURI)),
        ])
        let bytes = try Wire.sealed(message, authKey: keys.authenticationKey, mac: profile.macAlgorithm, suffix: [])
        return StepRecord(messageName: DataType.requestKeyPSK.name, message: bytes,
                          notes: ["V: MAC under auth_key from the pre-shared key"])
    }

    /// Checks REQUEST_KEY_RESP: same CSB ID and T, V under the PSK's auth_key, the KEMAC
    /// decrypts to ID || Key data (K_PR), and the key is genuine: e'(S_id, P) = e'(Q_id, P_pub).
    public func receiveResponse(_ bytes: [UInt8], keyName: ValueName) throws(IBAKEFailure) -> (record: StepRecord, key: KeyRing.Entry) {
        guard let request else { throw IBAKEFailure(.messageType, "REQUEST_KEY_RESP before a request was sent") }
        let name = DataType.requestKeyResponse.name
        let message = try Wire.decode(bytes, expecting: .requestKeyResponse)
        guard message.header.csbID == request.header.csbID, try Wire.ntpTime(message) == request.time else {
            throw IBAKEFailure(.session, "\(name) does not answer this request (CSB ID or T differ)")
        }
        let keys = profile.provisioningKeys(psk: psk, csbID: request.header.csbID, rand: request.rand)
        try Wire.verify(bytes, message, authKey: keys.authenticationKey, mac: profile.macAlgorithm, suffix: [], check: .provisioning)
        guard let kemac = message.kemac else { throw IBAKEFailure(.provisioning, "\(name) has no KEMAC payload") }
        let plaintext: [UInt8]
        let chain: [SubPayload]
        do {
            plaintext = try KEMACEncryption.apply(kemac.encryption, key: keys.encryptionKey, salt: keys.saltKey,
                                                  csbID: request.header.csbID, timestamp: .ntpUTC(request.time),
                                                  to: kemac.encryptedData)
            chain = try SubPayloadChain.decode(plaintext, first: .id)
        } catch {
            throw IBAKEFailure(.provisioning, "the KEMAC does not decrypt to ID || Key data: \(error)")
        }
        guard chain.count == 2, case .id(let identity) = chain[0], identity.text == uri,
              case .keyData(let keyData) = chain[1], keyData.type == .privateKey else {
            throw IBAKEFailure(.provisioning, "the KEMAC plaintext is not ID(\(uri)) || Key data(K_PR)")
        }
        let identityWithPeriod = try KeyPeriod.identity(uri, atNTP: request.time)
        let key = BFPrivateKey(point: try Self.point(keyData.key, curve: parameters.curve), curve: parameters.curve)
        try checkGenuine(key, identity: identityWithPeriod)
        let entry = KeyRing.Entry(identity: identityWithPeriod, key: key)
        let record = StepRecord(
            messageName: name, message: bytes, learned: [LearnedValue(keyName, keyData.key, .message(name))],
            layers: [IBELayerRecord(payload: "KEMAC", recipient: uri, plaintext: plaintext, ciphertext: kemac.encryptedData)],
            notes: ["V verifies under the PSK's auth_key", "K_PR for \(identityWithPeriod) checks out: e'(K_PR, P) = e'(Q_id, sP)"],
            passed: [.parse, .messageType, .session, .provisioning])
        return (record, entry)
    }

    /// S_id as 0x04 || x || y (PROFILE D11), on the curve and of order q.
    static func point(_ octets: [UInt8], curve: TypeOneCurve) throws(IBAKEFailure) -> CurvePoint {
        guard let point = curve.point(uncompressed: octets) else {
            throw IBAKEFailure(.provisioning, "K_PR must be 0x04 || x || y with \(curve.coordinateLength)-octet coordinates")
        }
        do {
            try curve.validateSubgroupPoint(point)
        } catch {
            throw IBAKEFailure(.provisioning, "K_PR: \(error)")
        }
        return point
    }

    /// A key issued for `identity` satisfies e'(S_id, P) = e'(P_pub, Q_id), since both are e'(Q_id, P)^s.
    private func checkGenuine(_ key: BFPrivateKey, identity: IdentityWithPeriod) throws(IBAKEFailure) {
        let expected = publicKeys.key(for: identity.octets, parameters: parameters).theta
        guard parameters.curve.pairing(key.prepared, parameters.generator) == expected else {
            throw IBAKEFailure(.provisioning, "K_PR is not the private key of \(identity) under this KMS")
        }
    }
}

/// A KMS answering REQUEST_KEY_PSK (RFC 6267 §4.2.1; PROFILE D11): it checks the
/// request's V with the user's PSK and returns K_PR for the key period of T in an
/// AES-CM-128 KEMAC (Key data type 7, KV = the interval), under V.
public final class KMSServer {
    public let profile: IBAKEProfile
    public let kms: KeyManagementService
    public let uri: String
    private let psks: [String: [UInt8]]
    private let replayCache: ReplayCache
    private let clock: ProtocolClock
    private let publicKeys: RecipientKeyCache

    public init(profile: IBAKEProfile, kms: KeyManagementService, uri: String, psks: [String: [UInt8]],
                replayCache: ReplayCache, clock: ProtocolClock, publicKeys: RecipientKeyCache = RecipientKeyCache()) {
        self.publicKeys = publicKeys
        self.profile = profile
        self.kms = kms
        self.uri = uri
        self.psks = psks
        self.replayCache = replayCache
        self.clock = clock
    }

    public func respond(to bytes: [UInt8]) throws(IBAKEFailure) -> StepRecord {
        let name = DataType.requestKeyPSK.name
        let message = try Wire.decode(bytes, expecting: .requestKeyPSK)
        let time = try Wire.ntpTime(message)
        try replayCache.admit(csbID: message.header.csbID, timestamp: time, digest: HashFunction.sha256.digest(bytes), now: clock.now())
        let user = try Wire.identity(message, .initiator)
        let userURI = try Wire.uri(user)
        guard let kmsIdentity = message.identity(.kms), kmsIdentity.text == uri else {
            throw IBAKEFailure(.provisioning, "\(name) is not addressed to this KMS (\(uri))")
        }
        guard let psk = psks[userURI] else { throw IBAKEFailure(.provisioning, "no pre-shared key for \(userURI)") }
        guard let rand = message.rand else { throw IBAKEFailure(.parse, "\(name) has no RAND payload") }
        let keys = profile.provisioningKeys(psk: psk, csbID: message.header.csbID, rand: rand)
        try Wire.verify(bytes, message, authKey: keys.authenticationKey, mac: profile.macAlgorithm, suffix: [], check: .provisioning)

        let identity = try KeyPeriod.identity(userURI, atNTP: time)
        let key = kms.extractPrivateKey(for: identity)
        let keyOctets = kms.parameterSet.curve.uncompressedOctets(key.point)
        let period = Array(identity.period.utf8)
        let chain: [SubPayload] = [.id(IDPayload(uri: userURI)),
                                   .keyData(KeyDataSubPayload(type: .privateKey, key: keyOctets,
                                                              keyValidity: .interval(validFrom: period, validTo: period)))]
        let plaintext: [UInt8]
        let ciphertext: [UInt8]
        do {
            plaintext = try SubPayloadChain.encode(chain)
            ciphertext = try KEMACEncryption.apply(.aesCM128, key: keys.encryptionKey, salt: keys.saltKey,
                                                   csbID: message.header.csbID, timestamp: .ntpUTC(time), to: plaintext)
        } catch {
            throw IBAKEFailure(.provisioning, "cannot build the KEMAC: \(error)")
        }
        var header = message.header
        header.dataType = .requestKeyResponse
        header.verificationRequired = false
        let response = MIKEYMessage(header: header, payloads: [
            .timestamp(TimestampPayload(.ntpUTC(time))), .idr(user), .idr(IDRPayload(role: .kms, uri: uri)),
            .kemac(KEMACPayload(encryption: .aesCM128, encryptedData: ciphertext, macAlgorithm: .null, mac: [])),
        ])
        let out = try Wire.sealed(response, authKey: keys.authenticationKey, mac: profile.macAlgorithm, suffix: [])
        return StepRecord(messageName: DataType.requestKeyResponse.name, message: out,
                          layers: [IBELayerRecord(payload: "KEMAC", recipient: userURI, plaintext: plaintext, ciphertext: ciphertext)],
                          notes: ["request V verifies under \(userURI)'s pre-shared key", "K_PR extracted for \(identity)"],
                          passed: [.parse, .timestamp, .replay, .provisioning])
    }
}
