import MIKEY
import Primitives

/// MIKEY-DHHMAC (RFC 4650): a Diffie-Hellman exchange whose two messages are authenticated
/// by a KEMAC that carries no key, only a MAC under auth_key, derived from the key I and R
/// pre-share with the CSB ID and I's RAND (RFC 3830 §4.1.4). The TGK is g^(xi·xr): a later
/// leak of the PSK lets Eve forge MACs for future calls but does not open a recorded one
/// (perfect forward secrecy, RFC 4650 §6).
///
/// I_MESSAGE = HDR, T, RAND, IDi, IDr, DHi, KEMAC   (data type 7, V flag set)
/// R_MESSAGE = HDR, T, IDr, IDi, DHr, DHi, KEMAC    (data type 8)
public enum DHHMACMode {
    public typealias Offer = DiffieHellmanOffer
    public typealias Answer = DiffieHellmanAnswer

    /// Builds I_MESSAGE: a fresh xi, g^xi in DHi, and a KEMAC with NULL encryption and no
    /// data whose MAC under the PSK's auth_key covers the whole message but the MAC
    /// (RFC 4650 §3, §5.2; PROFILE D22).
    public static func offer(_ session: ModeSession, psk: [UInt8], now: UInt64,
                             using random: RandomSource) throws(IBAKEFailure) -> Offer {
        let xi = try ModeDiffieHellman.draw(using: random)
        let rand = random.bytes(IBAKEProfile.randLength)
        let stamp = Timestamp.ntpUTC(now)
        let seal = KEMACSeal(key: psk, session: session, rand: rand, encryption: .null)
        let (kemac, _) = try seal.payload(carrying: [], csbID: session.csbID, timestamp: stamp)
        let message = MIKEYMessage(header: session.header(.dhhmacInit, verificationRequired: true), payloads: [
            .timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand)), .id(IDPayload(uri: session.initiator)),
            .id(IDPayload(uri: session.responder)), ModeDiffieHellman.payload(xi.publicValue), .kemac(kemac),
        ])
        return Offer(octets: try seal.sealed(message), rand: rand, timestamp: stamp, exponent: xi)
    }

    /// Checks I_MESSAGE as the responder, in this order: type and HDR, freshness, the
    /// KEMAC MAC under the PSK's auth_key, g^xi a valid element, replay; then draws xr,
    /// computes the TGK and answers with g^xr and g^xi echoed under a KEMAC MAC of its own,
    /// keyed with I's RAND (RFC 4650 §3, §4).
    public static func answer(_ octets: [UInt8], session: ModeSession, psk: [UInt8], now: UInt64,
                              replays: ReplayCache, using random: RandomSource) throws(IBAKEFailure) -> Answer {
        let message = try session.decode(octets, expecting: .dhhmacInit)
        let stamp = try Wire.timestamp(message)
        try replays.checkFreshness(stamp.value64, now: now)
        guard let rand = message.rand else { throw IBAKEFailure(.parse, "the DHHMAC init message has no RAND") }
        let seal = KEMACSeal(key: psk, session: session, rand: rand, encryption: .null)
        _ = try seal.open(octets, message)
        let (gxi, xr, tgk) = try ModeDiffieHellman.respond(to: message, using: random)
        try replays.checkNotReplayed(octets, now: now)
        replays.remember(octets, timestamp: stamp.value64, now: now)
        let responseStamp = Timestamp.ntpUTC(now)
        let (kemac, _) = try seal.payload(carrying: [], csbID: session.csbID, timestamp: responseStamp)
        let response = MIKEYMessage(header: session.header(.dhhmacResponse), payloads: [
            .timestamp(TimestampPayload(responseStamp)), .id(IDPayload(uri: session.responder)),
            .id(IDPayload(uri: session.initiator)),
        ] + ModeDiffieHellman.answerPayloads(xr, echoing: gxi) + [.kemac(kemac)])
        return Answer(octets: try seal.sealed(response), tgk: tgk, rand: rand, initiatorValue: gxi, exponent: xr)
    }

    /// Checks R_MESSAGE as the initiator: type and HDR, the KEMAC MAC under the PSK's
    /// auth_key (with I's RAND), the echoed DHi equal to the g^xi I sent, g^xr a valid
    /// element; returns the TGK g^(xi·xr) (RFC 4650 §3, §4).
    public static func finish(_ octets: [UInt8], of offer: Offer, session: ModeSession,
                              psk: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        let message = try session.decode(octets, expecting: .dhhmacResponse)
        let seal = KEMACSeal(key: psk, session: session, rand: offer.rand, encryption: .null)
        _ = try seal.open(octets, message)
        return try ModeDiffieHellman.finish(message, of: offer)
    }
}
