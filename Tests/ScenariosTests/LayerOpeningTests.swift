import IBAKE
import MIKEY
import Scenarios
import Testing

/// Opening an IBE layer as a party is a real BFdecrypt with the private keys that
/// party's ledger holds at the step: the holder of the recipient's key reads the chain,
/// anyone else is refused with the true reason.
@Suite struct LayerOpeningTests {
    static let set = "toy"

    struct Run {
        let timeline: Timeline
        let parameterSet: ParameterSet

        init(_ name: ScenarioName = .basic) throws {
            parameterSet = try ParameterSet.named(LayerOpeningTests.set)
            timeline = try LedgerInvariantTests.timeline(name, LayerOpeningTests.set, 1)
        }

        /// The step that sends the first `kind`, and its message.
        func sending(_ kind: MessageKind) throws -> (Step, WireMessage) {
            let step = try #require(timeline.steps(sending: kind).first, "\(kind) is sent")
            return (step, try #require(step.message))
        }

        func open(_ message: WireMessage, as party: PartyID, at step: Step) throws -> [LayerOpening] {
            LayerOpening.open(message, as: try #require(timeline.party(party)), at: step, parameterSet: parameterSet)
        }
    }

    /// The octets of the ECC Point field of the chain's `index`-th ECCPT.
    static func point(_ layer: OpenedLayer, eccpt index: Int) throws -> [UInt8] {
        let eccpts = layer.chain.filter { $0.type == .eccpt }
        let field = try #require(eccpts[safe: index]?.fields.first { $0.name == "ECC Point" }, "ECCPT \(index) has an ECC Point")
        return Array(layer.plaintext[field.range])
    }

    @Test func theResponderOpensIMessage1AndReadsAP() throws {
        let run = try Run()
        let (step, message) = try run.sending(.iMessage1)
        let layers = try run.open(message, as: .responder, at: step)
        #expect(layers.map(\.payload) == [.ibake])
        let layer = try #require(layers.first)
        let opened = try #require(layer.opened, "\(layer.refusal ?? "")")
        #expect(opened.key == .responderPrivateKey)
        #expect(opened.chain.map(\.name) == ["IDR", "ECCPT", "IDR"], "IDRi || ECCPTi || IDRr (RFC 6267 §4.2.2.1)")
        #expect(opened.failure == nil)
        let aP = try #require(step.ledger[.initiator]?.value(.aP))
        #expect(try Self.point(opened, eccpt: 0) == aP.octets, "the aP inside is the initiator's aP")
        // The offsets count from the plaintext, and the ciphertext is where the payload says.
        #expect(opened.chain.first?.range.lowerBound == 0 && opened.chain.last?.range.upperBound == opened.plaintext.count)
        #expect(Array(message.octets[layer.ciphertextRange]) == (try MIKEYMessage(decoding: message.octets).ibake?.encryptedData))
        #expect(layer.ciphertextParts.map(\.name) == ["U", "V", "W"])
        #expect(layer.ciphertextParts.last?.range.count == opened.plaintext.count, "W is as long as the plaintext")
        #expect(layer.ciphertextParts.first?.range.lowerBound == layer.ciphertextRange.lowerBound)
    }

    @Test func theKMSOpensWithTheKeyItExtracted() throws {
        let run = try Run()
        let (step, message) = try run.sending(.iMessage1)
        #expect(step.ledger.knows(.kms, .responderPrivateKey), "the KMS extracted R_PrK when R asked for it")
        let opened = try #require(try run.open(message, as: .kms, at: step).first?.opened)
        #expect(opened.key == .responderPrivateKey, "I_PrK is tried too, and fails")
        #expect(try Self.point(opened, eccpt: 0) == step.ledger[.initiator]?.value(.aP)?.octets)
    }

    @Test func theKMSBeforeItExtractedAnyKeyHoldsOnlyS() throws {
        let run = try Run()
        let (_, message) = try run.sending(.iMessage1)
        let early = try #require(run.timeline.steps.first { $0.ledger.knows(.kms, .masterSecret) })
        #expect(!early.ledger.knows(.kms, .responderPrivateKey))
        let reason = try #require(try run.open(message, as: .kms, at: early).first?.refusal)
        #expect(reason.contains("holds s"), "\(reason)")
    }

    @Test func eveHoldsNoKeyAndIsToldWhy() throws {
        let run = try Run()
        let (step, message) = try run.sending(.iMessage1)
        let reason = try #require(try run.open(message, as: .eve, at: step).first?.refusal)
        #expect(reason.contains("Eve holds no IBE private key"), "\(reason)")
        #expect(reason.contains("sip:bob@ims.example"), "names the identity it was sealed to: \(reason)")
        #expect(reason.contains("only the KMS can derive"), "\(reason)")
    }

    @Test func theInitiatorsKeyFailsTheFOCheck() throws {
        let run = try Run()
        let (step, message) = try run.sending(.iMessage1)
        #expect(step.ledger.knows(.initiator, .initiatorPrivateKey))
        let reason = try #require(try run.open(message, as: .initiator, at: step).first?.refusal)
        #expect(reason.contains("holds I_PrK"), "\(reason)")
        #expect(reason.contains("integrity check failed"), "a real decryption, refused by its FO check: \(reason)")
    }

    @Test func theInitiatorOpensRMessage1WithBothValues() throws {
        let run = try Run()
        let (step, message) = try run.sending(.rMessage1)
        let opened = try #require(try run.open(message, as: .initiator, at: step).first?.opened)
        #expect(opened.key == .initiatorPrivateKey)
        #expect(opened.chain.map(\.name) == ["IDR", "ECCPT", "IDR", "ECCPT"], "IDRi || ECCPTi || IDRr || ECCPTr")
        #expect(try Self.point(opened, eccpt: 0) == step.ledger[.initiator]?.value(.aP)?.octets, "aP echoed")
        #expect(try Self.point(opened, eccpt: 1) == step.ledger[.responder]?.value(.bP)?.octets)
    }

    @Test func aFlippedCiphertextOctetIsRefused() throws {
        let run = try Run()
        let (step, message) = try run.sending(.iMessage1)
        let layer = try #require(try run.open(message, as: .responder, at: step).first)
        // Flip an octet of W: U stays a valid point, so the FO check is what refuses it.
        let flipAt = layer.ciphertextRange.upperBound - 3
        var octets = message.octets
        octets[flipAt] ^= 0x01
        let tampered = WireMessage(message.kind, octets: octets, from: message.from, to: message.to, notation: message.notation,
                                   sealedLayers: message.sealedLayers)
        let refused = try #require(try run.open(tampered, as: .responder, at: step).first)
        let reason = try #require(refused.refusal, "a modified ciphertext never opens")
        #expect(reason.contains("holds R_PrK") && reason.contains("integrity check failed"), "\(reason)")
        #expect(refused.sealedTo == layer.sealedTo, "still named as the sender sealed it")
    }

    @Test func messagesWithoutIBELayersHaveNone() throws {
        let run = try Run()
        let (step, message) = try run.sending(.requestKeyPSK)
        #expect(try run.open(message, as: .kms, at: step).isEmpty)
    }

    @Test func eveOpensWithLeakedKeysAfterTheFact() throws {
        let run = try Run(.forwardSecrecy)
        let last = try #require(run.timeline.steps.last)
        let (_, message) = try run.sending(.iMessage1)
        let opened = try #require(try run.open(message, as: .eve, at: last).first?.opened, "R_PrK leaked to her")
        #expect(opened.key == .responderPrivateKey)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
