import IBAKE
import IBE

/// The IBE private keys one party holds after a step, read from its ledger (the octets
/// 0x04 || x || y the KMS issued, PROFILE D11), with the public parameters to decrypt
/// with: the parameter set and sP as the ledger has it (RFC 5091 §5.1).
struct HeldKeys {
    /// Every private key, in the order learned; a key held twice counts once.
    let keys: [(name: ValueName, key: BFPrivateKey)]
    /// nil until sP is known (no layer exists before the KMS's set-up).
    let parameters: BFPublicParameters?
    /// Whether the party holds the master secret s (the KMS, or Eve after a leak).
    let holdsMasterSecret: Bool

    /// The value names that are IBE private keys.
    static let privateKeyNames: Set<ValueName> = [.initiatorPrivateKey, .responderPrivateKey, .commonPrivateKey,
                                                   .eavesdropperPrivateKey]

    init(_ party: PartyID, in ledger: Ledger, parameterSet: ParameterSet) {
        let curve = parameterSet.curve
        let own = ledger[party]
        // sP is public: the party's own copy, else anyone's (it is the same value).
        let published = own?.value(.kmsPublicKey) ?? ledger.parties.lazy.compactMap { $0.value(.kmsPublicKey) }.first
        parameters = published.flatMap { curve.point(uncompressed: $0.octets) }.map {
            BFPublicParameters(curve: curve, generator: parameterSet.generator, publicKey: $0, hash: parameterSet.hash)
        }
        var seen = Set<[UInt8]>()
        var keys = [(name: ValueName, key: BFPrivateKey)]()
        for value in own?.knows ?? [] where Self.privateKeyNames.contains(value.name) && !seen.contains(value.octets) {
            guard let point = curve.point(uncompressed: value.octets) else { continue }
            seen.insert(value.octets)
            keys.append((value.name, BFPrivateKey(point: point, curve: curve)))
        }
        self.keys = keys
        holdsMasterSecret = own?.value(.masterSecret) != nil
    }

    /// "I_PrK", "I_PrK and R_PrK", "I_PrK, R_PrK and common_PrK".
    var names: String {
        let all = keys.map(\.name.rawValue)
        guard let last = all.last else { return "no key" }
        return all.count == 1 ? last : all.dropLast().joined(separator: ", ") + " and " + last
    }
}
