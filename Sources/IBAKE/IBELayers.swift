import IBE
import MIKEY
import Primitives

/// Seals sub-payload chains into IBE layers and opens them (PROFILE D1, D2): the
/// Encr data of IBAKE and ESK payloads is BF-IBE of the encoded chain, to the
/// recipient's identity-with-period. Recipient keys (Q_id and e'(P_pub, Q_id)) are
/// prepared once per identity and kept, and a run that repeats another (an attack
/// branch) finds the layers it seals and opens alike in the memo.
final class IBELayers {
    let parameters: BFPublicParameters
    private let random: RandomSource
    private let memo: IBEMemo

    init(parameters: BFPublicParameters, random: RandomSource, memo: IBEMemo) {
        self.parameters = parameters
        self.random = random
        self.memo = memo
    }

    func seal(_ chain: [SubPayload], to recipient: IdentityWithPeriod, payload: String) throws(IBAKEFailure) -> IBELayerRecord {
        let plaintext = try encode(chain)
        let key = memo.recipientKey(for: recipient.octets, parameters: parameters)
        let ciphertext = memo.encrypt(plaintext, to: key, parameters: parameters, using: random)
            .encoded(on: parameters.curve)
        return IBELayerRecord(payload: payload, recipient: recipient.description, plaintext: plaintext, ciphertext: ciphertext)
    }

    /// Decrypts and decodes a layer; every failure is an `.decryption` or `.parse` refusal.
    func open(_ ciphertext: [UInt8], with entry: KeyRing.Entry, first: PayloadType,
              payload: String) throws(IBAKEFailure) -> (chain: [SubPayload], record: IBELayerRecord) {
        let plaintext: [UInt8]
        do {
            let decoded = try BFCiphertext(decoding: ciphertext, parameters: parameters)
            plaintext = try memo.decrypt(decoded, with: entry.key, parameters: parameters)
        } catch {
            throw IBAKEFailure(.decryption, "\(payload) does not decrypt with the key of \(entry.identity.uri) for \(entry.identity.period): \(error)")
        }
        let chain: [SubPayload]
        do {
            chain = try SubPayloadChain.decode(plaintext, first: first)
        } catch {
            throw IBAKEFailure(.parse, "\(payload) plaintext: \(error)")
        }
        return (chain, IBELayerRecord(payload: payload, recipient: entry.identity.description, plaintext: plaintext,
                                      ciphertext: ciphertext))
    }

    private func encode(_ chain: [SubPayload]) throws(IBAKEFailure) -> [UInt8] {
        do {
            return try SubPayloadChain.encode(chain)
        } catch {
            throw IBAKEFailure(.parse, "cannot encode the sub-payloads: \(error)")
        }
    }
}
