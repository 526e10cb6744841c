import IBE
import Pairing
import Primitives
import Testing
import TestSupport

/// RFC 6508 Appendix A through the SAKKE scheme, every intermediate value: the shipped
/// parameter set 1, the KMS (z → Z, §6.1; z, b → RSK, §6.1.1), the receiver's check of its
/// RSK (§6.1.2), the sender (SSV, b → r, R_(b,S), g^r, mask, H, §6.2.1) and the receiver
/// (w, SSV, r, the check of step 5, §6.2.2).
@Suite struct SAKKEVectorTests {
    let file = VectorFile("rfc6508-sakke.txt")
    let parameters = SAKKEParameters.parameterSet1

    @Test func parameterSet1IsRFC6509AppendixA() throws {
        #expect(parameters.curve.p == (try file.integer("p")))
        #expect(parameters.curve.q == (try file.integer("q")))
        #expect(parameters.curve.form == .rfc6508)
        #expect(parameters.generator == (try file.point("P")))
        #expect(parameters.g == (try file.integer("g")))
        #expect(parameters.ssvBits == (try file.integer("n")).intValue)
        #expect(parameters.hash == .sha256)
        #expect(parameters.coordinateLength == 128 && parameters.ssvLength == 16)
    }

    @Test func kmsPublicKeyAndReceiverSecretKey() throws {
        let kms = try SAKKEKeyManagementService(parameters: parameters, masterSecret: file.integer("z"))
        #expect(kms.publicKey == (try file.point("Z")))
        let b = try file.octets("b_octets")
        #expect(try kms.receiverSecretKey(for: b) == (try file.point("K_bS")))
        let key = try SAKKEReceiverKey(identifier: b, rsk: file.point("K_bS"), kmsPublicKey: file.point("Z"), parameters: parameters)
        #expect(key.rsk == (try file.point("K_bS")))
    }

    @Test func senderSteps() throws {
        let ssv = try file.octets("SSV_octets")
        let b = try file.octets("b_octets")
        let z = try file.point("Z")
        let r = parameters.ephemeral(ssv: ssv, identifier: b)
        #expect(r == (try file.integer("r")))
        #expect(try parameters.receiverPoint(r: r, identifier: b, kmsPublicKey: z) == (try file.point("R_bS")))
        let gToTheR = parameters.gToThe(r)
        #expect(gToTheR == (try file.integer("g_pow_r")))
        #expect(parameters.mask(gToTheR) == (try file.octets("mask_octets")))
        let data = try parameters.encapsulate(ssv: ssv, to: b, kmsPublicKey: z)
        #expect(data.r == (try file.point("R_bS")))
        #expect(data.h == (try file.octets("H_octets")))
        let octets = data.octets(parameters: parameters)
        #expect(octets.count == 257 + 16)
        #expect(try SAKKEEncapsulatedData(octets: octets, parameters: parameters) == data)
    }

    @Test func receiverSteps() throws {
        let b = try file.octets("b_octets")
        let key = try SAKKEReceiverKey(identifier: b, rsk: file.point("K_bS"), kmsPublicKey: file.point("Z"), parameters: parameters)
        let data = SAKKEEncapsulatedData(r: try file.point("R_bS"), h: try file.octets("H_octets"))
        #expect(key.pairingValue(data.r) == (try file.integer("w")))
        #expect(try key.decapsulate(data) == (try file.octets("SSV_octets")))
    }
}
