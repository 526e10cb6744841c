import IBE
import Pairing
import Primitives
import Testing
import TestSupport

/// RFC 6507 Appendix A through the ECCSI code, every value: KPAK from KSAK, the KMS's PVT,
/// HS and SSK for the identifier and v (§5.1.1), the signer's validation of them (§5.1.2),
/// the signature with j (§5.2.1: r, HE, s', s, r || s || PVT) and its verification (§5.2.2).
@Suite struct ECCSIVectorTests {
    let file = VectorFile("rfc6507-eccsi.txt")

    @Test func parametersAreP256() throws {
        #expect(ECCSI.curve.fieldPrime == (try file.integer("p")).bytes(count: 32))
        #expect(ECCSI.curve.order == (try file.integer("q")).bytes(count: 32))
        #expect(ECCSI.curve.generator.sec1() == (try file.octets("G_octets")))
        #expect(ECCSI.octetCount == 32 && ECCSI.hash == .sha256)
    }

    @Test func kmsProvisioning() throws {
        let kms = try ECCSIKeyManagementService(ksak: file.integer("KSAK"))
        #expect(kms.kpak.sec1() == (try file.octets("KPAK_octets")))
        let identifier = try file.octets("ID_octets")
        let material = try kms.provision(identifier, v: file.integer("v"))
        #expect(material.pvt.sec1() == (try file.octets("PVT_octets")))
        #expect(material.hs == (try file.octets("HS_octets")))
        #expect(material.ssk == (try file.octets("SSK_octets")))
        let key = try ECCSISigningKey(material, kpak: kms.kpak)
        #expect(key.hs == (try file.octets("HS_octets")))
    }

    @Test func signingSteps() throws {
        let kpak = try ECPoint(sec1: file.octets("KPAK_octets"), curve: .p256)
        let pvt = try ECPoint(sec1: file.octets("PVT_octets"), curve: .p256)
        let key = try ECCSISigningKey(identifier: file.octets("ID_octets"), ssk: file.octets("SSK_octets"), pvt: pvt, kpak: kpak)
        let message = try file.octets("M_octets")
        let j = try file.integer("j")
        let jPoint = try ECCSI.curve.multiplyGenerator(by: try #require(j.bytes(count: 32)))
        #expect(jPoint.x == (try file.octets("r_octets")))
        #expect(BigInt(bytes: jPoint.y) == (try file.integer("derived.J.y")))
        let he = ECCSI.he(hs: key.hs, r: jPoint.x, message: message)
        #expect(he == (try file.octets("derived.HE_octets")))
        let q = BigInt(bytes: ECCSI.curve.order)
        let sum = (BigInt(bytes: he) + BigInt(bytes: jPoint.x) * BigInt(bytes: try file.octets("SSK_octets"))).modulo(q)
        #expect(sum == (try file.integer("derived.HE_plus_r_SSK")))
        #expect((try #require(sum.inverse(modulo: q)) * j).modulo(q) == (try file.integer("derived.s_prime")))

        let signature = try key.sign(message, j: j)
        #expect(signature.r == (try file.octets("r_octets")))
        #expect(signature.s == (try file.octets("s_octets")))
        #expect(signature.octets == (try file.octets("Sig_octets")))
    }

    @Test func verification() throws {
        let kpak = try ECPoint(sec1: file.octets("KPAK_octets"), curve: .p256)
        let signature = try ECCSISignature(octets: file.octets("Sig_octets"))
        let hs = ECCSI.hs(kpak: kpak, identifier: try file.octets("ID_octets"), pvt: signature.pvt)
        #expect(hs == (try file.octets("HS_octets")))
        let y = try signature.pvt.multiplied(by: hs).adding(kpak)
        #expect(y.sec1() == (try file.octets("derived.Y_octets")))
        #expect(y == (try ECCSI.curve.multiplyGenerator(by: file.octets("SSK_octets"))), "Y = [SSK]G")
        try ECCSI.verify(signature, of: file.octets("M_octets"), identifier: file.octets("ID_octets"), kpak: kpak)
    }
}
