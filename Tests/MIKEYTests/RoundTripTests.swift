import MIKEY
import Primitives
import Testing

/// encode and decode are exact inverses on valid input, for every payload type.
@Suite("Round trips")
struct RoundTripTests {
    /// decode(encode(m)) == m and encode(decode(bytes)) == bytes.
    static func roundTrip(_ message: MIKEYMessage, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try message.encode()
        let decoded = try MIKEYMessage(decoding: bytes)
        #expect(decoded == message, sourceLocation: sourceLocation)
        #expect(try decoded.encode() == bytes, sourceLocation: sourceLocation)
    }

    static func roundTrip(_ chain: [SubPayload], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try SubPayloadChain.encode(chain)
        let decoded = try SubPayloadChain.decode(bytes, first: chain[0].type)
        #expect(decoded == chain, sourceLocation: sourceLocation)
        #expect(try SubPayloadChain.encode(decoded) == bytes, sourceLocation: sourceLocation)
    }

    /// A message of `payload` alone after a minimal header.
    static func message(_ payloads: Payload...) -> MIKEYMessage {
        MIKEYMessage(header: Fixtures.header(.preShared, map: .empty()), payloads: payloads)
    }

    @Test("the fixture messages round-trip")
    func fixtures() throws {
        try Self.roundTrip(Fixtures.iMessage1)
        try Self.roundTrip(Fixtures.rMessage2)
        try Self.roundTrip(Fixtures.requestKeyResponse)
        try Self.roundTrip(Fixtures.everyPayload)
        try Self.roundTrip(MIKEYMessage(header: Fixtures.header(.error), payloads: []))
    }

    @Test("every clear payload type round-trips alone", arguments: Fixtures.everyClearPayload)
    func eachPayload(payload: Payload) throws {
        try Self.roundTrip(Self.message(payload))
        try Self.roundTrip(Self.message(payload, payload))  // twice, so it is also not last
    }

    @Test("every registered clear payload type is covered by the fixtures")
    func coverage() {
        let covered = Set(Fixtures.everyPayload.payloads.map(\.type))
        let clear = PayloadType.allCases.filter { !$0.isSubPayloadOnly && $0 != .last && $0 != .tp && $0 != .ticket }
        #expect(Set(clear) == covered)
    }

    @Test("every timestamp type, with its value length", arguments: [
        (Timestamp.ntpUTC(0xEE94_4B40_8000_0000), 8), (.ntp(1), 8), (.counter(0xFFFF_FFFF), 4), (.ntpUTC32(0xEE94_4B40), 4),
    ])
    func timestamps(timestamp: Timestamp, length: Int) throws {
        let message = Self.message(.timestamp(TimestampPayload(timestamp)))
        try Self.roundTrip(message)
        #expect(try message.encode().count == 10 + 2 + length)  // HDR (Empty map) 10, NP, TS type
    }

    @Test("the header's three CS ID map types")
    func maps() throws {
        for map: CryptoSessionMap in [.srtp([]), .srtp((0..<3).map { SRTPCryptoSession(policyNumber: UInt8($0), ssrc: 0xFFFF_FFFF, roc: UInt32($0)) }),
                                      .empty(), .empty(sessionCount: 2), .generic([]),
                                      .generic([GenericCryptoSession(csID: 7, protocolType: .srtp, sFlag: false, policyNumbers: [],
                                                                     sessionData: [], spi: []),
                                                GenericCryptoSession(csID: 8, protocolType: .tesla, sFlag: true,
                                                                     policyNumbers: Array(repeating: 1, count: 127),
                                                                     sessionData: Array(repeating: 2, count: 300), spi: Array(repeating: 3, count: 255))])] {
            for prf in PRFFunction.allCases {
                try Self.roundTrip(MIKEYMessage(header: Fixtures.header(.iMessage2, v: false, prf: prf, map: map),
                                                payloads: [.rand(RANDPayload([1]))]))
            }
        }
    }

    @Test("8-bit length fields at 0, 1 and 255 octets, refused at 256")
    func eightBitLengths() throws {
        for count in [0, 1, 255] {
            let data = [UInt8](repeating: 0x5C, count: count)
            try Self.roundTrip(Self.message(.rand(RANDPayload(data)), .randr(RANDWithRolePayload(role: .initiator, value: data))))
            try Self.roundTrip(Self.message(.dh(DHPayload(group: .oakley2, value: Array(repeating: 1, count: 128), keyValidity: .spi(data)))))
            try Self.roundTrip(Self.message(.securityPolicy(SecurityPolicyPayload(policyNumber: 0, protocolType: .srtp,
                                                                                 parameters: [PolicyParameter(type: 0, value: data)]))))
            try Self.roundTrip([.sk(SecretKeySubPayload(key: [1], keyValidity: .interval(validFrom: data, validTo: data)))])
        }
        let long = [UInt8](repeating: 0, count: 256)
        let error = #expect(throws: MIKEYEncodingError.self) { try Self.message(.rand(RANDPayload(long))).encode() }
        #expect(error?.description == "RAND payload: RAND of 256 octets does not fit its 8-bit RAND len field (at most 255)")
        #expect(throws: MIKEYEncodingError.self) { try Self.message(.dh(DHPayload(group: .oakley2, value: Array(repeating: 1, count: 128), keyValidity: .spi(long)))).encode() }
        #expect(throws: MIKEYEncodingError.self) { try SubPayloadChain.encode([.sk(SecretKeySubPayload(key: [], keyValidity: .interval(validFrom: [], validTo: long)))]) }
    }

    @Test("16-bit length fields at 0, 1, 255, 256 and 65535 octets, refused at 65536")
    func sixteenBitLengths() throws {
        for count in [0, 1, 255, 256, 65535] {
            let data = [UInt8](repeating: 0xA5, count: count)
            try Self.roundTrip(Self.message(.id(IDPayload(type: .nai, data: data))))
            try Self.roundTrip(Self.message(.idr(IDRPayload(role: .responder, type: .uri, data: data))))
            try Self.roundTrip(Self.message(.cert(CertificatePayload(type: .x509v3URL, data: data))))
            try Self.roundTrip(Self.message(.ibake(EncryptedDataPayload(encryptedData: data))))
            try Self.roundTrip(Self.message(.esk(EncryptedDataPayload(encryptedData: data))))
            try Self.roundTrip(Self.message(.generalExtension(GeneralExtensionPayload(type: .vendorID, data: data))))
            try Self.roundTrip(Self.message(.sakke(SAKKEPayload(parameterSet: .parameterSet1, idScheme: .telURIWithMonthlyKeys, data: data))))
            try Self.roundTrip(Self.message(.kemac(KEMACPayload(encryption: .null, encryptedData: data, macAlgorithm: .hmacSHA256_256,
                                                                mac: Array(repeating: 9, count: 32)))))
            try Self.roundTrip([.sk(SecretKeySubPayload(key: data))])
            try Self.roundTrip([.keyData(KeyDataSubPayload(type: .tgkWithSalt, key: data, salt: data))])
        }
        let long = [UInt8](repeating: 0, count: 65536)
        for payload: Payload in [.id(IDPayload(type: .nai, data: long)), .ibake(EncryptedDataPayload(encryptedData: long)),
                                 .esk(EncryptedDataPayload(encryptedData: long))] {
            let error = #expect(throws: MIKEYEncodingError.self) { try Self.message(payload).encode() }
            #expect(error?.description.contains("at most 65535") == true)
        }
    }

    @Test("policy parameters filling the 16-bit Policy param length")
    func policyParameterBlock() throws {
        // 257 TLVs of 255 value octets = 257 × 257 = 66049 octets: too long; 255 of them = 65535: the maximum.
        let full = (0..<255).map { PolicyParameter(type: UInt8($0), value: Array(repeating: 1, count: 255)) }
        try Self.roundTrip(Self.message(.securityPolicy(SecurityPolicyPayload(policyNumber: 1, protocolType: .srtp, parameters: full))))
        let over = full + [PolicyParameter(type: 0, value: [])]
        #expect(throws: MIKEYEncodingError.self) {
            try Self.message(.securityPolicy(SecurityPolicyPayload(policyNumber: 1, protocolType: .srtp, parameters: over))).encode()
        }
    }

    @Test("PKE's 14-bit and SIGN's 12-bit lengths at their limits")
    func narrowLengths() throws {
        for count in [0, 1, 255, 256, 16383] {
            try Self.roundTrip(Self.message(.pke(PKEPayload(cache: .cache, data: Array(repeating: 3, count: count)))))
        }
        for count in [0, 1, 255, 256, 4095] {
            try Self.roundTrip(Self.message(.sign(SignaturePayload(type: .eccsi, signature: Array(repeating: 4, count: count)))))
        }
        #expect(throws: MIKEYEncodingError.self) { try Self.message(.pke(PKEPayload(cache: .cache, data: Array(repeating: 3, count: 16384)))).encode() }
        #expect(throws: MIKEYEncodingError.self) { try Self.message(.sign(SignaturePayload(type: .eccsi, signature: Array(repeating: 4, count: 4096)))).encode() }
    }

    @Test("MACs, hashes and DH values must have their algorithm's length")
    func algorithmLengths() throws {
        for algorithm in MACAlgorithm.allCases {
            try Self.roundTrip(Self.message(.verification(VerificationPayload(algorithm: algorithm, mac: Array(repeating: 1, count: algorithm.macLength)))))
            #expect(throws: MIKEYEncodingError.self) {
                try Self.message(.verification(VerificationPayload(algorithm: algorithm, mac: Array(repeating: 1, count: algorithm.macLength + 1)))).encode()
            }
        }
        for function in CertificateHashFunction.allCases {
            try Self.roundTrip(Self.message(.chash(CertificateHashPayload(function: function, hash: Array(repeating: 2, count: function.hashLength)))))
            #expect(throws: MIKEYEncodingError.self) { try Self.message(.chash(CertificateHashPayload(function: function, hash: []))).encode() }
        }
        for group in DHGroup.allCases {
            try Self.roundTrip(Self.message(.dh(DHPayload(group: group, value: Array(repeating: 5, count: group.valueLength)))))
            #expect(throws: MIKEYEncodingError.self) { try Self.message(.dh(DHPayload(group: group, value: [5]))).encode() }
        }
    }

    @Test("every sub-payload type and key data type round-trips")
    func subPayloads() throws {
        try Self.roundTrip(Fixtures.ibakePlaintext())
        try Self.roundTrip(Fixtures.eskPlaintext)
        try Self.roundTrip(Fixtures.kemacPlaintext)
        for type in KeyDataType.allCases {
            let salt: [UInt8]? = type.carriesSalt ? [7, 7] : nil
            try Self.roundTrip([.keyData(KeyDataSubPayload(type: type, key: [1, 2], salt: salt, keyValidity: .spi([3])))])
            let wrong: [UInt8]? = type.carriesSalt ? nil : []
            #expect(throws: MIKEYEncodingError.self) { try SubPayloadChain.encode([.keyData(KeyDataSubPayload(type: type, key: [], salt: wrong))]) }
        }
        #expect(throws: MIKEYEncodingError.self) { try SubPayloadChain.encode([]) }
    }

    @Test("SIGN must be last and has no next-payload octet")
    func signLast() throws {
        let sign = Payload.sign(SignaturePayload(type: .rsaPKCS1v15, signature: [1, 2, 3]))
        let bytes = try Self.message(.rand(RANDPayload([9])), sign).encode()
        // HDR (10, NP = 11) | RAND: NP = 4 (SIGN), len 1, 9 | SIGN: 0x00 0x03 (S type 0, len 3), signature.
        #expect(bytes[2] == 11)
        #expect(Array(bytes[10...]) == [4, 1, 9, 0x00, 0x03, 1, 2, 3])
        let error = #expect(throws: MIKEYEncodingError.self) { try Self.message(sign, .rand(RANDPayload([9]))).encode() }
        #expect(error?.description.contains("must be last") == true)
    }
}
