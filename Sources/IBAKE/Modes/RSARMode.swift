import MIKEY
import Primitives

/// MIKEY-RSA-R (RFC 4738): the reverse of MIKEY-PK. The initiator sends its certificate
/// and asks for a key; the responder chooses the TGK and an envelope key, sends the TGK
/// in a KEMAC under keys from the envelope key and the envelope key in a PKE encrypted to
/// the initiator's certificate key, and signs its answer. The key is the responder's
/// choice: RSA-R is for one-to-many distribution, where the responder is the key server
/// (RFC 4738 §1). Nothing but the initiator's RSA key protects the envelope key: whoever
/// gets that key later opens every recorded exchange (no forward secrecy).
///
/// I_MESSAGE = HDR, T, RAND, CERTi, IDr, SIGNi                       (data type 9, V flag set)
/// R_MESSAGE = HDR, T, RAND, CERTr, IDi, KEMAC, PKE, SIGNr           (data type 10)
///
/// R_MESSAGE's RAND is the initiator's, echoed: the responder derives the KEMAC keys and
/// the TEKs from it (RFC 4738 §3).
public enum RSARMode {
    /// The initiator's request, with what the initiator keeps to check the answer.
    public struct Offer: Sendable {
        public let octets: [UInt8]
        public let rand: [UInt8]
        public let timestamp: Timestamp
    }

    /// The responder's answer and the keys it chose.
    public struct Answer: Sendable {
        public let octets: [UInt8]
        public let tgk: [UInt8]
        /// The envelope key the PKE carries (env_key).
        public let envelopeKey: [UInt8]
        /// The initiator's RAND, echoed in R_MESSAGE.
        public let rand: [UInt8]
        /// The KEMAC's plaintext (Key data with the TGK), for the ledger's record.
        public let kemacPlaintext: [UInt8]
    }

    /// What the initiator takes from R_MESSAGE.
    public struct Accepted: Sendable {
        public let tgk: [UInt8]
        public let envelopeKey: [UInt8]
        public let rand: [UInt8]
    }

    /// Builds I_MESSAGE (RFC 4738 §3): the initiator's certificate, the responder's
    /// identity and a fresh RAND, signed with `signer`'s key. It carries no key.
    public static func offer(_ session: ModeSession, signer: LabPKI.Holder, now: UInt64,
                             using random: RandomSource) throws(IBAKEFailure) -> Offer {
        let rand = random.bytes(IBAKEProfile.randLength)
        let stamp = Timestamp.ntpUTC(now)
        let message = MIKEYMessage(header: session.header(.rsaRInit, verificationRequired: true), payloads: [
            .timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand)), LabPKI.payload(signer),
            .id(IDPayload(uri: session.responder)),
        ])
        return Offer(octets: try LabPKI.signed(message, with: signer.key), rand: rand, timestamp: stamp)
    }

    /// Checks I_MESSAGE as the responder (RFC 4738 §3): type and HDR, freshness, the
    /// initiator's certificate (chains to `authority`, valid now, names the initiator),
    /// SIGNi under its key, the replay cache. Then the responder, `signer`, chooses the
    /// TGK and an envelope key and answers: the TGK in a KEMAC under keys from the
    /// envelope key and the initiator's RAND, the envelope key in a PKE to the
    /// initiator's certificate key, SIGNr over the whole answer.
    public static func answer(_ octets: [UInt8], session: ModeSession, signer: LabPKI.Holder, authority: X509Certificate,
                              now: UInt64, replays: ReplayCache, using random: RandomSource) throws(IBAKEFailure) -> Answer {
        let request = try session.decode(octets, expecting: .rsaRInit)
        let requestStamp = try Wire.timestamp(request)
        try replays.checkFreshness(requestStamp.value64, now: now)
        let initiatorKey = try LabPKI.publicKey(in: request, of: session.initiator, authority: authority, now: now)
        try LabPKI.verify(request, signedBy: session.initiator, key: initiatorKey)
        guard let rand = request.rand else { throw IBAKEFailure(.parse, "RSA-R I_MESSAGE has no RAND") }
        try replays.checkNotReplayed(octets, now: now)
        replays.remember(octets, timestamp: requestStamp.value64, now: now)

        let tgk = TransportedKey.draw(using: random)
        let envelopeKey = TransportedKey.draw(using: random)
        let stamp = Timestamp.ntpUTC(now)
        let seal = KEMACSeal(key: envelopeKey, session: session, rand: rand)
        let (kemac, plaintext) = try seal.payload(carrying: [.keyData(KeyDataSubPayload(type: .tgk, key: tgk))],
                                                  csbID: session.csbID, timestamp: stamp)
        let unsigned = MIKEYMessage(header: session.header(.rsaRResponse), payloads: [
            .timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand)), LabPKI.payload(signer),
            .id(IDPayload(uri: session.initiator)), .kemac(kemac),
            try LabPKI.envelope(envelopeKey, to: initiatorKey, using: random),
        ])
        return Answer(octets: try LabPKI.sealedAndSigned(unsigned, seal: seal, with: signer.key), tgk: tgk,
                      envelopeKey: envelopeKey, rand: rand, kemacPlaintext: plaintext)
    }

    /// Checks R_MESSAGE as the initiator, in this order (RFC 4738 §3): type and HDR,
    /// freshness, the responder's certificate (chains to `authority`, valid now, names
    /// the responder), SIGNr under its key, the echoed RAND, the PKE with the initiator's
    /// `key`, the KEMAC MAC and decryption under keys from the envelope key, the TGK.
    public static func accept(_ octets: [UInt8], of offer: Offer, session: ModeSession, key: RSAPrivateKey,
                              authority: X509Certificate, now: UInt64, replays: ReplayCache) throws(IBAKEFailure) -> Accepted {
        let message = try session.decode(octets, expecting: .rsaRResponse)
        let stamp = try Wire.timestamp(message)
        try replays.checkFreshness(stamp.value64, now: now)
        let responderKey = try LabPKI.publicKey(in: message, of: session.responder, authority: authority, now: now)
        try LabPKI.verify(message, signedBy: session.responder, key: responderKey)
        guard message.rand == offer.rand else {
            throw IBAKEFailure(.session, "RSA-R R_MESSAGE does not echo the RAND of the initiator's request (RFC 4738 §3)")
        }
        let envelopeKey = try LabPKI.openEnvelope(in: message, with: key)
        let seal = KEMACSeal(key: envelopeKey, session: session, rand: offer.rand)
        let tgk = try KEMACSeal.tgk(in: seal.open(octets, message), of: "RSA-R R_MESSAGE")
        try replays.checkNotReplayed(octets, now: now)
        replays.remember(octets, timestamp: stamp.value64, now: now)
        return Accepted(tgk: tgk, envelopeKey: envelopeKey, rand: offer.rand)
    }
}
