import IBAKE
import MIKEY
import Primitives

/// The set-up the certificate modes share (MIKEY-PK, RSA-R; PROFILE D22): the lab CA
/// makes its key, each user makes an RSA key pair and has the CA certify its public key.
extension ModeStage {
    /// Makes the lab CA and one RSA key and certificate for each of I and R, valid from a
    /// day before the run's clock, and records who learned what: the CA its key and the
    /// certificates it signed, each user its own key and certificate. `references` name
    /// the mode's section that calls for the certificates.
    func setUpPKI(initiator: Party, responder: Party, references: [SpecReference]) throws -> LabPKI {
        let unix = (now >> 32) - Timestamp.ntpEpochOffset
        let pki = try LabPKI(uris: [initiator.identity ?? "", responder.identity ?? ""],
                             bits: LabPKI.keyBits(for: profile.parameterSet), notBefore: unix - 86_400, using: random)
        builder.step(.ca, .compute, "the CA makes its signing key",
                     reveal: [(.ca, LearnedValue(.caKey, try pki.authorityKey.privateExponent(), .generated))],
                     narration: "The lab certificate authority draws an RSA key pair (\(pki.authorityKey.publicKey.modulusBits) bits) and signs its own root certificate with it. The root certificate is public; the private key never leaves the CA.",
                     references: references + [.profile("D22")])
        for (party, keyName, certificateName) in [(initiator, ValueName.initiatorRSAKey, ValueName.initiatorCertificate),
                                                  (responder, ValueName.responderRSAKey, ValueName.responderCertificate)] {
            guard let holder = pki[party.identity ?? ""] else { continue }
            builder.step(party.id, .compute, "\(party.tag) makes its RSA key; the CA certifies it",
                         reveal: [(party.id, LearnedValue(keyName, try holder.key.privateExponent(), .generated)),
                                  (party.id, LearnedValue(certificateName, holder.certificate.der, .issued(by: "CA"))),
                                  (.ca, LearnedValue(certificateName, holder.certificate.der, .computed))],
                         narration: "\(party.tag) draws its own RSA key pair and sends only the public half to the CA, which signs an X.509 certificate binding it to \(party.identity ?? "its URI") for a year. The CA never sees \(party.tag)'s private key.",
                         references: references + [.profile("D22")])
        }
        return pki
    }
}
