import IBE
import Pairing
import Primitives
import Testing

/// The IBE memo (issue 12): what it returns is what computing anew returns, it keeps
/// each result under all of its inputs, and it answers a repeated look-up from its table.
@Suite struct IBEMemoTests {
    static let bob = try? IdentityWithPeriod(uri: "sip:bob@ims.example", year: 2026, month: 11)

    @Test(arguments: ["toy", "ibe-80"])
    func aKMSWithTheMemoIsTheKMSWithout(level: String) throws {
        let set = try ParameterSet.named(level)
        let bob = try #require(Self.bob)
        let memo = IBEMemo()
        let plain = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 5))
        // Twice through the memo: the second KMS is found, not computed.
        for _ in 0..<2 {
            let memoized = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 5), memo: memo)
            #expect(memoized.masterSecret == plain.masterSecret)
            #expect(memoized.publicParameters == plain.publicParameters)
            let key = memoized.extractPrivateKey(for: bob)
            #expect(key == plain.extractPrivateKey(for: bob))
            // The prepared form pairs like a fresh one.
            let u = set.curve.multiply(set.generator, by: BigInt(7))
            #expect(set.curve.pairing(key.prepared, u) == set.curve.pairing(key.point, u))
            #expect(memo.recipientKey(for: bob.octets, parameters: memoized.publicParameters)
                    == plain.publicParameters.recipientKey(for: bob.octets))
        }
        // Computed: the KMS set-up, one extraction, its preparation, one recipient key. The
        // second round found the set-up, the extraction (preparation included) and the key.
        #expect(memo.statistics.computed == 4 && memo.statistics.reused == 3)
    }

    @Test func aKMSDrawsItsSecretWithTheMemoAsWithout() throws {
        let set = try ParameterSet.named("toy")
        let memo = IBEMemo()
        _ = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 6), memo: memo)
        let (memoized, plain) = (HMACDRBG(seed: 6), HMACDRBG(seed: 6))
        _ = KeyManagementService(parameterSet: set, using: memoized, memo: memo)
        _ = KeyManagementService(parameterSet: set, using: plain)
        #expect(memoized.bytes(16) == plain.bytes(16))
    }

    @Test func resultsAreKeptUnderAllTheirInputs() throws {
        let bob = try #require(Self.bob)
        let memo = IBEMemo()
        // Two KMSs of one set, and a KMS of another set, with one identity.
        let toy = try ParameterSet.named("toy")
        let kmss = [KeyManagementService(parameterSet: toy, using: HMACDRBG(seed: 1), memo: memo),
                    KeyManagementService(parameterSet: toy, using: HMACDRBG(seed: 2), memo: memo),
                    KeyManagementService(parameterSet: try ParameterSet.named("ibe-80"), using: HMACDRBG(seed: 1), memo: memo)]
        try #require(kmss[0].masterSecret != kmss[1].masterSecret)
        for kms in kmss {
            let fresh = try KeyManagementService(parameterSet: kms.parameterSet, masterSecret: kms.masterSecret)
            #expect(kms.extractPrivateKey(for: bob) == fresh.extractPrivateKey(for: bob))
            #expect(memo.recipientKey(for: bob.octets, parameters: kms.publicParameters)
                    == kms.publicParameters.recipientKey(for: bob.octets))
        }
        #expect(memo.statistics.reused == 0)
    }

    @Test func encryptionDecryptionAndKeyChecksAreThoseComputedAnew() throws {
        let set = try ParameterSet.named("ibe-80")
        let bob = try #require(Self.bob)
        let kms = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 4))
        let parameters = kms.publicParameters
        let key = kms.extractPrivateKey(for: bob)
        let recipient = parameters.recipientKey(for: bob.octets)
        let memo = IBEMemo()
        let message = Array("K_SESSION material".utf8)
        for _ in 0..<2 {
            // The memo draws rho as encryption does, so both streams stay in step.
            let (memoized, plain) = (HMACDRBG(seed: 9), HMACDRBG(seed: 9))
            let ciphertext = memo.encrypt(message, to: recipient, parameters: parameters, using: memoized)
            #expect(ciphertext == parameters.encrypt(message, to: recipient, using: plain))
            #expect(memoized.bytes(16) == plain.bytes(16))
            #expect(try memo.decrypt(ciphertext, with: key, parameters: parameters) == message)
            // A ciphertext for another message fails the FO check, found or not.
            let altered = BFCiphertext(u: ciphertext.u, v: ciphertext.v, w: ciphertext.w.map { $0 ^ 1 })
            var refusal: IBEError?
            do throws(IBEError) { _ = try memo.decrypt(altered, with: key, parameters: parameters) } catch { refusal = error }
            #expect(throws: try #require(refusal)) { try parameters.decrypt(altered, with: key) }
            #expect(memo.isPrivateKey(key, of: bob.octets, parameters: parameters))
            #expect(!memo.isPrivateKey(key, of: Array("sip:eve@ims.example".utf8), parameters: parameters))
            #expect(try memo.subgroupPoint(key.point, on: set.curve) == key.point)
            // (0, 1) is on the curve but of order 3, not q.
            let small = CurvePoint(x: .zero, y: BigInt(1))
            #expect(throws: CurveError.self) { try memo.subgroupPoint(small, on: set.curve) }
        }
        // Every look-up of the second round was found: encryption, decryption (twice), the
        // two key checks (whose recipient key the first round computed), the two points.
        #expect(memo.statistics.reused == 7)
    }

    @Test func concurrentLookUpsAgreeAndKeepOneResultPerInput() async throws {
        let set = try ParameterSet.named("toy")
        let kms = KeyManagementService(parameterSet: set, using: HMACDRBG(seed: 3))
        let identities = try (1...4).map { try IdentityWithPeriod(uri: "sip:user\($0)@ims.example", year: 2026, month: 11) }
        let memo = IBEMemo()
        let keys = await withTaskGroup(of: (Int, BFRecipientKey).self) { group in
            for _ in 0..<8 {
                for (index, identity) in identities.enumerated() {
                    group.addTask { (index, memo.recipientKey(for: identity.octets, parameters: kms.publicParameters)) }
                }
            }
            return await group.reduce(into: [(Int, BFRecipientKey)]()) { $0.append($1) }
        }
        #expect(keys.count == 32)
        for (index, key) in keys {
            #expect(key == kms.publicParameters.recipientKey(for: identities[index].octets))
        }
        #expect(memo.statistics.computed == identities.count)
    }
}
