import IBE
import Pairing
import Primitives
import Testing

/// ECCSI (RFC 6507) beyond the vector: sign/verify round trips with random identifiers and
/// messages, a flipped bit in the signature or the message is rejected, and an SSK that fails
/// the §5.1.2 validation is refused.
@Suite struct ECCSIPropertyTests {
    @Test func signVerifyRoundTrip() throws {
        let random = HMACDRBG(seed: 71)
        let kms = ECCSIKeyManagementService(using: random)
        for length in [0, 1, 26, 200] {
            let identifier = random.bytes(max(length, 1))
            let key = try ECCSISigningKey(kms.provision(identifier, using: random), kpak: kms.kpak)
            let message = random.bytes(length)
            let signature = key.sign(message, using: random)
            let parsed = try ECCSISignature(octets: signature.octets)
            #expect(parsed == signature && signature.octets.count == 129)
            try ECCSI.verify(parsed, of: message, identifier: identifier, kpak: kms.kpak)
        }
    }

    @Test func flippedBitsAreRejected() throws {
        let random = HMACDRBG(seed: 72)
        let kms = ECCSIKeyManagementService(using: random)
        let identifier = Array("tel:+447700900123".utf8)
        let key = try ECCSISigningKey(kms.provision(identifier, using: random), kpak: kms.kpak)
        let message = Array("I_MESSAGE of MIKEY-SAKKE".utf8)
        let octets = key.sign(message, using: random).octets
        for bit in stride(from: 0, to: 8 * octets.count, by: 37) {
            var flipped = octets
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(throws: ECCSIError.self, "bit \(bit) of the signature") {
                try ECCSI.verify(ECCSISignature(octets: flipped), of: message, identifier: identifier, kpak: kms.kpak)
            }
        }
        let signature = try ECCSISignature(octets: octets)
        for bit in [0, 7, 8 * message.count - 1] {
            var flipped = message
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            #expect(throws: ECCSIError.self, "bit \(bit) of the message") {
                try ECCSI.verify(signature, of: flipped, identifier: identifier, kpak: kms.kpak)
            }
        }
        #expect(throws: ECCSIError.self) {
            try ECCSI.verify(signature, of: message, identifier: Array("tel:+447700900666".utf8), kpak: kms.kpak)
        }
    }

    @Test func signingKeyThatFailsValidationIsRefused() throws {
        let random = HMACDRBG(seed: 73)
        let kms = ECCSIKeyManagementService(using: random)
        let identifier = Array("alice".utf8)
        let material = kms.provision(identifier, using: random)
        // Another identifier, another KMS, a changed SSK: step 3 fails.
        #expect(throws: ECCSIError.self) {
            try ECCSISigningKey(identifier: Array("bob".utf8), ssk: material.ssk, pvt: material.pvt, kpak: kms.kpak)
        }
        #expect(throws: ECCSIError.self) { try ECCSISigningKey(material, kpak: ECCSIKeyManagementService(using: random).kpak) }
        var ssk = material.ssk
        ssk[31] ^= 1
        #expect(throws: ECCSIError.self) {
            try ECCSISigningKey(identifier: identifier, ssk: ssk, pvt: material.pvt, kpak: kms.kpak)
        }
        // Out of range: zero, q itself, the wrong length.
        for bad in [[UInt8](repeating: 0, count: 32), ECCSI.curve.order, [1]] {
            #expect(throws: ECCSIError.self) {
                try ECCSISigningKey(identifier: identifier, ssk: bad, pvt: material.pvt, kpak: kms.kpak)
            }
        }
    }

    @Test func malformedSignaturesSayWhatWasExpected() throws {
        do {
            _ = try ECCSISignature(octets: [1, 2, 3])
            Issue.record("a 3-octet signature was accepted")
        } catch {
            #expect(error.description.contains("129 expected"))
        }
        var compressed = [UInt8](repeating: 7, count: 129)
        compressed[64] = 0x02
        #expect(throws: ECCSIError.self) { try ECCSISignature(octets: compressed) }
    }
}
