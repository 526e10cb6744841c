import IBE
import Pairing
import Primitives
import Testing

/// Round trips and tamper detection for BF and BB1 at every shipped level.
@Suite struct IBEPropertyTests {
    static let levels = ["toy", "ibe-80", "ibe-112", "ibe-128", "ibe-192"]
    static let messages: [[UInt8]] = [[], Array("Hi there!".utf8), (0..<1000).map { UInt8($0 % 251) }]

    @Test(arguments: levels) func bfRoundTrip(level: String) throws {
        let set = try ParameterSet.named(level)
        let random = HMACDRBG(seed: 11)
        let kms = KeyManagementService(parameterSet: set, using: random)
        let bob = try IdentityWithPeriod(uri: "sip:bob@ims.example", year: 2026, month: 11)
        let key = kms.extractPrivateKey(for: bob)
        for message in Self.messages {
            let ciphertext = kms.publicParameters.encrypt(message, for: bob.octets, using: random)
            #expect(ciphertext.w.count == message.count)
            let decoded = try BFCiphertext(decoding: ciphertext.encoded(on: set.curve),
                                           parameters: kms.publicParameters)
            #expect(decoded == ciphertext)
            #expect(try kms.publicParameters.decrypt(decoded, with: key) == message)
        }
    }

    @Test(arguments: levels) func bb1RoundTrip(level: String) throws {
        let set = try ParameterSet.named(level)
        let random = HMACDRBG(seed: 12)
        let q = set.curve.q
        func scalar() -> BigInt { BigInt(bytes: random.bytes(q.byteWidth + 8)).modulo(q - .one) + .one }
        let master = BB1MasterSecret(alpha: scalar(), beta: scalar(), gamma: scalar())
        let parameters = master.publicParameters(curve: set.curve, generator: set.generator, hash: set.hash)
        let key = master.extractPrivateKey(for: Array("Bob".utf8), parameters: parameters, using: random)
        for message in Self.messages {
            let ciphertext = parameters.encrypt(message, for: Array("Bob".utf8), using: random)
            #expect(try parameters.decrypt(ciphertext, with: key) == message)
        }
        let other = master.extractPrivateKey(for: Array("Eve".utf8), parameters: parameters, using: random)
        #expect(throws: IBEError.self) {
            try parameters.decrypt(parameters.encrypt(Self.messages[1], for: Array("Bob".utf8), using: random), with: other)
        }
    }

    /// Every bit of the D2 encoding (0x04 || U || V || W) at ibe-80, a spread of bits at
    /// the larger levels: each flip is refused with an error, never a wrong plaintext.
    /// Not the toy set: with q < 2^16 a flipped W passes the FO check with probability 1/q.
    @Test(arguments: levels.dropFirst()) func bfEveryFlippedBitIsRefused(level: String) throws {
        let set = try ParameterSet.named(level)
        let random = HMACDRBG(seed: 13)
        let kms = KeyManagementService(parameterSet: set, using: random)
        let bob = try IdentityWithPeriod(uri: "sip:bob@ims.example", year: 2026, month: 11)
        let key = kms.extractPrivateKey(for: bob)
        let message = Array("sixteen octets!!".utf8)
        let encoded = kms.publicParameters.encrypt(message, for: bob.octets, using: random)
            .encoded(on: set.curve)
        let bits = encoded.count * 8
        let positions = bits <= 2_000 ? Array(0..<bits) : Array(stride(from: 0, to: bits, by: bits / 97)) + [bits - 1]
        for position in positions {
            var tampered = encoded
            tampered[position / 8] ^= 1 << UInt8(position % 8)
            #expect(throws: IBEError.self, "bit \(position) of \(bits)") {
                try kms.publicParameters.decrypt(BFCiphertext(decoding: tampered, parameters: kms.publicParameters), with: key)
            }
        }
    }

    @Test func bfRejectsUOutsideTheSubgroupBeforeAnyPairing() throws {
        let set = try ParameterSet.named("ibe-80")
        let kms = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 14))
        let bob = try IdentityWithPeriod(uri: "sip:bob@ims.example", year: 2026, month: 11)
        let honest = kms.publicParameters.encrypt([1, 2, 3], for: bob.octets, using: HMACDRBG(seed: 15))
        // A point on the curve whose order is a multiple of the cofactor's factors, not q.
        let stray = set.curve.point(withY: BigInt(5))
        #expect(set.curve.contains(stray) && !set.curve.multiply(stray, by: set.curve.q).isInfinity)
        let cases: [(CurvePoint, String)] = [
            (stray, "not of order q"),
            (CurvePoint(x: stray.x, y: stray.y + .one), "not on y^2"),
            (CurvePoint(x: set.curve.p, y: .zero), "coordinates must be in [0, p)"),
            (.infinity, "point at infinity"),
        ]
        for (u, reason) in cases {
            do {
                _ = try kms.publicParameters.decrypt(BFCiphertext(u: u, v: honest.v, w: honest.w), with: kms.extractPrivateKey(for: bob))
                Issue.record("accepted U = \(u)")
            } catch {
                #expect(error.description.contains("U is not a point of order q"))
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }

    @Test func bfCiphertextDecodingSaysWhatIsWrong() throws {
        let parameters = try KeyManagementService(parameterSet: ParameterSet.named("toy"), using: HMACDRBG(seed: 3)).publicParameters
        #expect(throws: IBEError.decryptionFailed("ciphertext of 3 octets; at least 41 expected (0x04 || x || y || V)")) {
            try BFCiphertext(decoding: [4, 0, 0], parameters: parameters)
        }
        #expect(throws: IBEError.decryptionFailed("U must start with 0x04 (uncompressed point), found 0x2")) {
            try BFCiphertext(decoding: [2] + [UInt8](repeating: 0, count: 40), parameters: parameters)
        }
    }
}

/// theta = e'(P_pub, Q')^h (the shortcut `recipientKey` takes) equals e'(P_pub, HashToPoint(id)).
@Suite struct RecipientKeyTests {
    @Test(arguments: ["toy", "ibe-80", "ibe-128"]) func thetaMatchesThePairingWithQid(level: String) throws {
        let set = try ParameterSet.named(level)
        let parameters = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 8)).publicParameters
        for name in ["sip:alice@ims.example", "sip:bob@ims.example", "Bob"] {
            let identity = Array(name.utf8)
            let direct = set.curve.pairing(parameters.publicKey, parameters.publicKey(for: identity))
            #expect(parameters.recipientKey(for: identity).theta == direct, "\(level) \(name)")
        }
    }
}
