import MIKEY
import Primitives
import TestSupport
import Testing

/// K_SESSION -> MPK, TGK (RFC 6267 §5), -> auth/encr/salt keys (RFC 3830 §4.1.4),
/// TGK -> SRTP master key and salt (RFC 3830 §4.1.3), the KEMAC IV (RFC 3830 §4.2.3).
@Suite("Key derivation")
struct KeyDerivationTests {
    static let csbID: UInt32 = 0xCD17_7E50
    static let rand: [UInt8] = Array(0x10...0x1F)

    @Test("labels, octet by octet")
    func labels() {
        #expect(Hex.encode(KeyDerivation.sessionLabel(.mpk, rand: [0xAA])) == "220e99a2" + "ff" + "ffffffff" + "aa")
        #expect(Hex.encode(KeyDerivation.sessionLabel(.tgk, rand: [0xAA])) == "1f4d675b" + "ff" + "ffffffff" + "aa")
        #expect(Hex.encode(KeyDerivation.messageKeyLabel(.authenticationKey, csbID: Self.csbID, rand: [1])) == "2d22ac75ffcd177e5001")
        #expect(Hex.encode(KeyDerivation.messageKeyLabel(.encryptionKey, csbID: 1, rand: [])) == "150533e1ff00000001")
        #expect(Hex.encode(KeyDerivation.messageKeyLabel(.saltKey, csbID: 1, rand: [])) == "29b88916ff00000001")
        #expect(Hex.encode(KeyDerivation.cryptoSessionLabel(.tek, csID: 1, csbID: Self.csbID, rand: [2, 3])) == "2ad01c6401cd177e500203")
        #expect(Hex.encode(KeyDerivation.cryptoSessionLabel(.tgkSaltingKey, csID: 2, csbID: 0, rand: [])) == "39a2c14b0200000000")
        // The constants are nine-digit chunks of e (RFC 3830 §4.1.3).
        let decimals: [KeyDerivation.Constant: UInt32] = [.tek: 718_281_828, .tgkAuthenticationKey: 459_045_235,
                                                          .tgkEncryptionKey: 360_287_471, .tgkSaltingKey: 966_967_627,
                                                          .encryptionKey: 352_662_497, .authenticationKey: 757_247_093,
                                                          .saltKey: 699_959_574, .mpk: 571_382_178, .tgk: 525_166_427]
        for constant in KeyDerivation.Constant.allCases { #expect(constant.rawValue == decimals[constant]) }
    }

    @Test("the Python implementation's chain K_SESSION -> MPK, TGK -> keys",
          arguments: VectorFile("mikey-prf-crosscheck.txt").records(section: "ibake-keys"))
    func chain(record: VectorFile.Record) throws {
        let prf = try #require(PRFFunction(rawValue: UInt8(record.number("prf"))))
        let csbID = try UInt32(record.number("csb_id", radix: 16)), rand = try record.octets("rand")
        let session = try KeyDerivation.ibakeSessionKeys(kSession: record.octets("k_session"), rand: rand, prf: prf)
        #expect(try Hex.encode(session.mpk) == record.text("mpk"))
        #expect(try Hex.encode(session.tgk) == record.text("tgk"))
        let mac: MACAlgorithm = prf == .mikey1 ? .hmacSHA1_160 : .hmacSHA256_256  // PROFILE D8
        let keys = KeyDerivation.messageProtectionKeys(from: session.mpk, csbID: csbID, rand: rand, prf: prf, mac: mac, encryption: .aesCM128)
        #expect(try Hex.encode(keys.authenticationKey) == record.text("auth_key"))
        #expect(try Hex.encode(keys.encryptionKey) == record.text("encr_key"))
        #expect(try Hex.encode(keys.saltKey) == record.text("salt_key"))
        for csID: UInt8 in [1, 2] {
            let srtp = KeyDerivation.srtpMasterKeys(tgk: session.tgk, csID: csID, csbID: csbID, rand: rand, prf: prf)
            #expect(try Hex.encode(srtp.masterKey) == record.text("srtp_key_\(csID)"))
            #expect(try Hex.encode(srtp.masterSalt) == record.text("srtp_salt_\(csID)"))
        }
    }

    @Test("each derivation is the PRF under its label; lengths follow the profile")
    func derivationsArePRF() {
        let kSession = [0x04] + Fixtures.point().x + Fixtures.point().y  // PROFILE D6
        for prf in PRFFunction.allCases {
            let session = KeyDerivation.ibakeSessionKeys(kSession: kSession, rand: Self.rand, prf: prf)
            #expect(session.mpk.count == 32 && session.tgk.count == 32)  // PROFILE D7
            #expect(session.mpk == MIKEYPRF.derive(prf, inkey: kSession, label: KeyDerivation.sessionLabel(.mpk, rand: Self.rand), outputBits: 256))
            #expect(session.tgk == MIKEYPRF.derive(prf, inkey: kSession, label: KeyDerivation.sessionLabel(.tgk, rand: Self.rand), outputBits: 256))
            #expect(session.mpk != session.tgk)
            for (mac, encryption) in [(MACAlgorithm.hmacSHA1_160, EncryptionAlgorithm.aesCM128), (.hmacSHA256_256, .aesCM256),
                                      (.null, .null), (.hmacSHA256_256, .aesKW128)] {
                let keys = KeyDerivation.messageProtectionKeys(from: session.mpk, csbID: Self.csbID, rand: Self.rand, prf: prf,
                                                               mac: mac, encryption: encryption)
                #expect(keys.authenticationKey.count == mac.macLength)
                #expect(keys.encryptionKey.count == encryption.keyLength && keys.saltKey.count == encryption.saltLength)
            }
            let srtp = KeyDerivation.srtpMasterKeys(tgk: session.tgk, csID: 1, csbID: Self.csbID, rand: Self.rand, prf: prf)
            #expect(srtp.masterKey.count == 16 && srtp.masterSalt.count == 14)  // PROFILE D9
            #expect(srtp.masterKey == MIKEYPRF.derive(prf, inkey: session.tgk,
                                                      label: KeyDerivation.cryptoSessionLabel(.tek, csID: 1, csbID: Self.csbID, rand: Self.rand),
                                                      outputBits: 128))
        }
    }

    @Test("different constants, CSB IDs, CS IDs, RANDs and keys give different keys")
    func separation() {
        let key = [UInt8](repeating: 0x77, count: 32)
        var seen = Set<[UInt8]>()
        func add(_ bytes: [UInt8]) { #expect(seen.insert(bytes).inserted, "a derived key repeated") }
        for prf in PRFFunction.allCases {
            for rand: [UInt8] in [Self.rand, Array(Self.rand.reversed()), [0x10]] {
                for constant in [KeyDerivation.Constant.mpk, .tgk] {
                    add(MIKEYPRF.derive(prf, inkey: key, label: KeyDerivation.sessionLabel(constant, rand: rand), outputBits: 128))
                }
                for csbID: UInt32 in [0, 1, Self.csbID] {
                    let keys = KeyDerivation.messageProtectionKeys(from: key, csbID: csbID, rand: rand, prf: prf,
                                                                   mac: .hmacSHA256_256, encryption: .aesCM128)
                    add(Array(keys.authenticationKey.prefix(16)))
                    add(keys.encryptionKey)
                    add(Array(keys.saltKey) + [0, 0])
                    for csID: UInt8 in [1, 2, 0xFF] {
                        let srtp = KeyDerivation.srtpMasterKeys(tgk: key, csID: csID, csbID: csbID, rand: rand, prf: prf)
                        add(srtp.masterKey)
                        add(srtp.masterSalt + [0, 0])
                    }
                }
            }
        }
        let other = KeyDerivation.ibakeSessionKeys(kSession: [UInt8](repeating: 0x78, count: 32), rand: Self.rand, prf: .hmacSHA256)
        #expect(other != KeyDerivation.ibakeSessionKeys(kSession: key, rand: Self.rand, prf: .hmacSHA256))
    }

    @Test("the KEMAC initial counter of RFC 3830 §4.2.3, and the Python values",
          arguments: VectorFile("mikey-prf-crosscheck.txt").records(section: "kemac-iv"))
    func kemacCounter(record: VectorFile.Record) throws {
        let t64 = try record.number("t64", radix: 16)
        let timestamp: Timestamp = t64 <= UInt64(UInt32.max) ? .counter(UInt32(t64))
            : t64 & 0xFFFF_FFFF == 0 ? .ntpUTC32(UInt32(t64 >> 32)) : .ntpUTC(t64)
        #expect(timestamp.value64 == t64)
        let iv = try KEMACEncryption.initialCounter(salt: record.octets("salt"), csbID: UInt32(record.number("csb_id", radix: 16)),
                                                    timestamp: timestamp)
        #expect(try Hex.encode(iv) == record.text("iv"))
    }

    @Test("the KEMAC counter by hand; wrong salts refused")
    func kemacCounterByHand() throws {
        let salt = [UInt8](repeating: 0, count: 14)
        let iv = try KEMACEncryption.initialCounter(salt: salt, csbID: 0x0102_0304, timestamp: .counter(5))
        #expect(Hex.encode(iv) == "0000" + "01020304" + "0000000000000005" + "0000")
        let ntp32 = try KEMACEncryption.initialCounter(salt: salt, csbID: 0, timestamp: .ntpUTC32(0xAABB_CCDD))
        #expect(Hex.encode(ntp32) == "0000" + "00000000" + "aabbccdd00000000" + "0000")
        #expect(throws: MIKEYEncodingError.self) { try KEMACEncryption.initialCounter(salt: [1], csbID: 0, timestamp: .counter(0)) }
    }

    @Test("KEMAC AES-CM is AES in counter mode from that counter, and its own inverse")
    func kemacEncryption() throws {
        let keys = KeyDerivation.messageProtectionKeys(from: Array(repeating: 0x31, count: 32), csbID: Self.csbID, rand: Self.rand,
                                                       prf: .hmacSHA256, mac: .null, encryption: .aesCM128)
        let plaintext = try SubPayloadChain.encode(Fixtures.kemacPlaintext)
        let timestamp = Fixtures.timestamp
        let ciphertext = try KEMACEncryption.apply(.aesCM128, key: keys.encryptionKey, salt: keys.saltKey, csbID: Self.csbID,
                                                   timestamp: timestamp, to: plaintext)
        let counter = try KEMACEncryption.initialCounter(salt: keys.saltKey, csbID: Self.csbID, timestamp: timestamp)
        #expect(ciphertext == (try AESCounterMode.apply(key: keys.encryptionKey, initialCounter: counter, to: plaintext)))
        #expect(ciphertext != plaintext)
        let back = try KEMACEncryption.apply(.aesCM128, key: keys.encryptionKey, salt: keys.saltKey, csbID: Self.csbID,
                                             timestamp: timestamp, to: ciphertext)
        #expect(try SubPayloadChain.decode(back, first: .id) == Fixtures.kemacPlaintext)
        #expect(try KEMACEncryption.apply(.null, key: [], salt: [], csbID: 0, timestamp: timestamp, to: plaintext) == plaintext)
        #expect(throws: MIKEYEncodingError.self) {
            try KEMACEncryption.apply(.aesKW128, key: keys.encryptionKey, salt: keys.saltKey, csbID: 0, timestamp: timestamp, to: plaintext)
        }
        #expect(throws: MIKEYEncodingError.self) {
            try KEMACEncryption.apply(.aesCM256, key: keys.encryptionKey, salt: keys.saltKey, csbID: 0, timestamp: timestamp, to: plaintext)
        }
    }
}
