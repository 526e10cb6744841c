import MIKEY
import Primitives

/// MIKEY-PK (RFC 3830 §3.2): the initiator picks the TGK and an envelope key, sends the
/// TGK in a KEMAC under keys from the envelope key, the envelope key in a PKE encrypted
/// to the responder's certificate key, and signs the whole message; the responder
/// confirms with a verification message. Nothing but the responder's RSA key protects
/// the envelope key: whoever gets that key later opens every recorded exchange (no
/// forward secrecy).
///
/// I_MESSAGE = HDR, T, RAND, CERTi, IDr, KEMAC, PKE, SIGNi (data type 2, V flag set)
/// R_MESSAGE = HDR, T, IDr, V                             (data type 3)
///
/// KEMAC = E(encr_key, IDi || Key data(TGK)) || MAC, with encr_key and auth_key from the
/// envelope key (RFC 3830 §3.2, §4.1.4).
public enum PublicKeyMode {
    /// The initiator's message, with what the initiator keeps to check the answer.
    public struct Offer: Sendable {
        public let octets: [UInt8]
        public let tgk: [UInt8]
        /// The envelope key the PKE carries (env_key).
        public let envelopeKey: [UInt8]
        public let rand: [UInt8]
        public let timestamp: Timestamp
        /// The KEMAC's plaintext (IDi, then Key data with the TGK), for the ledger's record.
        public let kemacPlaintext: [UInt8]
    }

    /// What the responder takes from I_MESSAGE, and its verification message.
    public struct Answer: Sendable {
        public let tgk: [UInt8]
        public let envelopeKey: [UInt8]
        public let rand: [UInt8]
        public let verification: [UInt8]
    }

    /// Builds I_MESSAGE (RFC 3830 §3.2): a fresh TGK and envelope key, the KEMAC under
    /// keys from the envelope key, the envelope key encrypted to the key of
    /// `responderCertificate` (which the initiator holds beforehand, from a directory, and
    /// checks against `authority`), and SIGNi with `signer`'s key over the whole message.
    public static func offer(_ session: ModeSession, signer: LabPKI.Holder, responderCertificate: X509Certificate,
                             authority: X509Certificate, now: UInt64, using random: RandomSource) throws(IBAKEFailure) -> Offer {
        let recipient = try LabPKI.publicKey(of: responderCertificate, uri: session.responder, authority: authority, now: now,
                                             describedAs: "the responder's certificate")
        let tgk = TransportedKey.draw(using: random)
        let envelopeKey = TransportedKey.draw(using: random)
        let rand = random.bytes(IBAKEProfile.randLength)
        let stamp = Timestamp.ntpUTC(now)
        let seal = KEMACSeal(key: envelopeKey, session: session, rand: rand)
        let (kemac, plaintext) = try seal.payload(carrying: [.id(IDPayload(uri: session.initiator)),
                                                            .keyData(KeyDataSubPayload(type: .tgk, key: tgk))],
                                                  csbID: session.csbID, timestamp: stamp)
        let unsigned = MIKEYMessage(header: session.header(.publicKey, verificationRequired: true), payloads: [
            .timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand)), LabPKI.payload(signer),
            .id(IDPayload(uri: session.responder)), .kemac(kemac), try LabPKI.envelope(envelopeKey, to: recipient, using: random),
        ])
        return Offer(octets: try LabPKI.sealedAndSigned(unsigned, seal: seal, with: signer.key), tgk: tgk,
                     envelopeKey: envelopeKey, rand: rand, timestamp: stamp, kemacPlaintext: plaintext)
    }

    /// Checks I_MESSAGE as the responder, in this order (RFC 3830 §3.2, §5.3): type and
    /// HDR, freshness, the initiator's certificate (chains to `authority`, valid now,
    /// names the initiator), SIGNi under its key, the PKE with the responder's `key`, the
    /// KEMAC MAC and decryption under keys from the envelope key, IDi inside the KEMAC,
    /// the TGK, the replay cache; answers with the verification message (§5.2).
    public static func answer(_ octets: [UInt8], session: ModeSession, key: RSAPrivateKey, authority: X509Certificate,
                              now: UInt64, replays: ReplayCache) throws(IBAKEFailure) -> Answer {
        let message = try session.decode(octets, expecting: .publicKey)
        let stamp = try Wire.timestamp(message)
        try replays.checkFreshness(stamp.value64, now: now)
        let initiatorKey = try LabPKI.publicKey(in: message, of: session.initiator, authority: authority, now: now)
        try LabPKI.verify(message, signedBy: session.initiator, key: initiatorKey)
        let envelopeKey = try LabPKI.openEnvelope(in: message, with: key)
        guard let rand = message.rand else { throw IBAKEFailure(.parse, "Public-key message has no RAND") }
        let seal = KEMACSeal(key: envelopeKey, session: session, rand: rand)
        let chain = try seal.open(octets, message, first: .id)
        guard case .id(let inner)? = chain.first, inner.type == .uri, inner.data == Array(session.initiator.utf8) else {
            throw IBAKEFailure(.innerIdentity, "the IDi inside the Public-key message's KEMAC is not \(session.initiator), the certificate's identity")
        }
        let tgk = try KEMACSeal.tgk(in: chain, of: "the Public-key message")
        try replays.checkNotReplayed(octets, now: now)
        replays.remember(octets, timestamp: stamp.value64, now: now)
        let verification = try session.verificationMessage(.publicKeyVerification, authKey: seal.keys.authenticationKey, answering: stamp,
                                                           now: now)
        return Answer(tgk: tgk, envelopeKey: envelopeKey, rand: rand, verification: verification)
    }

    /// Checks the verification message as the initiator: its V MAC under the envelope
    /// key's auth_key over the message, both identities and the initiator's T (RFC 3830
    /// §3.2, §5.2). It proves the responder opened the PKE: only its RSA key could.
    public static func confirm(_ octets: [UInt8], of offer: Offer, session: ModeSession) throws(IBAKEFailure) {
        let message = try session.decode(octets, expecting: .publicKeyVerification)
        let seal = KEMACSeal(key: offer.envelopeKey, session: session, rand: offer.rand)
        try Wire.verify(octets, message, authKey: seal.keys.authenticationKey, mac: session.mac,
                        suffix: session.verificationSuffix(initiatorTimestamp: offer.timestamp))
    }
}
