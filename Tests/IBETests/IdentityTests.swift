import IBE
import Pairing
import Primitives
import Testing

@Suite struct IdentityAndKMSTests {
    @Test func identityWithPeriodOctets() throws {
        let identity = try IdentityWithPeriod(uri: "sip:alice@ims.example", year: 2026, month: 11)
        #expect(identity.octets == Array("2026-11".utf8) + [0] + Array("sip:alice@ims.example".utf8) + [0])
        #expect(identity.description == "2026-11\\0sip:alice@ims.example\\0")
        #expect(try IdentityWithPeriod(uri: "tel:+1", year: 7, month: 3).period == "0007-03")
    }

    @Test func identityRejectsBadInput() {
        #expect(throws: IBEError.self) { try IdentityWithPeriod(uri: "", year: 2026, month: 1) }
        #expect(throws: IBEError.self) { try IdentityWithPeriod(uri: "a\u{0}b", year: 2026, month: 1) }
        #expect(throws: IBEError.self) { try IdentityWithPeriod(uri: "sip:a", year: 2026, month: 13) }
    }

    @Test func kmsKeysDecryptWhatIsEncryptedToTheIdentity() throws {
        let set = try ParameterSet.named("ibe-80")
        let kms = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 1))
        let alice = try IdentityWithPeriod(uri: "sip:alice@ims.example", year: 2026, month: 11)
        let nextMonth = try IdentityWithPeriod(uri: "sip:alice@ims.example", year: 2026, month: 12)
        let message = Array("K_SESSION material".utf8)
        let ciphertext = kms.publicParameters.encrypt(message, for: alice.octets, using: HMACDRBG(seed: 2))
        #expect(try kms.publicParameters.decrypt(ciphertext, with: kms.extractPrivateKey(for: alice)) == message)
        // A key for another period is another key.
        #expect(throws: IBEError.self) {
            try kms.publicParameters.decrypt(ciphertext, with: kms.extractPrivateKey(for: nextMonth))
        }
        // P_pub = [s]P.
        #expect(set.curve.multiply(set.generator, by: kms.masterSecret) == kms.publicParameters.publicKey)
    }

    @Test func kmsIsDeterministicForASeed() throws {
        let set = try ParameterSet.named("toy")
        let first = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 42))
        let again = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 42))
        let other = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 43))
        #expect(first.masterSecret == again.masterSecret)
        #expect(first.masterSecret != other.masterSecret)
        #expect(throws: IBEError.self) { try KeyManagementService(parameterSet: set, masterSecret: set.curve.q) }
    }
}
