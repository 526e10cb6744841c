import IBAKE
import IBE
import MIKEY
import Primitives
import Testing

/// MIKEY-SAKKE's one message (RFC 6509) on RFC 6509 parameter set 1: signed with ECCSI,
/// the TGK encapsulated with SAKKE; the responder gets the TGK, and so does the KMS.
@Suite struct SAKKEMessageTests {
    struct Realm {
        let random = HMACDRBG(seed: 6509)
        let sakke: SAKKEKeyManagementService
        let eccsi: ECCSIKeyManagementService
        let alice: [UInt8]
        let bob: [UInt8]
        let initiator: SAKKEMessage.Initiator
        let bobKey: SAKKEReceiverKey

        init() throws {
            sakke = SAKKEKeyManagementService(parameters: .parameterSet1, using: random)
            eccsi = ECCSIKeyManagementService(using: random)
            alice = try IdentityWithPeriod(uri: "tel:+447700900123", year: 2026, month: 12).octets
            bob = try IdentityWithPeriod(uri: "tel:+447700900456", year: 2026, month: 12).octets
            let signing = try ECCSISigningKey(eccsi.provision(alice, using: random), kpak: eccsi.kpak)
            initiator = SAKKEMessage.Initiator(uri: "tel:+447700900123", signingKey: signing, kmsPublicKey: sakke.publicKey,
                                               parameters: .parameterSet1)
            bobKey = try sakke.receiverKey(for: bob)
        }

        func send() throws -> SAKKEMessage.Sent {
            try SAKKEMessage.send(from: initiator, to: "tel:+447700900456", identifier: bob, csbID: 0x6509_0001,
                                  timestamp: 0xEBFE_6F2D_B1C1_3FD0, using: random)
        }

        func receive(_ octets: [UInt8], from identifier: [UInt8]? = nil) throws -> [UInt8] {
            try SAKKEMessage.receive(octets, initiatorIdentifier: identifier ?? alice, kpak: eccsi.kpak, receiverKey: bobKey)
        }
    }

    @Test("the responder recovers the TGK; the message decodes as data type 26 with SAKKE and an ECCSI SIGN last")
    func roundTrip() throws {
        let realm = try Realm()
        let sent = try realm.send()
        #expect(sent.tgk.count == 16)
        #expect(try realm.receive(sent.octets) == sent.tgk)
        let message = try MIKEYMessage(decoding: sent.octets)
        #expect(message.header.dataType == .sakke)
        guard case .sign(let sign)? = message.payloads.last else { Issue.record("no SIGN last"); return }
        #expect(sign.type == .eccsi && sign.signature.count == 129)
        #expect(message.payloads.contains { if case .sakke = $0 { true } else { false } })
    }

    @Test("the KMS computes the same TGK from its master secret alone: escrow by design")
    func kmsHoldsTheKey() throws {
        let realm = try Realm()
        let sent = try realm.send()
        let kmsCopy = try realm.sakke.receiverKey(for: realm.bob)
        let tgk = try SAKKEMessage.receive(sent.octets, initiatorIdentifier: realm.alice, kpak: realm.eccsi.kpak, receiverKey: kmsCopy)
        #expect(tgk == sent.tgk)
    }

    @Test("a flipped bit anywhere but in the signature is refused by the signature check; another signer too")
    func tamperingIsRefused() throws {
        let realm = try Realm()
        let sent = try realm.send()
        let signatureStart = sent.octets.count - 129
        for index in stride(from: 0, to: signatureStart, by: 17) where index != 1 {
            var altered = sent.octets
            altered[index] ^= 0x01
            let check = ModeTest.refusal { _ = try realm.receive(altered) }
            #expect(check == .signature || check == .parse || check == .messageType, "octet \(index): \(String(describing: check))")
            #expect(check != nil)
        }
        var badSignature = sent.octets
        badSignature[signatureStart + 5] ^= 0x80
        #expect(ModeTest.refusal { _ = try realm.receive(badSignature) } == .signature)
        let mallory = try IdentityWithPeriod(uri: "tel:+447700900999", year: 2026, month: 12).octets
        #expect(ModeTest.refusal { _ = try realm.receive(sent.octets, from: mallory) } == .signature)
    }
}
