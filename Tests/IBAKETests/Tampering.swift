import IBAKE
import IBE
import MIKEY
import Primitives

/// Test helpers that change messages on the wire.
enum Tampering {
    /// Flips one bit of the first payload of `type` (in its data, past its header octets).
    static func flipBit(in bytes: [UInt8], payload type: PayloadType, offsetIntoData: Int = 40) throws -> [UInt8] {
        let trace = MIKEYMessage.trace(bytes)
        guard let element = trace.elements.first(where: { $0.description.type == type }) else { throw Missing(type: type) }
        var changed = bytes
        let range = element.description.range
        let position = min(range.lowerBound + 3 + offsetIntoData, range.upperBound - 1)
        changed[position] ^= 0x01
        return changed
    }

    /// Opens the IBAKE layer with `key`, lets `change` rewrite the plaintext chain, and
    /// seals it again to the same identity: what only a holder of that key could do.
    static func rewriteIBAKE(_ bytes: [UInt8], key: BFPrivateKey, recipient: IdentityWithPeriod,
                             parameters: BFPublicParameters, random: RandomSource,
                             _ change: ([SubPayload]) -> [SubPayload]) throws -> [UInt8] {
        var message = try MIKEYMessage(decoding: bytes)
        guard let index = message.payloads.firstIndex(where: { $0.type == .ibake }),
              case .ibake(let ibake) = message.payloads[index] else { throw Missing(type: .ibake) }
        let plaintext = try parameters.decrypt(try BFCiphertext(decoding: ibake.encryptedData, parameters: parameters), with: key)
        let chain = change(try SubPayloadChain.decode(plaintext, first: .idr))
        let sealed = parameters.encrypt(try SubPayloadChain.encode(chain), for: recipient.octets, using: random)
        message.payloads[index] = .ibake(EncryptedDataPayload(encryptedData: sealed.encoded(on: parameters.curve)))
        return try message.encode()
    }

    struct Missing: Error { let type: PayloadType }
}
