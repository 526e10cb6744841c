import Foundation
import Primitives
import TestSupport
import Testing

@Suite("X.509 lab CA")
struct X509Tests {
    /// 2026-01-01T00:00:00Z and one year, so that every certificate here is the same each run.
    static let start: UInt64 = 1_767_225_600
    static let year: UInt64 = 365 * 86_400

    static let ca = try! CertificateAuthority(name: "MIKEY Lab CA", key: LabKeys.ca, notBefore: start, lifetime: 10 * year)
    static let alice = try! ca.issue(to: "sip:alice@lab.example", publicKey: LabKeys.alice.publicKey, serial: 2,
                                     notBefore: start, lifetime: year)

    @Test("the CA certificate is self-signed with the given fields")
    func caCertificate() throws {
        let root = Self.ca.certificate
        #expect(root.subjectName == "MIKEY Lab CA")
        #expect(root.issuerName == "MIKEY Lab CA")
        #expect(root.serial == 1)
        #expect(root.subjectURI == nil)
        #expect(root.notBefore == Self.start)
        #expect(root.notAfter == Self.start + 10 * Self.year)
        #expect(root.publicKey == LabKeys.ca.publicKey)
        #expect(root.verify(issuedBy: root, at: Self.start + 1))
    }

    @Test("an issued certificate carries the URI, serial, times and key, and verifies under the CA")
    func issued() throws {
        let cert = Self.alice
        #expect(cert.subjectName == "sip:alice@lab.example")
        #expect(cert.subjectURI == "sip:alice@lab.example")
        #expect(cert.issuerName == "MIKEY Lab CA")
        #expect(cert.serial == 2)
        #expect(cert.notBefore == Self.start)
        #expect(cert.notAfter == Self.start + Self.year)
        #expect(cert.publicKey == LabKeys.alice.publicKey)
        #expect(cert.verify(issuedBy: Self.ca.certificate, at: Self.start))
        #expect(cert.verify(issuedBy: Self.ca.certificate, at: Self.start + Self.year))
        // Parsing the DER gives the same certificate.
        let parsed = try X509Certificate(der: cert.der)
        #expect(parsed == cert)
        #expect(parsed.subjectURI == "sip:alice@lab.example")
        #expect(parsed.verify(issuedBy: Self.ca.certificate, at: Self.start + 100))
    }

    @Test("outside its validity, or under another CA, a certificate does not verify")
    func refused() throws {
        let cert = Self.alice
        #expect(!cert.verify(issuedBy: Self.ca.certificate, at: Self.start - 1))
        #expect(!cert.verify(issuedBy: Self.ca.certificate, at: Self.start + Self.year + 1))
        // Same name, different key: the signature fails.
        let impostor = try CertificateAuthority(name: "MIKEY Lab CA", key: LabKeys.bob, notBefore: Self.start, lifetime: Self.year)
        #expect(!cert.verify(issuedBy: impostor.certificate, at: Self.start + 10))
        // Different name: the issuer does not match.
        let other = try CertificateAuthority(name: "Other CA", key: LabKeys.ca, notBefore: Self.start, lifetime: Self.year)
        #expect(!cert.verify(issuedBy: other.certificate, at: Self.start + 10))
        // An end entity is no issuer of another end entity.
        #expect(!cert.verify(issuedBy: cert, at: Self.start + 10))
        // A flipped bit in the signature.
        var tampered = cert.der
        tampered[tampered.count - 5] ^= 0x01
        let broken = try X509Certificate(der: tampered)
        #expect(!broken.verify(issuedBy: Self.ca.certificate, at: Self.start + 10))
    }

    @Test("certificates are reproducible octet for octet")
    func reproducible() throws {
        let ca = try CertificateAuthority(name: "MIKEY Lab CA", key: LabKeys.ca, notBefore: Self.start, lifetime: 10 * Self.year)
        #expect(ca.certificate.der == Self.ca.certificate.der)
        let again = try ca.issue(to: "sip:alice@lab.example", publicKey: LabKeys.alice.publicKey, serial: 2,
                                 notBefore: Self.start, lifetime: Self.year)
        #expect(again.der == Self.alice.der)
        let later = try ca.issue(to: "sip:alice@lab.example", publicKey: LabKeys.alice.publicKey, serial: 2,
                                 notBefore: Self.start + 1, lifetime: Self.year)
        #expect(later.der != Self.alice.der)
    }

    @Test("times after 2049 (GeneralizedTime) read back")
    func generalizedTime() throws {
        let late: UInt64 = 2_600_000_000   // 2052
        let cert = try Self.ca.issue(to: "sip:late@lab.example", publicKey: LabKeys.bob.publicKey, serial: 99,
                                     notBefore: late, lifetime: Self.year)
        #expect(cert.notBefore == late)
        #expect(cert.notAfter == late + Self.year)
    }

    @Test("garbage DER is refused with a clear error")
    func garbage() throws {
        for garbage: [UInt8] in [[], [0x30, 0x00], Array(repeating: 0x30, count: 40), Array(Self.alice.der.prefix(100))] {
            do {
                _ = try X509Certificate(der: garbage)
                Issue.record("garbage accepted")
            } catch {
                #expect(error.kind == .invalidEncoding)
                #expect(error.description.hasPrefix("X.509 certificate: not a DER X.509 certificate"))
            }
        }
        do {
            _ = try X509Certificate(der: Self.alice.der + [0])
            Issue.record("trailing octet accepted")
        } catch {
            #expect(error.kind == .invalidEncoding)
            #expect(error.description.contains("after the certificate"))
        }
    }

    @Test("the openssl tool reads the certificates and verifies the chain",
          .enabled(if: OpenSSLTool.path != nil, Comment(rawValue: OpenSSLTool.absent)))
    func opensslTool() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("x509-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func pem(_ cert: X509Certificate, _ name: String) throws -> String {
            let der = directory.appendingPathComponent(name + ".der").path
            let pem = directory.appendingPathComponent(name + ".pem").path
            try Data(cert.der).write(to: URL(fileURLWithPath: der))
            let converted = try OpenSSLTool.run(["x509", "-inform", "DER", "-in", der, "-out", pem])
            #expect(converted.status == 0, "\(converted.output)")
            return pem
        }
        let caPEM = try pem(Self.ca.certificate, "ca")
        let alicePEM = try pem(Self.alice, "alice")
        let text = try OpenSSLTool.run(["x509", "-inform", "DER", "-in", directory.appendingPathComponent("alice.der").path,
                                        "-noout", "-text"])
        #expect(text.status == 0)
        #expect(text.output.contains("URI:sip:alice@lab.example"), "\(text.output)")
        #expect(text.output.contains("sha256WithRSAEncryption"))
        #expect(text.output.contains("CA:FALSE"))
        #expect(text.output.contains("Version: 3"))
        let caText = try OpenSSLTool.run(["x509", "-in", caPEM, "-noout", "-text"])
        #expect(caText.output.contains("CA:TRUE"))
        #expect(caText.output.contains("Certificate Sign"))
        // -attime: the certificates' own validity, not the clock of the machine running the test.
        let verified = try OpenSSLTool.run(["verify", "-attime", String(Self.start + 1000), "-CAfile", caPEM, alicePEM])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("OK"))
        let expired = try OpenSSLTool.run(["verify", "-attime", String(Self.start + 2 * Self.year), "-CAfile", caPEM, alicePEM])
        #expect(expired.status != 0)
    }
}
