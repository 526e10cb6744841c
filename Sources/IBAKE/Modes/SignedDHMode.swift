import MIKEY
import Primitives

/// MIKEY-DH with signatures (RFC 3830 §3.3): each side sends a Diffie-Hellman value in a
/// message it signs with the RSA key of its certificate, and the TGK is the shared value
/// g^(xi·xr). Neither side chooses the key alone, and once xi and xr are wiped nobody can
/// recompute it, not even with both RSA keys and the CA's (perfect forward secrecy).
///
/// I_MESSAGE = HDR, T, RAND, CERTi, IDr, DHi, SIGNi      (data type 4, V flag set)
/// R_MESSAGE = HDR, T, CERTr, IDi, DHr, DHi, SIGNr        (data type 5)
public enum SignedDHMode {
    public typealias Offer = DiffieHellmanOffer
    public typealias Answer = DiffieHellmanAnswer

    /// Builds I_MESSAGE: a fresh xi, g^xi in DHi, I's certificate, R's identity, signed
    /// with I's RSA key (RFC 3830 §3.3, §5.2).
    public static func offer(_ session: ModeSession, signer: LabPKI.Holder, now: UInt64,
                             using random: RandomSource) throws(IBAKEFailure) -> Offer {
        let xi = try ModeDiffieHellman.draw(using: random)
        let rand = random.bytes(IBAKEProfile.randLength)
        let stamp = Timestamp.ntpUTC(now)
        let message = MIKEYMessage(header: session.header(.diffieHellmanInit, verificationRequired: true), payloads: [
            .timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand)), LabPKI.payload(signer),
            .id(IDPayload(uri: session.responder)), ModeDiffieHellman.payload(xi.publicValue),
        ])
        return Offer(octets: try LabPKI.signed(message, with: signer.key), rand: rand, timestamp: stamp, exponent: xi)
    }

    /// Checks I_MESSAGE as the responder, in this order: type and HDR, freshness, I's
    /// certificate (chains to `authority`, valid now, names I), SIGNi under it, g^xi a valid
    /// element, replay; then draws xr, computes the TGK and answers with g^xr, g^xi echoed,
    /// signed with R's RSA key (RFC 3830 §3.3, §5.3).
    public static func answer(_ octets: [UInt8], session: ModeSession, signer: LabPKI.Holder, authority: X509Certificate,
                              now: UInt64, replays: ReplayCache, using random: RandomSource) throws(IBAKEFailure) -> Answer {
        let message = try session.decode(octets, expecting: .diffieHellmanInit)
        let stamp = try Wire.timestamp(message)
        try replays.checkFreshness(stamp.value64, now: now)
        guard let rand = message.rand else { throw IBAKEFailure(.parse, "the D-H init message has no RAND") }
        let key = try LabPKI.publicKey(in: message, of: session.initiator, authority: authority, now: now)
        try LabPKI.verify(message, signedBy: session.initiator, key: key)
        let (gxi, xr, tgk) = try ModeDiffieHellman.respond(to: message, using: random)
        try replays.checkNotReplayed(octets, now: now)
        replays.remember(octets, timestamp: stamp.value64, now: now)
        let response = MIKEYMessage(header: session.header(.diffieHellmanResponse), payloads: [
            .timestamp(TimestampPayload(.ntpUTC(now))), LabPKI.payload(signer), .id(IDPayload(uri: session.initiator)),
        ] + ModeDiffieHellman.answerPayloads(xr, echoing: gxi))
        return Answer(octets: try LabPKI.signed(response, with: signer.key), tgk: tgk, rand: rand, initiatorValue: gxi,
                      exponent: xr)
    }

    /// Checks R_MESSAGE as the initiator: type and HDR, R's certificate, SIGNr, the echoed
    /// DHi equal to the g^xi I sent (the answer is to this offer), g^xr a valid element;
    /// returns the TGK g^(xi·xr) (RFC 3830 §3.3, §5.3).
    public static func finish(_ octets: [UInt8], of offer: Offer, session: ModeSession,
                              authority: X509Certificate, now: UInt64) throws(IBAKEFailure) -> [UInt8] {
        let message = try session.decode(octets, expecting: .diffieHellmanResponse)
        let key = try LabPKI.publicKey(in: message, of: session.responder, authority: authority, now: now)
        try LabPKI.verify(message, signedBy: session.responder, key: key)
        return try ModeDiffieHellman.finish(message, of: offer)
    }
}
