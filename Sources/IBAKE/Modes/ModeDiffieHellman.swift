import MIKEY
import Primitives

/// The Diffie-Hellman half of DH-SIGN (RFC 3830 §3.3) and DHHMAC (RFC 4650): OAKLEY 5,
/// DH-Group 0, the 1536-bit MODP group of RFC 3526 §2, and a TGK that is the whole shared
/// value g^(xi·xr), left-padded to 192 octets (PROFILE D22).
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
}
