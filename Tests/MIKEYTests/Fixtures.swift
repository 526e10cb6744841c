import MIKEY
import Primitives

/// Messages and sub-payload chains the tests build from, with fixed values.
enum Fixtures {
    static let csbID: UInt32 = 0xCD17_7E50
    static let rand: [UInt8] = Array(0x10...0x1F)
    static let alice = "sip:alice@ims.example"
    static let bob = "sip:bob@ims.example"

    /// A fixed point: [k]G on `curve`.
    static func point(_ curve: NISTCurve = .p256, _ k: UInt8 = 7) -> ECPoint {
        // Invariant: k in 1...255 is below every curve order, so [k]G is finite.
        guard let point = try? curve.generator.multiplied(by: [k]) else { fatalError("[\(k)]G failed") }
        return point
    }

    static func header(_ dataType: DataType, v: Bool = true, prf: PRFFunction = .hmacSHA256,
                       map: CryptoSessionMap = .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 0x1234_5678, roc: 0)])) -> CommonHeader {
        CommonHeader(dataType: dataType, verificationRequired: v, prf: prf, csbID: csbID, cryptoSessions: map)
    }

    static let timestamp = Timestamp.ntpUTC(unixSeconds: 1_793_707_200, fraction: 0x8000_0000)  // 2026-11-03 12:00:00.5 UTC

    /// An I_MESSAGE_1 shape (RFC 6267 §4.2.2, PROFILE D9): HDR, T, RAND, IDRi, IDRr, SP, IBAKE, ESK.
    static var iMessage1: MIKEYMessage {
        MIKEYMessage(header: header(.iMessage1), payloads: [
            .timestamp(TimestampPayload(timestamp)),
            .rand(RANDPayload(rand)),
            .idr(IDRPayload(role: .initiator, uri: alice)),
            .idr(IDRPayload(role: .responder, uri: bob)),
            .securityPolicy(.srtp(policyNumber: 0)),
            .ibake(EncryptedDataPayload(encryptedData: (0..<120).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })),
            .esk(EncryptedDataPayload(encryptedData: (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 91 &+ 3) })),
        ])
    }

    /// An R_MESSAGE_2 shape with an ESK before V, to test the MAC input.
    static var rMessage2: MIKEYMessage {
        MIKEYMessage(header: header(.rMessage2, v: false), payloads: [
            .timestamp(TimestampPayload(timestamp)),
            .idr(IDRPayload(role: .initiator, uri: alice)),
            .idr(IDRPayload(role: .responder, uri: bob)),
            .esk(EncryptedDataPayload(encryptedData: [0xE5, 0x0E, 0x5E])),
            .verification(VerificationPayload(algorithm: .hmacSHA256_256, mac: Array(repeating: 0xAB, count: 32))),
        ])
    }

    /// A REQUEST_KEY_RESP shape (RFC 6267 §4.2.1): Empty map, KEMAC, V.
    static var requestKeyResponse: MIKEYMessage {
        MIKEYMessage(header: header(.requestKeyResponse, v: false, map: .empty()), payloads: [
            .timestamp(TimestampPayload(timestamp)),
            .idr(IDRPayload(role: .kms, uri: "https://kms.ims.example")),
            .kemac(KEMACPayload(encryption: .aesCM128, encryptedData: Array(repeating: 0x5A, count: 70),
                                macAlgorithm: .null, mac: [])),
            .verification(VerificationPayload(algorithm: .hmacSHA1_160, mac: Array(1...20))),
        ])
    }

    /// One of every clear payload type the codec knows, then SIGN last.
    static var everyPayload: MIKEYMessage {
        MIKEYMessage(header: header(.publicKey, map: .generic([
            GenericCryptoSession(csID: 1, protocolType: .srtp, sFlag: true, policyNumbers: [0, 1],
                                 sessionData: [0xDE, 0xAD, 0xBE, 0xEF, 0, 0, 0, 1, 0, 2], spi: [9, 9]),
        ])), payloads: everyClearPayload + [.sign(SignaturePayload(type: .rsaPSS, signature: Array(repeating: 0x51, count: 64)))])
    }

    static let everyClearPayload: [Payload] = [
        .timestamp(TimestampPayload(.counter(42))),
        .rand(RANDPayload([1, 2, 3])),
        .id(IDPayload(uri: alice)),
        .cert(CertificatePayload(type: .x509v3, data: [0x30, 0x82, 0x01, 0x00])),
        .chash(CertificateHashPayload(function: .sha256, hash: Array(repeating: 0xCC, count: 32))),
        .pke(PKEPayload(cache: .cacheForCSB, data: Array(repeating: 0xEE, count: 33))),
        .dh(DHPayload(group: .oakley1, value: Array(repeating: 0xD1, count: 96), keyValidity: .spi([0x0A]))),
        .kemac(KEMACPayload(encryption: .aesCM256, encryptedData: [1, 2, 3, 4], macAlgorithm: .hmacSHA1_160,
                            mac: Array(repeating: 0x11, count: 20))),
        .securityPolicy(SecurityPolicyPayload(policyNumber: 3, protocolType: .tesla,
                                              parameters: [PolicyParameter(type: 200, value: []), PolicyParameter(type: 1, value: [5, 6])])),
        .error(ErrorPayload(.invalidTimestamp)),
        .generalExtension(GeneralExtensionPayload(type: .keyID, data: [0, 1, 7])),
        .tr(TimestampWithRolePayload(role: .endOfValidity, timestamp: .ntpUTC32(0xEB00_0000))),
        .idr(IDRPayload(role: .kms, type: .byteString, data: [0, 1, 2])),
        .randr(RANDWithRolePayload(role: .kms, value: Array(repeating: 0x33, count: 16))),
        .ibake(EncryptedDataPayload(encryptedData: [7, 7, 7])),
        .esk(EncryptedDataPayload(encryptedData: [])),
        .sakke(SAKKEPayload(parameterSet: .parameterSet1, idScheme: .telURIWithMonthlyKeys, data: [0x04, 1, 2])),
        .verification(VerificationPayload(algorithm: .null, mac: [])),
    ]

    /// IBAKE plaintext of I_MESSAGE_1: IDRi || ECCPTi || IDRr (RFC 6267 §4.2.2).
    static func ibakePlaintext(curve: NISTCurve = .p256, compressed: Bool = false) -> [SubPayload] {
        [.idr(IDRPayload(role: .initiator, uri: alice)),
         .eccpt(ECCPointSubPayload(point: point(curve), compressed: compressed, authAlgorithm: .hmacSHA256_256, tgkLength: 32)),
         .idr(IDRPayload(role: .responder, uri: bob))]
    }

    /// ESK plaintext: ID || SK (RFC 6267 §6.1.2, PROFILE D12).
    static let eskPlaintext: [SubPayload] = [
        .id(IDPayload(uri: bob)),
        .sk(SecretKeySubPayload(key: Array(0xA0...0xAF), keyValidity: .interval(validFrom: Array("2026-11".utf8), validTo: Array("2026-11".utf8)))),
    ]

    /// REQUEST_KEY_RESP KEMAC plaintext: ID || Key data (K_PR) (RFC 6267 §4.2.1, PROFILE D11).
    static let kemacPlaintext: [SubPayload] = [
        .id(IDPayload(uri: alice)),
        .keyData(KeyDataSubPayload(type: .privateKey, key: [0x04] + Array(repeating: 0x42, count: 64),
                                   keyValidity: .interval(validFrom: Array("2026-11".utf8), validTo: Array("2026-11".utf8)))),
        .keyData(KeyDataSubPayload(type: .tekWithSalt, key: Array(repeating: 1, count: 16), salt: Array(repeating: 2, count: 14))),
    ]

    static func encode(_ message: MIKEYMessage) -> [UInt8] {
        do { return try message.encode() } catch { fatalError("fixture does not encode: \(error)") }
    }
}
