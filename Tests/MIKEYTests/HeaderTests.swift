import MIKEY
import Primitives
import Testing

@Suite("Common header")
struct HeaderTests {
    @Test("I_MESSAGE_1's header bytes, written by hand from RFC 3830 §6.1")
    func layout() throws {
        let bytes = try Fixtures.iMessage1.encode()
        // version 1, data type 22 (I_MESSAGE_1), next payload 5 (T), V=1 | PRF 1, CSB ID,
        // #CS 1, map type 0 (SRTP-ID), Policy_no 0, SSRC 0x12345678, ROC 0.
        #expect(Hex.encode(Array(bytes[0..<19])) == "0116058" + "1" + "cd177e50" + "0100" + "00" + "12345678" + "00000000")
        let r2 = try Fixtures.rMessage2.encode()
        #expect(Array(r2[0..<4]) == [0x01, 0x19, 0x05, 0x01])  // R_MESSAGE_2, V = 0
    }

    @Test("the start of RFC 4567 §4.1.4's SDP example decodes as far as it goes")
    func rfc4567Example() {
        // a=key-mgmt:mikey AQAFgM0XflABAAAAAAAAAAAAAAsAyO... : the first bytes, decoded from base64.
        let bytes: [UInt8] = [0x01, 0x00, 0x05, 0x80, 0xCD, 0x17, 0x7E, 0x50, 0x01, 0x00,
                              0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0B, 0x00, 0xC8]
        let trace = MIKEYMessage.trace(bytes)
        guard case .header(let header)? = trace.elements.first?.value else {
            Issue.record("no header decoded: \(String(describing: trace.failure))")
            return
        }
        #expect(header.dataType == .preShared)
        #expect(header.verificationRequired)
        #expect(header.prf == .mikey1)
        #expect(header.csbID == 0xCD17_7E50)
        #expect(header.cryptoSessions == .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 0, roc: 0)]))
        #expect(trace.elements.count == 1)
        // T payload: next payload 0x0B (RAND), TS type 0 (NTP-UTC), then only 1 of 8 value octets.
        #expect(trace.failure?.kind == .truncated)
        #expect(trace.failure?.description == "T payload at offset 19: truncated: TS value needs 8 octets, 1 octet remains")
        #expect(trace.partial?.fields.map(\.name) == ["next payload", "TS type"])
        #expect(trace.partial?.fields.first?.value == "11 (RAND)")
    }

    @Test("a version other than 1 is refused", arguments: [0, 2, 0x81, 255] as [UInt8])
    func wrongVersion(version: UInt8) throws {
        var bytes = try Fixtures.iMessage1.encode()
        bytes[0] = version
        let error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.kind == .wrongVersion)
        #expect(error?.description == "HDR payload at offset 0: version \(version) is not supported (1 expected: MIKEY as RFC 3830 §6.1 defines it)")
    }

    @Test("unregistered data types and PRF funcs are refused, registered ones read in words")
    func unregisteredValues() throws {
        var bytes = try Fixtures.iMessage1.encode()
        bytes[1] = 27
        var error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.description == "HDR payload at offset 0: data type 27 is not a registered value (expected 0-26)")
        #expect(error?.fieldOffset == 1)
        bytes[1] = 22
        bytes[3] = 0x80 | 112  // V = 1, PRF func 112 (private use)
        error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.description == "HDR payload at offset 0: PRF func 112 is not a registered value (expected 0-1)")
        bytes[3] = 0x80 | 3
        bytes[9] = 3  // CS ID map type 3
        error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.description.contains("PRF func 3") == true)
        bytes[3] = 0x00
        error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.description == "HDR payload at offset 0: CS ID map type 3 is not a registered value (expected 0-2)")
    }

    @Test("#CS that overruns the SRTP-ID map")
    func crryptoSessionCountOverrun() throws {
        var bytes = try Fixtures.iMessage1.encode()
        bytes[8] = 200
        let error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes) }
        #expect(error?.kind == .lengthOverrun)
        #expect(error?.description == "HDR payload at offset 0: #CS 200 overruns the message: 200 SRTP-ID entries need 1800 octets, \(bytes.count - 10) octets remain")
    }

    @Test("a header alone is a message; its next payload 0 must end the bytes")
    func headerOnly() throws {
        let message = MIKEYMessage(header: Fixtures.header(.error, map: .empty()), payloads: [])
        let bytes = try message.encode()
        #expect(bytes.count == 10 && bytes[2] == 0)
        #expect(try MIKEYMessage(decoding: bytes) == message)
        let error = #expect(throws: MIKEYDecodingError.self) { try MIKEYMessage(decoding: bytes + [0]) }
        #expect(error?.kind == .trailingBytes)
        #expect(error?.description == "HDR payload at offset 0: 1 octet follows the last payload (next payload 0)")
    }

    @Test("the registries: names, numbers and definitions")
    func registries() {
        #expect(DataType.allCases.map(\.rawValue) == Array(0...26))
        #expect(DataType.iMessage1.inWords == "22 (I_MESSAGE_1)")
        #expect(DataType.requestKeyPSK.inWords == "19 (REQUEST_KEY_PSK)")
        #expect(DataType.rMessage2.definedIn.description == "RFC 6267 §4.2.2")
        #expect(PayloadType.registeredValues == "0-17, 20-26")
        #expect(PayloadType.ibake.inWords == "22 (IBAKE)" && PayloadType.eccpt.definedIn.description == "RFC 6267 §6.1.4")
        #expect(PRFFunction.hmacSHA256.inWords == "1 (PRF-HMAC-SHA-256)")
        #expect(ECCCurve.p256.inWords == "P-256 (8)")
        #expect(ECCCurve.allCases.map(\.rawValue) == Array(1...16) + [240])   // 240: the toy group, private use (PROFILE D4)
        #expect(ECCCurve.allCases.compactMap(\.nistCurve) == [.p256, .p384, .p521])
        for curve in NISTCurve.allCases { #expect(ECCCurve(curve).nistCurve == curve && ECCCurve(curve).rawValue == curve.mikeyIdentifier) }
        #expect(ErrorNumber.allCases.map(\.rawValue) == Array(0...15))
        #expect(KeyDataType.privateKey.inWords == "7 (K_PR)" && KeyDataType.privateKey.definedIn.document == "RFC 6267")
        #expect(KeyDataType.allCases.filter(\.carriesSalt) == [.tgkWithSalt, .tekWithSalt, .gtgkWithSalt])
        #expect(MACAlgorithm.hmacSHA256_256.macLength == 32 && MACAlgorithm.hmacSHA1_160.macLength == 20 && MACAlgorithm.null.macLength == 0)
        #expect(IDRole.allCases.map(\.abbreviation) == ["IDRi", "IDRr", "IDRkms", "IDRpsk", "IDRapp", "IDRkmsi", "IDRkmsr"])
        #expect(SRTPPolicyParameterType.allCases.map(\.rawValue) == Array(0...20))
        #expect(SRTPEncryptionAlgorithm.inWords(6) == "6 (AES-GCM)" && SRTPEncryptionAlgorithm.inWords(9) == "9 (unassigned)")
        #expect(GeneralExtensionType.allCases.count == 6 && CertificateType.allCases.count == 4 && TimestampType.allCases.count == 4)
        #expect(SpecReference.profile("D5").description == "PROFILE D5" && SpecReference.rfc(4563).description == "RFC 4563")
        // Every value of every registry has a name and a defining RFC.
        let names: [[String]] = [DataType.allCases.map(\.name), PayloadType.allCases.map(\.name), IDRole.allCases.map(\.name),
                                 IDType.allCases.map(\.name), ECCCurve.allCases.map(\.name), ErrorNumber.allCases.map(\.name),
                                 CSIDMapType.allCases.map(\.name), EncryptionAlgorithm.allCases.map(\.name), KeyValidityType.allCases.map(\.name),
                                 SecretKeyType.allCases.map(\.name), DHGroup.allCases.map(\.name), SignatureType.allCases.map(\.name)]
        #expect(names.allSatisfy { $0.allSatisfy { !$0.isEmpty } && Set($0).count == $0.count })
    }
}
