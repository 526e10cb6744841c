import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// The conformance fixes of the RFC 6267 / RFC 3830 reading (issue 9): each test
/// checks one rule a real endpoint or an attacker would see, and failed on the code
/// before the fix.
@Suite struct ConformanceTests {
    // MARK: Helpers

    private func refusal(_ check: IBAKECheck, _ body: () throws -> Void) -> IBAKEFailure? {
        do {
            try body()
            Issue.record("accepted; \(check) expected to refuse")
        } catch let failure as IBAKEFailure {
            #expect(failure.check == check, "\(failure)")
            return failure
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    /// `bytes` re-encoded after `change` rewrites the decoded message.
    private func rewrite(_ bytes: [UInt8], _ change: (inout MIKEYMessage) -> Void) throws -> [UInt8] {
        var message = try MIKEYMessage(decoding: bytes)
        change(&message)
        return try message.encode()
    }

    /// An initiator whose key is Alice's and whose answering party has no key for Bob:
    /// R_MESSAGE_1 comes back without the aP echo.
    private func mailboxRun(_ fixture: ExchangeFixture) throws -> (Initiator, Responder) {
        let initiator = try fixture.initiator(target: ExchangeFixture.bob)
        let mailbox = try fixture.responder("sip:voicemail@ims.example")
        _ = try mailbox.receiveIMessage1(try initiator.makeIMessage1().message)
        _ = try initiator.receiveRMessage1(try mailbox.makeRMessage1().message)
        return (initiator, mailbox)
    }

    /// I_MESSAGE_1 sent and accepted, R_MESSAGE_1 sent and accepted: I_MESSAGE_2 is next.
    private func answered(_ fixture: ExchangeFixture) throws -> (Initiator, Responder) {
        let initiator = try fixture.initiator()
        let responder = try fixture.responder()
        _ = try responder.receiveIMessage1(try initiator.makeIMessage1().message)
        _ = try initiator.receiveRMessage1(try responder.makeRMessage1().message)
        return (initiator, responder)
    }

    private func hmacSHA256(_ key: [UInt8], _ input: [UInt8]) -> [UInt8] {
        HMAC.authenticationCode(for: input, key: key, hash: .sha256)
    }

    // MARK: ESK (RFC 6267 §4.2.2.5)

    @Test func theESKNamesTheInitiator() throws {
        let fixture = try ExchangeFixture()
        let (initiator, _) = try mailboxRun(fixture)
        let m3 = try initiator.makeIMessage2(deposit: SecretKeyDeposit(intendedURI: ExchangeFixture.bob, secretKey: fixture.random.bytes(16)))
        let esk = try #require(try MIKEYMessage(decoding: m3.message).esk)
        let parameters = fixture.kms.publicParameters
        let bob = try IdentityWithPeriod(uri: ExchangeFixture.bob, year: 2026, month: 11)
        let plaintext = try parameters.decrypt(try BFCiphertext(decoding: esk.encryptedData, parameters: parameters),
                                               with: fixture.kms.extractPrivateKey(for: bob))
        let chain = try SubPayloadChain.decode(plaintext, first: .id)
        guard case .id(let identity) = chain.first else { Issue.record("no ID first in the ESK"); return }
        #expect(identity.type == .uri)
        #expect(identity.text == ExchangeFixture.alice)
    }

    @Test func anESKNamingAnotherSenderIsRefused() throws {
        let fixture = try ExchangeFixture()
        let (initiator, bob) = try answered(fixture)
        let m3 = try initiator.makeIMessage2(deposit: SecretKeyDeposit(intendedURI: ExchangeFixture.bob, secretKey: fixture.random.bytes(16)))
        // Eve (anyone can encrypt to Bob) swaps in an ESK that claims to come from Carol.
        let parameters = fixture.kms.publicParameters
        let forged = try SubPayloadChain.encode([.id(IDPayload(uri: "sip:carol@ims.example")),
                                                 .sk(SecretKeySubPayload(key: fixture.random.bytes(16)))])
        let bobIdentity = try IdentityWithPeriod(uri: ExchangeFixture.bob, year: 2026, month: 11)
        let sealed = parameters.encrypt(forged, for: bobIdentity.octets, using: fixture.random).encoded(on: parameters.curve)
        let changed = try rewrite(m3.message) { message in
            message.payloads = message.payloads.map { if case .esk = $0 { .esk(EncryptedDataPayload(encryptedData: sealed)) } else { $0 } }
        }
        _ = refusal(.innerIdentity) { _ = try bob.receiveIMessage2(changed) }
    }

    // MARK: V MAC input (RFC 6267 §5.4; PROFILE D8)

    @Test func rMessage2MACCoversTheMessageThenBothIdentities() throws {
        let fixture = try ExchangeFixture()
        let (initiator, responder) = try answered(fixture)
        _ = try responder.receiveIMessage2(try initiator.makeIMessage2().message)
        let m4 = try responder.makeRMessage2().message
        let key = try #require(responder.sessionKeys?.authKey)
        let input = Array(m4.dropLast(32)) + Array(ExchangeFixture.alice.utf8) + Array(ExchangeFixture.bob.utf8)
        #expect(Array(m4.suffix(32)) == hmacSHA256(key, input))
    }

    @Test func requestKeyMACsCoverTheMessageThenTheIdentities() throws {
        let fixture = try ExchangeFixture()
        let psk = fixture.random.bytes(32)
        let kmsURI = "https://kms.ims.example"
        let server = KMSServer(profile: fixture.profile, kms: fixture.kms, uri: kmsURI, psks: [ExchangeFixture.alice: psk],
                               replayCache: ReplayCache(), clock: fixture.clock)
        let client = ProvisioningClient(profile: fixture.profile, uri: ExchangeFixture.alice, kmsURI: kmsURI, psk: psk,
                                        kmsParameters: fixture.kms.publicParameters, random: fixture.random, clock: fixture.clock)
        let request = try client.makeRequestKeyPSK().message
        let response = try server.makeRequestKeyResp(answering: request).message
        let decoded = try MIKEYMessage(decoding: request)
        let rand = try #require(decoded.rand)
        let key = KeyDerivation.messageProtectionKeys(from: psk, csbID: decoded.header.csbID, rand: rand, prf: .hmacSHA256,
                                                      mac: .hmacSHA256_256, encryption: .aesCM128).authenticationKey
        let identities = Array(ExchangeFixture.alice.utf8) + Array(kmsURI.utf8)
        #expect(Array(request.suffix(32)) == hmacSHA256(key, Array(request.dropLast(32)) + identities))
        #expect(Array(response.suffix(32)) == hmacSHA256(key, Array(response.dropLast(32)) + identities))
    }

    // MARK: Replay cache (RFC 3830 §5.3, §5.4; PROFILE D10)

    @Test func aForwardDatedMessageIsNeverAcceptedTwice() throws {
        let fixture = try ExchangeFixture()
        let ahead = PinnedClock(unixSeconds: ExchangeFixture.start + 250)   // I's clock runs 250 s fast
        let initiator = Initiator(profile: fixture.profile, keys: try fixture.keyRing(ExchangeFixture.alice),
                                  kmsParameters: fixture.kms.publicParameters, target: ExchangeFixture.bob,
                                  random: fixture.random, clock: ahead)
        let m1 = try initiator.makeIMessage1().message
        _ = try fixture.responder().receiveIMessage1(m1)
        fixture.clock.advance(seconds: 301)      // the receipt is out of the window, T is not
        _ = refusal(.replay) { _ = try fixture.responder().receiveIMessage1(m1) }
    }

    @Test func changingAnUnauthenticatedOctetDoesNotMakeAReplayNew() throws {
        let fixture = try ExchangeFixture()
        let m1 = try fixture.initiator().makeIMessage1().message
        _ = try fixture.responder().receiveIMessage1(m1)
        let otherSSRC = try rewrite(m1) { message in
            message.header.cryptoSessions = .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 0x1234_5678, roc: 0)])
        }
        let failure = refusal(.replay) { _ = try fixture.responder().receiveIMessage1(otherSSRC) }
        #expect(failure?.errorMessage == nil, "a replay is discarded without an answer")
    }

    @Test func onlyAuthenticatedMessagesEnterTheCache() throws {
        let fixture = try ExchangeFixture(parameterSet: "ibe-80")
        let m1 = try fixture.initiator().makeIMessage1().message
        let broken = try Tampering.flipBit(in: m1, payload: .ibake)
        _ = refusal(.decryption) { _ = try fixture.responder().receiveIMessage1(broken) }
        #expect(fixture.replayCache.isEmpty)
        _ = try fixture.responder().receiveIMessage1(m1)
        #expect(!fixture.replayCache.isEmpty)
    }

    @Test func theKMSChecksVBeforeItRemembersARequest() throws {
        let fixture = try ExchangeFixture()
        let psk = fixture.random.bytes(32)
        let cache = ReplayCache()
        let server = KMSServer(profile: fixture.profile, kms: fixture.kms, uri: "https://kms.ims.example",
                               psks: [ExchangeFixture.alice: psk], replayCache: cache, clock: fixture.clock)
        let client = ProvisioningClient(profile: fixture.profile, uri: ExchangeFixture.alice, kmsURI: "https://kms.ims.example",
                                        psk: psk, kmsParameters: fixture.kms.publicParameters, random: fixture.random,
                                        clock: fixture.clock)
        var request = try client.makeRequestKeyPSK().message
        request[request.count - 1] ^= 0x01
        let failure = refusal(.provisioning) { _ = try server.makeRequestKeyResp(answering: request) }
        #expect(cache.isEmpty)
        #expect(try failure.flatMap { $0.errorMessage }.map { try MIKEYMessage(decoding: $0).errors } == [ErrorPayload(.authenticationFailure)])
        request[request.count - 1] ^= 0x01
        _ = try server.makeRequestKeyResp(answering: request)
        _ = refusal(.replay) { _ = try server.makeRequestKeyResp(answering: request) }
    }

    // MARK: Timestamps (RFC 3830 §6.6)

    @Test func ntpTimestampsAreAcceptedAndEchoed() throws {
        let fixture = try ExchangeFixture()
        let m1 = try fixture.initiator().makeIMessage1().message
        let ntp = try rewrite(m1) { message in
            message.payloads = message.payloads.map {
                if case .timestamp(let t) = $0 { .timestamp(TimestampPayload(.ntp(t.timestamp.value64))) } else { $0 }
            }
        }
        let responder = try fixture.responder()
        _ = try responder.receiveIMessage1(ntp)
        let answer = try MIKEYMessage(decoding: try responder.makeRMessage1().message)
        #expect(answer.timestamp?.type == .ntp)
        #expect(answer.timestamp == (try MIKEYMessage(decoding: ntp)).timestamp)
    }

    @Test func counterTimestampsAreRefusedWithInvalidTS() throws {
        let fixture = try ExchangeFixture()
        let m1 = try fixture.initiator().makeIMessage1().message
        let counter = try rewrite(m1) { message in
            message.payloads = message.payloads.map { if case .timestamp = $0 { .timestamp(TimestampPayload(.counter(7))) } else { $0 } }
        }
        let failure = refusal(.timestamp) { _ = try fixture.responder().receiveIMessage1(counter) }
        #expect(try failure.flatMap { $0.errorMessage }.map { try MIKEYMessage(decoding: $0).errors } == [ErrorPayload(.invalidTimestamp)])
    }

    // MARK: Header consistency (RFC 6267 §4.2.2.3, §4.2.2.7; PROFILE D17)

    @Test func aResponseWithAnotherCSIDMapIsRefused() throws {
        let fixture = try ExchangeFixture()
        let initiator = try fixture.initiator()
        let responder = try fixture.responder()
        _ = try responder.receiveIMessage1(try initiator.makeIMessage1().message)
        let m2 = try rewrite(try responder.makeRMessage1().message) { message in
            message.header.cryptoSessions = .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 0xdead_beef, roc: 0)])
        }
        _ = refusal(.session) { _ = try initiator.receiveRMessage1(m2) }
    }

    @Test func anIMessage2WithAnotherCSIDMapIsRefused() throws {
        let fixture = try ExchangeFixture()
        let (initiator, responder) = try answered(fixture)
        let m3 = try rewrite(try initiator.makeIMessage2().message) { message in
            message.header.cryptoSessions = .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 1, roc: 5)])
        }
        let failure = refusal(.session) { _ = try responder.receiveIMessage2(m3) }
        #expect(try failure.flatMap { $0.errorMessage }.map { try MIKEYMessage(decoding: $0).errors } == [ErrorPayload(.unspecified)])
    }

    // MARK: The RFC's SHALLs, enforced by the library (RFC 6267 §4.2.2.5, §4.2.2.7; PROFILE D13)

    @Test func resendingAPBringsAnESKEvenUnasked() throws {
        let fixture = try ExchangeFixture()
        let (initiator, mailbox) = try mailboxRun(fixture)
        let m3 = try initiator.makeIMessage2()
        #expect(try MIKEYMessage(decoding: m3.message).esk != nil)
        #expect(m3.learned.contains { $0.name == .secretKey })
        _ = try mailbox.receiveIMessage2(m3.message)
        #expect(mailbox.heldDeposits.count == 1)
    }

    @Test func anIMessage2ResendingAPWithoutAnESKIsRefused() throws {
        let fixture = try ExchangeFixture()
        let (initiator, mailbox) = try mailboxRun(fixture)
        let stripped = try rewrite(try initiator.makeIMessage2().message) { message in
            message.payloads.removeAll { $0.type == .esk }
        }
        _ = refusal(.parse) { _ = try mailbox.receiveIMessage2(stripped) }
    }

    @Test func anRMessage2WithoutTheRequiredAPEchoIsRefused() throws {
        let fixture = try ExchangeFixture()
        let (initiator, mailbox) = try mailboxRun(fixture)
        _ = try mailbox.receiveIMessage2(try initiator.makeIMessage2().message)
        let m4 = try mailbox.makeRMessage2().message
        // A responder that leaves the IBAKE out but MACs correctly what it sends.
        var message = try MIKEYMessage(decoding: m4)
        message.payloads.removeAll { $0.type == .ibake || $0.type == .verification }
        message.payloads.append(.verification(VerificationPayload(algorithm: .hmacSHA256_256, mac: [UInt8](repeating: 0, count: 32))))
        let unsigned = try message.encode()
        let key = try #require(mailbox.sessionKeys?.authKey)
        let mac = hmacSHA256(key, Array(unsigned.dropLast(32)) + Array(ExchangeFixture.alice.utf8)
                                  + Array("sip:voicemail@ims.example".utf8))
        let resigned = Array(unsigned.dropLast(32)) + mac
        _ = refusal(.initiatorEcho) { _ = try initiator.receiveRMessage2(resigned) }
    }

    /// A refused R_MESSAGE_1 leaves the initiator as it was: one without the aP echo whose
    /// bP is off the curve must not make the genuine answer's I_MESSAGE_2 resend aP.
    @Test func aRefusedRMessage1ChangesNothing() throws {
        let fixture = try ExchangeFixture()
        let (initiator, responder) = (try fixture.initiator(), try fixture.responder())
        _ = try responder.receiveIMessage1(try initiator.makeIMessage1().message)
        let genuine = try responder.makeRMessage1().message
        let alice = try IdentityWithPeriod(uri: ExchangeFixture.alice, year: 2026, month: 11)
        let offCurve = ECCPointSubPayload(value: .labToy([0x04, 0, 0, 0, 1, 0, 0, 0, 1]), authAlgorithm: .hmacSHA256_256,
                                          tgkLength: 32)
        let forged = try Tampering.rewriteIBAKE(genuine, key: fixture.kms.extractPrivateKey(for: alice), recipient: alice,
                                                parameters: fixture.kms.publicParameters, random: fixture.random) { chain in
            var seenResponder = false
            return chain.compactMap { item in
                if case .idr(let identity) = item { seenResponder = identity.role == .responder }
                guard case .eccpt = item else { return item }
                return seenResponder ? .eccpt(offCurve) : nil
            }
        }
        _ = refusal(.diffieHellmanValue) { _ = try initiator.receiveRMessage1(forged) }
        _ = try initiator.receiveRMessage1(genuine)
        let m3 = try MIKEYMessage(decoding: try initiator.makeIMessage2().message)
        #expect(m3.esk == nil, "the refused R_MESSAGE_1 left the initiator resending aP")
    }

    // MARK: Liberal where the RFC leaves a value open (RFC 6267 §6.1.4, §4.2.1)

    @Test func anUnregisteredECCPTAuthAlgIsIgnored() throws {
        let eccpt = ECCPointSubPayload(value: .labToy([0x04, 0, 0, 0, 1, 0, 0, 0, 2]), authAlgorithm: UInt8(0x77), tgkLength: 32)
        let encoded = try SubPayloadChain.encode([.eccpt(eccpt)])
        let decoded = try SubPayloadChain.decode(encoded, first: .eccpt)
        guard case .eccpt(let read) = decoded.first else { Issue.record("no ECCPT"); return }
        #expect(read.authAlgorithm == 0x77)
    }

    @Test func oneRequestKeyMayAskForSeveralIdentities() throws {
        let fixture = try ExchangeFixture()
        let psk = fixture.random.bytes(32)
        let device = "sip:bob-phone@ims.example"
        let server = KMSServer(profile: fixture.profile, kms: fixture.kms, uri: "https://kms.ims.example", psks: [device: psk],
                               grants: [device: [ExchangeFixture.bob]], replayCache: ReplayCache(), clock: fixture.clock)
        let client = ProvisioningClient(profile: fixture.profile, uri: device, alsoFor: [ExchangeFixture.bob],
                                        kmsURI: "https://kms.ims.example", psk: psk,
                                        kmsParameters: fixture.kms.publicParameters, random: fixture.random, clock: fixture.clock)
        let request = try client.makeRequestKeyPSK().message
        #expect(try MIKEYMessage(decoding: request).identities(.initiator).count == 2)
        let (_, keys) = try client.receiveRequestKeyResp(try server.makeRequestKeyResp(answering: request).message,
                                                         keyNames: [.responderPrivateKey, ValueName(rawValue: "common_PrK")])
        #expect(keys.map(\.identity.uri) == [device, ExchangeFixture.bob])
        for key in keys { #expect(key.key == fixture.kms.extractPrivateKey(for: key.identity)) }

        // Without the grant, the whole request is refused with Invalid ID.
        let strict = KMSServer(profile: fixture.profile, kms: fixture.kms, uri: "https://kms.ims.example", psks: [device: psk],
                               replayCache: ReplayCache(), clock: fixture.clock)
        let failure = refusal(.provisioning) { _ = try strict.makeRequestKeyResp(answering: try client.makeRequestKeyPSK().message) }
        #expect(try failure.flatMap { $0.errorMessage }.map { try MIKEYMessage(decoding: $0).errors } == [ErrorPayload(.invalidID)])
    }

    @Test func aFreshRANDInIMessage2IsRefused() throws {
        let fixture = try ExchangeFixture()
        let (initiator, responder) = try answered(fixture)
        let m3 = try rewrite(try initiator.makeIMessage2().message) { message in
            message.payloads = message.payloads.map { if case .rand = $0 { .rand(RANDPayload([UInt8](repeating: 9, count: 16))) } else { $0 } }
        }
        _ = refusal(.session) { _ = try responder.receiveIMessage2(m3) }
    }

    // MARK: Error messages (RFC 3830 §5.1.2, §6.12; PROFILE D18)

    @Test func aRefusedIMessage1IsAnsweredWithAnErrorMessage() throws {
        let fixture = try ExchangeFixture(parameterSet: "ibe-80")
        let m1 = try fixture.initiator().makeIMessage1().message
        let failure = refusal(.decryption) { _ = try fixture.responder().receiveIMessage1(try Tampering.flipBit(in: m1, payload: .ibake)) }
        let reply = try MIKEYMessage(decoding: try #require(failure?.errorMessage))
        let request = try MIKEYMessage(decoding: m1)
        #expect(reply.header.dataType == .error)
        #expect(!reply.header.verificationRequired)
        #expect(reply.header.csbID == request.header.csbID)
        #expect(reply.header.cryptoSessions == request.header.cryptoSessions)
        #expect(reply.errors == [ErrorPayload(.authenticationFailure)])
        #expect(reply.timestamp?.type == .ntpUTC)
    }

    @Test func whatDoesNotParseIsDiscardedSilently() throws {
        let fixture = try ExchangeFixture()
        let m1 = try fixture.initiator().makeIMessage1().message
        let failure = refusal(.parse) { _ = try fixture.responder().receiveIMessage1(Array(m1.dropLast(3))) }
        #expect(failure?.errorMessage == nil)
    }

    @Test func theInitiatorStopsOnAnErrorMessageAndSaysSo() throws {
        let fixture = try ExchangeFixture(parameterSet: "ibe-80")
        let initiator = try fixture.initiator()
        let m1 = try initiator.makeIMessage1().message
        let failure = refusal(.decryption) { _ = try fixture.responder().receiveIMessage1(try Tampering.flipBit(in: m1, payload: .ibake)) }
        let reply = try #require(failure?.errorMessage)
        let stopped = refusal(.messageType) { _ = try initiator.receiveRMessage1(reply) }
        #expect(stopped?.reason.contains("Auth failure") == true)
    }
}
