import IBAKE
import IBE
import MIKEY

extension LayerOpening {
    /// Every IBE layer of `message` (its IBAKE and ESK payloads, in wire order) as `party`
    /// opens it with the private keys its ledger holds after `step`: each key is tried
    /// with a real BFdecrypt, and the first whose Fujisaki-Okamoto check passes opens it
    /// (RFC 5091 §5.5). Empty for a message with no such payload, or not MIKEY at all.
    public static func open(_ message: WireMessage, as party: Party, at step: Step,
                            parameterSet: ParameterSet) -> [LayerOpening] {
        let layers = MIKEYMessage.trace(message.octets).descriptions.compactMap(SealedPayload.init)
        guard !layers.isEmpty else { return [] }
        let keys = HeldKeys(party.id, in: step.ledger, parameterSet: parameterSet)
        var sealedRecords = message.sealedLayers
        return layers.map { layer in
            let ciphertext = Array(message.octets[layer.ciphertext])
            // The record of this very ciphertext, else the next one of its payload (a tampered copy).
            let index = sealedRecords.firstIndex { $0.ciphertext == ciphertext }
                ?? sealedRecords.firstIndex { $0.payload == layer.type.name }
            let sealedTo = index.map { sealedRecords.remove(at: $0).recipient }
            return LayerOpening(
                payload: layer.type, payloadRange: layer.range, ciphertextRange: layer.ciphertext,
                ciphertextParts: ciphertextParts(layer.ciphertext, parameterSet: parameterSet), party: party.id,
                sealedTo: sealedTo,
                outcome: outcome(ciphertext, first: layer.type == .ibake ? .idr : .id, party: party, keys: keys,
                                 sealedTo: sealedTo))
        }
    }

    /// An IBAKE or ESK payload of a traced message and where its Encr data lies.
    private struct SealedPayload {
        let type: PayloadType
        let range: Range<Int>
        let ciphertext: Range<Int>

        init?(_ description: PayloadDescription) {
            guard let type = description.type, type == .ibake || type == .esk,
                  let data = description.fields.first(where: { $0.name == "Encr data" }) else { return nil }
            self.type = type
            range = description.range
            ciphertext = data.range
        }
    }

    /// U || V || W at their message offsets (PROFILE D2): U an uncompressed point of
    /// 1 + 2L octets, V hashlen octets, W as long as the plaintext.
    static func ciphertextParts(_ range: Range<Int>, parameterSet: ParameterSet) -> [FieldDescription] {
        let length = parameterSet.curve.coordinateLength, hashLength = parameterSet.hash.digestLength
        let uEnd = range.lowerBound + 1 + 2 * length, vEnd = uEnd + hashLength
        guard vEnd <= range.upperBound else { return [] }
        return [
            FieldDescription(name: "U", value: "[l]P, \(1 + 2 * length) octets", range: range.lowerBound..<uEnd,
                             reference: .rfc(5091, "5.4")),
            FieldDescription(name: "V", value: "masked rho, \(hashLength) octets", range: uEnd..<vEnd,
                             reference: .rfc(5091, "5.4")),
            FieldDescription(name: "W", value: "masked plaintext, \(range.upperBound - vEnd) octets",
                             range: vEnd..<range.upperBound, reference: .rfc(5091, "5.4")),
        ]
    }

    /// Tries each key the party holds; the true outcome, in words when it stays shut.
    private static func outcome(_ ciphertext: [UInt8], first: PayloadType, party: Party, keys: HeldKeys,
                                sealedTo: String?) -> Outcome {
        let target = sealedTo.map { "this layer was sealed to \($0)" } ?? "this layer names no recipient (BF is anonymous)"
        guard !keys.keys.isEmpty else { return .refused(Refusal.withoutKey(party, keys: keys, target: target)) }
        guard let parameters = keys.parameters else {
            return .refused("\(party.name) holds \(keys.names), but no one holds sP yet: there are no public parameters to decrypt with")
        }
        let decoded: BFCiphertext
        do {
            decoded = try BFCiphertext(decoding: ciphertext, parameters: parameters)
        } catch {
            return .refused("\(party.name) holds \(keys.names), but the Encr data is no BF ciphertext U || V || W (PROFILE D2): \(error)")
        }
        var failures = [String]()
        for held in keys.keys {
            do {
                let plaintext = try parameters.decrypt(decoded, with: held.key)
                let trace = SubPayloadChain.trace(plaintext, first: first)
                return .opened(OpenedLayer(key: held.name, plaintext: plaintext, chain: trace.descriptions,
                                           failure: trace.failure.map(\.description)))
            } catch {
                let why = if case .decryptionFailed(let why) = error { why } else { "\(error)" }
                failures.append(keys.keys.count == 1 ? why : "with \(held.name): \(why)")
            }
        }
        return .refused(Refusal.wrongKey(party, keys: keys, target: target, failures: failures))
    }
}

/// The reasons a layer stays shut, in the words the inspector shows.
enum Refusal {
    static func withoutKey(_ party: Party, keys: HeldKeys, target: String) -> String {
        let master = keys.holdsMasterSecret
            ? " It holds s, so it could extract that key, but its ledger holds no extracted key yet."
            : " Its private key [s]·H(identity) only the KMS can derive: without s, opening it is the bilinear Diffie-Hellman problem (RFC 5091 §5, PROFILE D1)."
        return "\(party.name) holds no IBE private key; \(target).\(master)"
    }

    static func wrongKey(_ party: Party, keys: HeldKeys, target: String, failures: [String]) -> String {
        let attempt = keys.keys.count == 1 ? "BFdecrypt with \(keys.names) fails" : "BFdecrypt fails with each"
        return "\(party.name) holds \(keys.names), but \(target): \(attempt): \(failures.joined(separator: "; "))."
            + " The Fujisaki-Okamoto check (RFC 5091 §5.5 step 6) lets no wrong plaintext through."
    }
}
