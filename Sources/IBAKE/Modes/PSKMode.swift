import MIKEY
import Primitives

/// MIKEY-PSK (RFC 3830 §3.1): the initiator picks the TGK and sends it in a KEMAC
/// encrypted and MACed under keys from the key it pre-shares with the responder; the
/// responder confirms with a verification message. One round trip, no public-key
/// operation, and nothing but the PSK protects the TGK: whoever gets the PSK later opens
/// every recorded exchange (no forward secrecy).
///
/// I_MESSAGE = HDR, T, RAND, IDi, IDr, KEMAC (data type 0, V flag set)
/// R_MESSAGE = HDR, T, IDr, V               (data type 1)
public enum PSKMode {
    /// The initiator's message, with what the initiator keeps to check the answer.
    public struct Offer: Sendable {
        public let octets: [UInt8]
        public let tgk: [UInt8]
        public let rand: [UInt8]
        public let timestamp: Timestamp
        /// The KEMAC's plaintext (Key data with the TGK), for the ledger's record.
        public let kemacPlaintext: [UInt8]
    }

    /// What the responder takes from I_MESSAGE, and its verification message.
    public struct Answer: Sendable {
        public let tgk: [UInt8]
        public let rand: [UInt8]
        public let verification: [UInt8]
    }

    /// Builds I_MESSAGE: a fresh TGK in a KEMAC under keys from `psk` (RFC 3830 §3.1, §4.1.4).
    public static func offer(_ session: ModeSession, psk: [UInt8], now: UInt64, using random: RandomSource) throws(IBAKEFailure) -> Offer {
        let tgk = TransportedKey.draw(using: random)
        let rand = random.bytes(IBAKEProfile.randLength)
        let stamp = Timestamp.ntpUTC(now)
        let seal = KEMACSeal(key: psk, session: session, rand: rand)
        let (kemac, plaintext) = try seal.payload(carrying: [.keyData(KeyDataSubPayload(type: .tgk, key: tgk))],
                                                  csbID: session.csbID, timestamp: stamp)
        let message = MIKEYMessage(header: session.header(.preShared, verificationRequired: true), payloads: [
            .timestamp(TimestampPayload(stamp)), .rand(RANDPayload(rand)),
            .id(IDPayload(uri: session.initiator)), .id(IDPayload(uri: session.responder)), .kemac(kemac),
        ])
        return Offer(octets: try seal.sealed(message), tgk: tgk, rand: rand, timestamp: stamp, kemacPlaintext: plaintext)
    }

    /// Checks I_MESSAGE as the responder: type and HDR, freshness, the KEMAC MAC under the
    /// PSK's auth_key, then the TGK out of the decrypted Key data; answers with the
    /// verification message (RFC 3830 §3.1, §5.2).
    public static func answer(_ octets: [UInt8], session: ModeSession, psk: [UInt8], now: UInt64,
                              replays: ReplayCache) throws(IBAKEFailure) -> Answer {
        let message = try session.decode(octets, expecting: .preShared)
        let stamp = try Wire.timestamp(message)
        try replays.checkFreshness(stamp.value64, now: now)
        guard let rand = message.rand else { throw IBAKEFailure(.parse, "Pre-shared message has no RAND") }
        let seal = KEMACSeal(key: psk, session: session, rand: rand)
        let tgk = try KEMACSeal.tgk(in: seal.open(octets, message), of: "the Pre-shared message")
        try replays.checkNotReplayed(octets, now: now)
        replays.remember(octets, timestamp: stamp.value64, now: now)
        let verification = try session.verificationMessage(.preSharedVerification, authKey: seal.keys.authenticationKey, answering: stamp,
                                                           now: now)
        return Answer(tgk: tgk, rand: rand, verification: verification)
    }

    /// Checks the verification message as the initiator: its V MAC under the PSK's
    /// auth_key over the message, both identities and the initiator's T (RFC 3830 §5.2).
    public static func confirm(_ octets: [UInt8], of offer: Offer, session: ModeSession, psk: [UInt8]) throws(IBAKEFailure) {
        let message = try session.decode(octets, expecting: .preSharedVerification)
        let seal = KEMACSeal(key: psk, session: session, rand: offer.rand)
        try Wire.verify(octets, message, authKey: seal.keys.authenticationKey, mac: session.mac,
                        suffix: session.verificationSuffix(initiatorTimestamp: offer.timestamp))
    }
}
