import IBE
import Pairing
import Primitives
import Testing

/// SAKKE (RFC 6508) beyond the vector: round trips with random identifiers and SSVs, and the
/// refusals (a flipped bit anywhere in the Encapsulated Data, another receiver's key, an RSK
/// that fails the §6.1.2 check, malformed input).
@Suite struct SAKKEPropertyTests {
    let parameters = SAKKEParameters.parameterSet1

    @Test func roundTripWithRandomIdentifiers() throws {
        let random = HMACDRBG(seed: 61)
        let kms = SAKKEKeyManagementService(parameters: parameters, using: random)
        for length in [1, 26, 64] {
            let identifier = random.bytes(length)
            let key = try kms.receiverKey(for: identifier)
            let (ssv, data) = try parameters.encapsulate(to: identifier, kmsPublicKey: kms.publicKey, using: random)
            #expect(ssv.count == 16)
            let parsed = try SAKKEEncapsulatedData(octets: data.octets(parameters: parameters), parameters: parameters)
            #expect(try key.decapsulate(parsed) == ssv)
        }
    }

    @Test func flippedBitsAndOtherReceiversAreRefused() throws {
        let random = HMACDRBG(seed: 62)
        let kms = SAKKEKeyManagementService(parameters: parameters, using: random)
        let bob = Array("tel:+447700900123".utf8)
        let key = try kms.receiverKey(for: bob)
        let (_, data) = try parameters.encapsulate(to: bob, kmsPublicKey: kms.publicKey, using: random)
        let octets = data.octets(parameters: parameters)
        // One bit in H, one in x, one in y: H decrypts to another SSV, whose r fails step 5;
        // a changed coordinate leaves the curve.
        for bit in [8 * (octets.count - 1), 8 * 5 + 3, 8 * 200 + 7] {
            var flipped = octets
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            let tampered = try SAKKEEncapsulatedData(octets: flipped, parameters: parameters)
            #expect(throws: SAKKEError.self) { try key.decapsulate(tampered) }
        }
        let eve = try kms.receiverKey(for: Array("tel:+447700900666".utf8))
        #expect(throws: SAKKEError.decapsulationFailed) { try eve.decapsulate(data) }
    }

    @Test func receiverSecretKeyThatFailsTheCheckIsRefused() throws {
        let random = HMACDRBG(seed: 63)
        let kms = SAKKEKeyManagementService(parameters: parameters, using: random)
        let bob = Array("bob".utf8)
        let rsk = try kms.receiverSecretKey(for: bob)
        // Alice's key, or Bob's under another KMS: a point of order q, but not (b + z)^-1 P.
        let other = try kms.receiverSecretKey(for: Array("alice".utf8))
        #expect(throws: SAKKEError.self) {
            try SAKKEReceiverKey(identifier: bob, rsk: other, kmsPublicKey: kms.publicKey, parameters: parameters)
        }
        let otherKMS = SAKKEKeyManagementService(parameters: parameters, using: random)
        #expect(throws: SAKKEError.self) {
            try SAKKEReceiverKey(identifier: bob, rsk: rsk, kmsPublicKey: otherKMS.publicKey, parameters: parameters)
        }
        let offCurve = CurvePoint(x: rsk.x, y: (rsk.y + .one).modulo(parameters.curve.p))
        #expect(throws: SAKKEError.self) {
            try SAKKEReceiverKey(identifier: bob, rsk: offCurve, kmsPublicKey: kms.publicKey, parameters: parameters)
        }
    }

    @Test func malformedInputIsRefusedWithWhatWasExpected() throws {
        let random = HMACDRBG(seed: 64)
        let kms = SAKKEKeyManagementService(parameters: parameters, using: random)
        #expect(throws: SAKKEError.self) { try SAKKEEncapsulatedData(octets: [0x04, 1, 2], parameters: parameters) }
        var wrongPrefix = [UInt8](repeating: 1, count: 273)
        wrongPrefix[0] = 0x02
        do {
            _ = try SAKKEEncapsulatedData(octets: wrongPrefix, parameters: parameters)
            Issue.record("a 0x02 prefix was accepted")
        } catch {
            #expect(error.description.contains("0x04"))
        }
        #expect(throws: SAKKEError.self) { try parameters.encapsulate(ssv: [1, 2, 3], to: [1], kmsPublicKey: kms.publicKey) }
        #expect(throws: SAKKEError.self) { try SAKKEKeyManagementService(parameters: parameters, masterSecret: parameters.curve.q) }
        // Z of order 2, (0, 0), lies on y^2 = x^3 - 3x but not in the subgroup; so does Z + (0, 0).
        let twoTorsion = CurvePoint(x: .zero, y: .zero)
        for z in [twoTorsion, parameters.curve.add(kms.publicKey, twoTorsion)] {
            #expect(throws: SAKKEError.self) { try parameters.encapsulate(ssv: random.bytes(16), to: [1], kmsPublicKey: z) }
        }
    }
}
