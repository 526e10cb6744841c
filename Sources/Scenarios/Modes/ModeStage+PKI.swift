import IBAKE
import MIKEY
import Primitives

/// The set-up the certificate modes share (MIKEY-PK, RSA-R; PROFILE D22): the lab CA
/// makes its key, each user makes an RSA key pair and has the CA certify its public key.
extension ModeStage {
    /// Makes the lab CA and one RSA key and certificate for each of I and R, valid from a
    /// day before the run's clock, and records who learned what: the CA its key and the
    /// certificates it signed, each user its own key and certificate. `references` name
    /// the mode's section that calls for the certificates. Returns the PKI and I's and R's
    /// keys and certificates.
    func setUpPKI(initiator: Party, responder: Party, references: [SpecReference]) throws
        -> (pki: LabPKI, initiator: LabPKI.Holder, responder: LabPKI.Holder) {
        let unix = (now >> 32) - Timestamp.ntpEpochOffset
        let pki = try LabPKI(uris: [initiator.identity ?? "", responder.identity ?? ""],
                             bits: LabPKI.keyBits(for: profile.parameterSet), notBefore: unix - 86_400, using: random)
        guard let initiatorHolder = pki[initiator.identity ?? ""], let responderHolder = pki[responder.identity ?? ""] else {
            throw IBAKEFailure(.certificate, "the lab CA issued no certificate for I or R")
        }
        builder.step(.ca, .compute, "the CA makes its signing key",
                     reveal: [(.ca, LearnedValue(.caKey, try pki.authorityKey.privateExponent(), .generated))],
                     narration: "The lab certificate authority draws an RSA key pair (\(pki.authorityKey.publicKey.modulusBits) bits) and signs its own root certificate with it. The root certificate is public; the private key never leaves the CA.",
                     references: references + [.profile("D22")])
        for (party, holder, keyName, certificateName) in [
            (initiator, initiatorHolder, ValueName.initiatorRSAKey, ValueName.initiatorCertificate),
            (responder, responderHolder, ValueName.responderRSAKey, ValueName.responderCertificate),
        ] {
            builder.step(party.id, .compute, "\(party.tag) makes its RSA key; the CA certifies it",
                         reveal: [(party.id, LearnedValue(keyName, try holder.key.privateExponent(), .generated)),
                                  (party.id, LearnedValue(certificateName, holder.certificate.der, .issued(by: "CA"))),
                                  (.ca, LearnedValue(certificateName, holder.certificate.der, .computed))],
                         narration: "\(party.tag) draws its own RSA key pair and sends only the public half to the CA, which signs an X.509 certificate binding it to \(party.identity ?? "its URI") for a year. The CA never sees \(party.tag)'s private key.",
                         references: references + [.profile("D22")])
        }
        return (pki, initiatorHolder, responderHolder)
    }
}

/// Why Eve or the CA cannot compute the values of an envelope mode (MIKEY-PK, RSA-R),
/// while they cannot: both modes send the TGK under an envelope key that one party's RSA
/// private key alone opens; they differ in whose.
enum EnvelopeReasons {
    /// The reasons when `opener` (I's or R's RSA key, `openerTag` "I" or "R") opens the
    /// PKE, which travels in `carrier` ("the PKE", "R_MESSAGE's PKE") encrypted to the key
    /// in `certificate`'s certificate.
    static func reasons(opener: ValueName, openerTag: String, carrier: String, certificate: String) -> ModeReasons {
        { name, facts in
            guard facts.exists(name), !facts.holds(name) else { return nil }
            let isCA = facts.party.id == .ca
            switch name {
            case .initiatorRSAKey, .responderRSAKey:
                let owner = name == .initiatorRSAKey ? "I" : "R"
                return isCA ? "the CA certified \(owner)'s public key only; \(owner) drew the private key itself and never sent it"
                    : "\(owner) drew it and keeps it; only its public half travels, in \(owner)'s certificate"
            case .envelopeKey where !facts.holds(opener):
                return isCA ? "the CA certified the public keys; it never held I's or R's private key, so it cannot open the PKE"
                    : "it crosses the wire only in \(carrier), encrypted to the public key in \(certificate)'s certificate; only \(openerTag)'s RSA private key opens it"
            case .tgk where !facts.holdsAny([.envelopeKey, opener]):
                return "it crosses the wire only in a KEMAC encrypted under keys from env_key, and env_key only in the PKE that \(openerTag)'s RSA private key alone opens"
            case .srtpMasterKey where !facts.holdsAny([.tgk, .envelopeKey, opener]):
                return "derived from the TGK, which travels under env_key, which travels in the PKE that \(openerTag)'s RSA private key alone opens"
            default:
                return nil
            }
        }
    }
}

extension ModeStage {
    /// After the call both users' RSA private keys leak to Eve (MIKEY-PK, RSA-R).
    func leakRSAKeys(_ initiator: LabPKI.Holder, _ responder: LabPKI.Holder) throws {
        leak([(.initiatorRSAKey, try initiator.key.privateExponent()), (.responderRSAKey, try responder.key.privateExponent())],
             to: .eve, title: "I's and R's RSA keys leak to Eve",
             narration: "After the call, both RSA private keys leak to Eve: a stolen device, a broken key store. The certificates stay valid; nothing in the recording changes.")
    }
}
