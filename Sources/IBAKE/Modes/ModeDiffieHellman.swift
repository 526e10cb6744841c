import MIKEY
import Primitives

/// The initiator's message of a Diffie-Hellman mode (DH-SIGN, DHHMAC), and its exponent
/// xi, wiped when the offer is released.
public struct DiffieHellmanOffer: Sendable {
    public let octets: [UInt8]
    public let rand: [UInt8]
    public let timestamp: Timestamp
    /// xi and g^xi; the initiator needs xi for the TGK once the answer comes.
    public let exponent: MODPPrivateKey
    /// g^xi, as DHi carries it.
    public var initiatorValue: [UInt8] { exponent.publicValue }
}

/// What the responder of a Diffie-Hellman mode takes from I_MESSAGE, and its answer.
public struct DiffieHellmanAnswer: Sendable {
    public let octets: [UInt8]
    /// g^(xi·xr), 192 octets.
    public let tgk: [UInt8]
    public let rand: [UInt8]
    /// g^xi as I_MESSAGE carried it.
    public let initiatorValue: [UInt8]
    /// xr and g^xr: the responder's to drop (and wipe) once the answer is sent.
    public let exponent: MODPPrivateKey
}

/// The Diffie-Hellman half of DH-SIGN (RFC 3830 §3.3) and DHHMAC (RFC 4650): OAKLEY 5,
/// DH-Group 0, the 1536-bit MODP group of RFC 3526 §2, and a TGK that is the whole shared
/// value g^(xi·xr), left-padded to 192 octets (PROFILE D22). The modes differ only in
/// what authenticates their messages (signatures, or MAC-only KEMACs).
enum ModeDiffieHellman {
    static let group = MODPGroup.oakley5
    static let registered = DHGroup.oakley5

    /// A fresh exponent (xi or xr) and its public value, from `random`.
    static func draw(using random: RandomSource) throws(IBAKEFailure) -> MODPPrivateKey {
        do {
            return try MODPPrivateKey.generate(in: group, using: random)
        } catch {
            throw IBAKEFailure(.diffieHellmanValue, "cannot draw a Diffie-Hellman exponent: \(error)")
        }
    }

    /// The DH payload carrying `value` (RFC 3830 §6.4).
    static func payload(_ value: [UInt8]) -> Payload {
        .dh(DHPayload(group: registered, value: value))
    }

    /// The values of `message`'s DH payloads, in order; a payload of another group is refused.
    static func values(in message: MIKEYMessage) throws(IBAKEFailure) -> [[UInt8]] {
        var values = [[UInt8]]()
        for case .dh(let dh) in message.payloads {
            guard dh.group == registered else {
                throw IBAKEFailure(.diffieHellmanValue, "\(message.header.dataType.name) offers \(dh.group.name); the lab uses \(registered.name) (PROFILE D22)")
            }
            values.append(dh.value)
        }
        return values
    }

    /// The TGK g^(x·y) from `key` (x) and the peer's value `peer` (g^y), once `peer` is a
    /// valid element: 2 ≤ g^y ≤ p - 2 (RFC 3526 §8).
    static func tgk(_ key: MODPPrivateKey, peer: [UInt8], from sender: String) throws(IBAKEFailure) -> [UInt8] {
        do {
            return try key.sharedSecret(with: peer)
        } catch {
            throw IBAKEFailure(.diffieHellmanValue, "\(sender)'s Diffie-Hellman value is refused: \(error)")
        }
    }

    /// R's side once I_MESSAGE passed its checks: g^xi from its DH payload, a fresh xr,
    /// and the TGK (g^xi)^xr.
    static func respond(to message: MIKEYMessage, using random: RandomSource) throws(IBAKEFailure)
        -> (initiatorValue: [UInt8], exponent: MODPPrivateKey, tgk: [UInt8]) {
        guard let gxi = try values(in: message).first else {
            throw IBAKEFailure(.parse, "the \(message.header.dataType.name) message has no DH payload")
        }
        let xr = try draw(using: random)
        return (gxi, xr, try tgk(xr, peer: gxi, from: "I"))
    }

    /// The DH payloads of R_MESSAGE: DHr, then DHi echoed (RFC 3830 §3.3, RFC 4650 §3).
    static func answerPayloads(_ answer: MODPPrivateKey, echoing initiatorValue: [UInt8]) -> [Payload] {
        [payload(answer.publicValue), payload(initiatorValue)]
    }

    /// I's side once R_MESSAGE passed its checks: DHr and the echoed DHi, which must be the
    /// g^xi of `offer` (the answer is to this offer); the TGK (g^xr)^xi.
    static func finish(_ message: MIKEYMessage, of offer: DiffieHellmanOffer) throws(IBAKEFailure) -> [UInt8] {
        let name = message.header.dataType.name
        let values = try values(in: message)
        guard values.count == 2 else {
            throw IBAKEFailure(.parse, "the \(name) message carries \(values.count) DH payloads; DHr and DHi expected")
        }
        guard values[1] == offer.initiatorValue else {
            throw IBAKEFailure(.initiatorEcho, "the \(name) message echoes a DHi other than the g^xi I sent: it answers another offer")
        }
        return try tgk(offer.exponent, peer: values[0], from: "R")
    }
}
