import IBE
import MIKEY
import Primitives

/// The certificate infrastructure MIKEY-PK, DH-SIGN and RSA-R assume (RFC 3830 §5.3
/// leaves it to a PKI): a lab CA made at the start of a run, and for each user an RSA key
/// pair and an X.509 certificate naming its URI (PROFILE D22). Keys come from the run's
/// randomness, so a seeded run has the same keys and certificates every time.
public struct LabPKI: Sendable {
    /// One user: its URI, its RSA key, its certificate.
    public struct Holder: Sendable {
        public let uri: String
        public let key: RSAPrivateKey
        public let certificate: X509Certificate

        /// A holder made elsewhere: a key and a certificate that should name `uri` and
        /// carry the key's public half (a receiver checks the first; the second shows as a
        /// signature that does not verify).
        public init(uri: String, key: RSAPrivateKey, certificate: X509Certificate) {
            self.uri = uri
            self.key = key
            self.certificate = certificate
        }
    }

    public let authority: CertificateAuthority
    /// The CA's own key (the CA signs with it; nothing else needs it).
    public let authorityKey: RSAPrivateKey
    public let holders: [Holder]

    /// RSA key size: 2048 bits, or 1024 for the toy parameter set, whose runs are for
    /// reading, not security (PROFILE D4, D22).
    public static func keyBits(for parameterSet: ParameterSet) -> Int { parameterSet.name == "toy" ? 1024 : 2048 }

    /// A CA and one holder per URI, certificates valid for a year from `notBefore`
    /// (Unix seconds), serials from 2 in the order of `uris`.
    public init(uris: [String], bits: Int, notBefore: UInt64, using random: RandomSource) throws(IBAKEFailure) {
        do {
            authorityKey = try RSAPrivateKey.generate(bits: bits, using: random)
            authority = try CertificateAuthority(name: "MIKEY Lab CA", key: authorityKey, notBefore: notBefore, lifetime: Self.year)
            var holders = [Holder]()
            for (offset, uri) in uris.enumerated() {
                let key = try RSAPrivateKey.generate(bits: bits, using: random)
                let certificate = try authority.issue(to: uri, publicKey: key.publicKey, serial: UInt64(offset + 2),
                                                      notBefore: notBefore, lifetime: Self.year)
                holders.append(Holder(uri: uri, key: key, certificate: certificate))
            }
            self.holders = holders
        } catch {
            throw IBAKEFailure(.certificate, "cannot set up the lab CA: \(error)")
        }
    }

    public subscript(uri: String) -> Holder? { holders.first { $0.uri == uri } }

    static let year: UInt64 = 365 * 86_400

    /// The CERT payload that carries `holder`'s certificate (X.509v3, RFC 3830 §6.7).
    static func payload(_ holder: Holder) -> Payload {
        .cert(CertificatePayload(type: .x509v3, data: holder.certificate.der))
    }

    /// The public key of the certificate in `message`'s CERT payload, once it chains to
    /// `authority`, is valid at `now` (NTP) and names `uri`.
    static func publicKey(in message: MIKEYMessage, of uri: String, authority: X509Certificate,
                          now: UInt64) throws(IBAKEFailure) -> RSAPublicKey {
        let name = message.header.dataType.name
        guard let der = message.payloads.lazy.compactMap({ payload -> [UInt8]? in
            if case .cert(let cert) = payload, cert.type == .x509v3 { cert.data } else { nil }
        }).first else {
            throw IBAKEFailure(.parse, "\(name) carries no X.509v3 CERT payload")
        }
        let certificate: X509Certificate
        do {
            certificate = try X509Certificate(der: der)
        } catch {
            throw IBAKEFailure(.certificate, "\(name)'s certificate does not parse: \(error)")
        }
        return try publicKey(of: certificate, uri: uri, authority: authority, now: now, describedAs: "\(name)'s certificate")
    }

    /// The public key of `certificate`, once it chains to `authority`, is valid at `now`
    /// (NTP) and names `uri`: the check of a certificate a party holds beforehand (the
    /// responder's, from a directory, in MIKEY-PK, RFC 3830 §3.2).
    static func publicKey(of certificate: X509Certificate, uri: String, authority: X509Certificate, now: UInt64,
                          describedAs name: String) throws(IBAKEFailure) -> RSAPublicKey {
        let unix = (now >> 32) - Timestamp.ntpEpochOffset
        guard certificate.verify(issuedBy: authority, at: unix) else {
            throw IBAKEFailure(.certificate, "\(name) does not chain to the lab CA or is not valid now")
        }
        guard certificate.subjectURI == uri else {
            throw IBAKEFailure(.certificate, "\(name) names \(certificate.subjectURI ?? "no URI"), not \(uri)")
        }
        return certificate.publicKey
    }

    /// `envelopeKey` encrypted to `key` with RSAES-PKCS1-v1_5, padding from `random`, in a
    /// PKE payload of cache type "No cache" (RFC 3830 §6.3; PROFILE D22).
    static func envelope(_ envelopeKey: [UInt8], to key: RSAPublicKey, using random: RandomSource) throws(IBAKEFailure) -> Payload {
        do {
            return .pke(PKEPayload(cache: .noCache, data: try key.encrypt(pkcs1v15: envelopeKey, using: random)))
        } catch {
            throw IBAKEFailure(.envelopeKey, "cannot encrypt the envelope key: \(error)")
        }
    }

    /// The envelope key out of `message`'s PKE payload, decrypted with `key` (RFC 3830
    /// §3.2, RFC 4738 §3): a PKE encrypted to another key, or altered, fails here.
    static func openEnvelope(in message: MIKEYMessage, with key: RSAPrivateKey) throws(IBAKEFailure) -> [UInt8] {
        let name = message.header.dataType.name
        guard let pke = message.payloads.lazy.compactMap({ payload -> PKEPayload? in
            if case .pke(let pke) = payload { pke } else { nil }
        }).first else {
            throw IBAKEFailure(.parse, "\(name) carries no PKE payload")
        }
        let envelopeKey: [UInt8]
        do {
            envelopeKey = try key.decrypt(pkcs1v15: pke.data)
        } catch {
            throw IBAKEFailure(.envelopeKey, "\(name)'s PKE does not decrypt with the receiver's RSA key: it was encrypted to another key, or altered")
        }
        guard envelopeKey.count == TransportedKey.length else {
            throw IBAKEFailure(.envelopeKey, "\(name)'s envelope key is \(envelopeKey.count) octets; \(TransportedKey.length) expected (PROFILE D22)")
        }
        return envelopeKey
    }

    /// Signs `message` with `key`: SIGN type 0, RSASSA-PKCS1-v1_5 with SHA-256 (PROFILE D22).
    static func signed(_ message: MIKEYMessage, with key: RSAPrivateKey) throws(IBAKEFailure) -> [UInt8] {
        try MessageSignature.signed(message, type: .rsaPKCS1v15, length: key.publicKey.modulusOctets) { covered throws(IBAKEFailure) in
            do {
                return try key.sign(covered, hash: .sha256)
            } catch {
                throw IBAKEFailure(.signature, "cannot sign: \(error)")
            }
        }
    }

    /// A message with a KEMAC and a SIGN last (MIKEY-PK's I_MESSAGE, RSA-R's R_MESSAGE):
    /// the KEMAC's MAC first, over the octets before it, which do not depend on what
    /// follows (PROFILE D22); then the message with that MAC, signed whole with `key`.
    static func sealedAndSigned(_ message: MIKEYMessage, seal: KEMACSeal, with key: RSAPrivateKey) throws(IBAKEFailure) -> [UInt8] {
        let sealed: MIKEYMessage
        do {
            sealed = try MIKEYMessage(decoding: try seal.sealed(message))
        } catch let failure as IBAKEFailure {
            throw failure
        } catch {
            throw IBAKEFailure(.parse, "the sealed \(message.header.dataType.name) message does not decode: \(error)")
        }
        return try signed(sealed, with: key)
    }

    /// Checks `message`'s RSA SIGN under `key`, the key of `signer`'s certificate.
    static func verify(_ message: MIKEYMessage, signedBy signer: String, key: RSAPublicKey) throws(IBAKEFailure) {
        try MessageSignature.verify(message, type: .rsaPKCS1v15, by: signer) { signature, covered in
            key.verify(signature, of: covered, hash: .sha256)
        }
    }
}
