import IBE
import Pairing
import Primitives
import Testing
import TestSupport

/// Every value of RFC 5091 §7.2, 7.4, 7.5, 7.7, 7.8 and of the derived BF vector
/// (which replaces the broken §7.6), reproduced from the vector files in Tests/TestSupport/Vectors.
@Suite struct RFC5091VectorTests {
    @Test func hashToRange72() throws {
        let file = VectorFile("rfc5091-primitives.txt")
        let s = try file.octets("s_octets")
        let n = try file.integer("n")
        #expect(RFC5091.hashToRange(s, n, .sha1) == (try file.integer("v")))
        // The two rounds the erratum insists on: h1 = H(0^20 || s), h2 = H(h1 || s).
        let h1 = HashFunction.sha1.digest([UInt8](repeating: 0, count: 20) + s)
        #expect(h1 == (try file.octets("derived.h1_octets")))
        #expect(HashFunction.sha1.digest(h1 + s) == (try file.octets("derived.h2_octets")))
    }

    private func bfParameters(_ file: VectorFile) throws -> BFPublicParameters {
        let curve = try TypeOneCurve(p: file.integer("p"), q: file.integer("q"))
        return BFPublicParameters(curve: curve, generator: try file.point("P"), publicKey: try file.point("P_pub"), hash: .sha1)
    }

    @Test func bfDerivePublicKey74() throws {
        let file = VectorFile("rfc5091-bf.txt")
        let parameters = try bfParameters(file)
        let identity = try file.octets("id_octets")
        let y = RFC5091.hashToRange(identity, parameters.curve.p, .sha1)
        #expect(y == (try file.integer("derived.y")))
        #expect(parameters.curve.point(withY: y).x == (try file.integer("derived.Qprime.x")))
        #expect(parameters.publicKey(for: identity) == (try file.point("Q_id")))
        #expect(parameters.curve.cofactor == BigInt(12) * (try file.integer("derived.r")))
    }

    @Test func bfExtractPrivateKey75() throws {
        let file = VectorFile("rfc5091-bf.txt")
        let parameters = try bfParameters(file)
        let master = BFMasterSecret(s: try file.integer("s"))
        #expect(parameters.curve.multiply(parameters.generator, by: master.s) == parameters.publicKey)
        let key = master.extractPrivateKey(for: try file.octets("id_octets"), parameters: parameters)
        #expect(key.point == (try file.point("S_id")))
    }

    @Test func bfEncryptDerived() throws {
        let file = VectorFile("derived-rfc5091-bfencrypt.txt")
        let parameters = try bfParameters(file)
        let curve = parameters.curve
        let message = try file.octets("m_octets")
        let rho = try file.octets("rho_octets")
        let identity = try file.octets("id_octets")

        // The steps of Algorithm 5.4.1, each against the file.
        let t = HashFunction.sha1.digest(message)
        #expect(t == (try file.octets("t_octets")))
        let l = RFC5091.hashToRange(rho + t, curve.q, .sha1)
        #expect(l == (try file.integer("l")))
        let theta = curve.pairing(parameters.publicKey, try file.point("Q_id"))
        #expect(theta == (try file.fp2("theta")))
        let thetaL = curve.field.power(theta, l)
        #expect(thetaL == (try file.fp2("theta_l")))
        let z = RFC5091.canonical(thetaL, p: curve.p, order: .realFirst)
        #expect(z == (try file.octets("z_octets")))
        #expect(HashFunction.sha1.digest(z) == (try file.octets("w_octets")))
        #expect(RFC5091.hashBytes(message.count, rho, .sha1) == (try file.octets("keystream_octets")))

        // The whole algorithm.
        let ciphertext = parameters.encrypt(message, for: identity, rho: rho)
        #expect(ciphertext.u == (try file.point("U")))
        #expect(ciphertext.v == (try file.octets("V_octets")))
        #expect(ciphertext.w == (try file.octets("W_octets")))

        // Decryption with the official 7.5 private key.
        let official = VectorFile("rfc5091-bf.txt")
        let key = BFPrivateKey(point: try official.point("S_id"), curve: curve)
        #expect(curve.pairing(ciphertext.u, key.point) == thetaL)
        #expect(try parameters.decrypt(ciphertext, with: key) == message)
    }

    @Test func rfcBFEncrypt76IsNotAPointOnTheCurve() throws {
        // RFC 5091 §7.6 is inconsistent (docs/IBE-NOTES.md N7): its U is not even on the curve,
        // and decryption must refuse it before any pairing rather than produce bytes.
        let file = VectorFile("rfc5091-bf.txt")
        let parameters = try bfParameters(file)
        let ciphertext = BFCiphertext(u: try file.point("rfc.U"), v: try file.octets("rfc.V_octets"), w: try file.octets("rfc.W_octets"))
        #expect(!parameters.curve.contains(ciphertext.u))
        #expect(throws: IBEError.self) {
            try parameters.decrypt(ciphertext, with: BFPrivateKey(point: try file.point("S_id"), curve: parameters.curve))
        }
    }

    private func bb1Parameters(_ file: VectorFile) throws -> (BB1PublicParameters, BB1MasterSecret) {
        let curve = try TypeOneCurve(p: file.integer("p"), q: file.integer("q"))
        let master = BB1MasterSecret(alpha: try file.integer("alpha"), beta: try file.integer("beta"), gamma: try file.integer("gamma"))
        let parameters = master.publicParameters(curve: curve, generator: try file.point("P"), hash: .sha1)
        return (parameters, master)
    }

    @Test func bb1SetUpAndExtract77() throws {
        let file = VectorFile("rfc5091-bb1.txt")
        let (parameters, master) = try bb1Parameters(file)
        #expect(parameters.p1 == (try file.point("P_1")))
        #expect(parameters.p2 == (try file.point("P_2")))
        #expect(parameters.p3 == (try file.point("P_3")))
        #expect(parameters.v == (try file.fp2("v")))
        let identity = try file.octets("id_octets")
        #expect(parameters.publicKey(for: identity) == (try file.integer("derived.h_id", section: "7.7")))
        let key = master.extractPrivateKey(for: identity, parameters: parameters, r: try file.integer("r"))
        #expect(key.d0 == (try file.point("D_0")))
        #expect(key.d1 == (try file.point("D_1")))
        #expect(parameters.curve.multiply(parameters.generator, by: try file.integer("derived.y", section: "7.7")) == key.d0)
    }

    @Test func bb1Encrypt78() throws {
        let file = VectorFile("rfc5091-bb1.txt")
        let (parameters, master) = try bb1Parameters(file)
        let curve = parameters.curve
        let message = try file.octets("m_octets", section: "7.8")
        let identity = try file.octets("id_octets", section: "7.8")
        let s = try file.integer("s", section: "7.8")

        // The intermediates of Algorithm 6.4.1.
        let w = curve.field.power(parameters.v, s)
        #expect(w == (try file.fp2("derived.w")))
        let psi = RFC5091.canonical(w, p: curve.p, order: .imaginaryFirst)
        #expect(psi == (try file.octets("derived.psi_octets")))
        let zeta = HashFunction.sha1.digest(psi)
        #expect(zeta == (try file.octets("derived.zeta_octets")))
        let xi = HashFunction.sha1.digest(zeta + psi)
        #expect(xi == (try file.octets("derived.xi_octets")))
        #expect(xi + zeta == (try file.octets("derived.h1_octets")))
        #expect(RFC5091.hashBytes(message.count, xi + zeta, .sha1) == (try file.octets("derived.keystream_octets")))
        let sigma = try file.octets("derived.sigma_octets")
        let eta = HashFunction.sha1.digest(sigma)
        #expect(eta == (try file.octets("derived.eta_octets")))
        let mu = HashFunction.sha1.digest(eta + sigma)
        #expect(mu == (try file.octets("derived.mu_octets")))
        #expect(mu + eta == (try file.octets("derived.h2_octets")))
        #expect(RFC5091.hashToRange(mu + eta, curve.q, .sha1) == (try file.integer("derived.rho")))

        // The whole algorithm, and the sigma layout it hashed.
        let ciphertext = parameters.encrypt(message, for: identity, s: s)
        #expect(ciphertext.c0 == (try file.point("C_0")))
        #expect(ciphertext.c1 == (try file.point("C_1")))
        #expect(ciphertext.y == (try file.octets("y_octets")))
        #expect(ciphertext.u == (try file.integer("u")))
        let length = curve.coordinateLength
        let layout = [ciphertext.c1.y, ciphertext.c1.x, ciphertext.c0.y, ciphertext.c0.x].flatMap { $0.bytes(count: length) ?? [] }
        #expect(layout + ciphertext.y + psi == sigma)

        // BBdecrypt with the 7.7 key returns "Hi there!".
        let key = master.extractPrivateKey(for: identity, parameters: parameters, r: try file.integer("r"))
        #expect(try parameters.decrypt(ciphertext, with: key) == message)
    }
}
