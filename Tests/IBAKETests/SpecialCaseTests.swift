import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// Forking, retargeting, deferred delivery and provisioning (RFC 6267 §3, §4.2.1; PROFILE D11-D13).
@Suite struct SpecialCaseTests {
    @Test func forkingOnlyTheAnsweringDeviceAgrees() throws {
        let fixture = try ExchangeFixture()
        let initiator = try fixture.initiator(target: ExchangeFixture.bob)
        let devices = try ["sip:bob-phone@ims.example", "sip:bob-laptop@ims.example", "sip:bob-tablet@ims.example"].map {
            try fixture.responder($0, also: [ExchangeFixture.bob], replayCache: ReplayCache())   // each device its own
        }
        let m1 = try initiator.makeIMessage1()
        // Every device opens I_MESSAGE_1 with the common identity's key and learns aP.
        for device in devices {
            let record = try device.receiveIMessage1(m1.message)
            #expect(record.learned.contains { $0.name == .aP })
        }
        let answering = devices[1]
        _ = try initiator.receiveRMessage1(try answering.makeRMessage1().message)
        #expect(initiator.answeredURI == "sip:bob-laptop@ims.example")
        _ = try answering.receiveIMessage2(try initiator.makeIMessage2().message)
        _ = try initiator.receiveRMessage2(try answering.makeRMessage2().message)
        #expect(initiator.sessionKeys == answering.sessionKeys)
        #expect(devices[0].sessionKeys == nil && devices[2].sessionKeys == nil)
    }

    @Test(arguments: Initiator.Policy.allCases) func retargeting(policy: Initiator.Policy) throws {
        let fixture = try ExchangeFixture()
        let initiator = try fixture.initiator(target: ExchangeFixture.bob, policy: policy)
        let carol = try fixture.responder("sip:carol@ims.example")
        let received = try carol.receiveIMessage1(try initiator.makeIMessage1().message)
        #expect(!received.learned.contains { $0.name == .aP })      // Carol cannot read aP
        let m2 = try carol.makeRMessage1()
        guard policy == .continue else {
            #expect(throws: IBAKEFailure(.responderPolicy, "answered by sip:carol@ims.example, not sip:bob@ims.example; the initiator's policy refuses")) {
                try initiator.receiveRMessage1(m2.message)
            }
            return
        }
        let seen = try initiator.receiveRMessage1(m2.message)
        #expect(seen.notes.contains { $0.contains("could not open I_MESSAGE_1") })
        let m3 = try initiator.makeIMessage2()
        let opened = try carol.receiveIMessage2(m3.message)
        #expect(opened.learned.contains { $0.name == .abP })
        let m4 = try carol.makeRMessage2()
        #expect(try MIKEYMessage(decoding: m4.message).ibake != nil)   // the aP echo in R_MESSAGE_2
        _ = try initiator.receiveRMessage2(m4.message)
        #expect(initiator.sessionKeys == carol.sessionKeys)
    }

    @Test func deferredDeliveryKeepsSKFromTheMailbox() throws {
        let fixture = try ExchangeFixture()
        let initiator = try fixture.initiator(target: ExchangeFixture.bob)
        let mailbox = try fixture.responder("sip:voicemail@ims.example")
        let deposit = SecretKeyDeposit(intendedURI: ExchangeFixture.bob, secretKey: fixture.random.bytes(16))
        _ = try mailbox.receiveIMessage1(try initiator.makeIMessage1().message)
        _ = try initiator.receiveRMessage1(try mailbox.makeRMessage1().message)
        let m3 = try initiator.makeIMessage2(deposit: deposit)
        let stored = try mailbox.receiveIMessage2(m3.message)
        #expect(!stored.learned.contains { $0.name == .secretKey })
        #expect(mailbox.heldDeposits.count == 1 && mailbox.openedDeposits.isEmpty)
        _ = try initiator.receiveRMessage2(try mailbox.makeRMessage2().message)

        // Later Bob picks the ESK up and opens it with his own key.
        let bob = try IdentityWithPeriod(uri: ExchangeFixture.bob, year: 2026, month: 11)
        let parameters = fixture.kms.publicParameters
        let esk = try BFCiphertext(decoding: mailbox.heldDeposits[0], parameters: parameters)
        let plaintext = try parameters.decrypt(esk, with: fixture.kms.extractPrivateKey(for: bob))
        let chain = try SubPayloadChain.decode(plaintext, first: .id)
        guard case .sk(let secret) = chain.last else { Issue.record("no SK"); return }
        #expect(secret.key == deposit.secretKey)
    }

    @Test func provisioningDeliversAGenuineKey() throws {
        let fixture = try ExchangeFixture(parameterSet: "ibe-80")
        let psk = fixture.random.bytes(32)
        let server = KMSServer(profile: fixture.profile, kms: fixture.kms, uri: "https://kms.ims.example",
                               psks: [ExchangeFixture.alice: psk], replayCache: ReplayCache(), clock: fixture.clock)
        let client = ProvisioningClient(profile: fixture.profile, uri: ExchangeFixture.alice, kmsURI: "https://kms.ims.example",
                                        psk: psk, kmsParameters: fixture.kms.publicParameters, random: fixture.random,
                                        clock: fixture.clock)
        let request = try client.makeRequestKeyPSK()
        let response = try server.makeRequestKeyResp(answering: request.message)
        let (_, entry) = try client.receiveRequestKeyResp(response.message, keyName: .initiatorPrivateKey)
        let alice = try IdentityWithPeriod(uri: ExchangeFixture.alice, year: 2026, month: 11)
        #expect(entry.identity == alice)
        #expect(entry.key == fixture.kms.extractPrivateKey(for: alice))

        // A wrong PSK is refused by the KMS; a modified response by the user.
        let impostor = ProvisioningClient(profile: fixture.profile, uri: ExchangeFixture.alice, kmsURI: "https://kms.ims.example",
                                          psk: fixture.random.bytes(32), kmsParameters: fixture.kms.publicParameters,
                                          random: fixture.random, clock: fixture.clock)
        #expect(throws: IBAKEFailure.self) { try server.makeRequestKeyResp(answering: try impostor.makeRequestKeyPSK().message) }
        let second = try client.makeRequestKeyPSK()
        let tampered = try Tampering.flipBit(in: try server.makeRequestKeyResp(answering: second.message).message, payload: .kemac, offsetIntoData: 10)
        #expect(throws: IBAKEFailure.self) { try client.receiveRequestKeyResp(tampered, keyName: .initiatorPrivateKey) }
    }
}
