import IBAKE
import IBE
import MIKEY
import Pairing
import Primitives

extension Stage {
    /// `party` tries to open the IBAKE payload of the last message of `name` on the wire
    /// with `key`: real BF decryption. On success the aP and bP inside are revealed to it;
    /// on failure a refuse step says why. Returns whether it opened (false, and no step,
    /// when no such message was sent).
    @discardableResult
    func attemptOpen(_ name: MessageKind, by party: Party, with key: BFPrivateKey, keyName: ValueName,
                     narration: String, references: [SpecReference]) -> Bool {
        guard let message = builder.lastMessage(name) else { return false }
        let parameters = kms.publicParameters
        do {
            guard let ibake = try MIKEYMessage(decoding: message).ibake else { return false }
            let plaintext = try parameters.decrypt(try BFCiphertext(decoding: ibake.encryptedData, parameters: parameters), with: key)
            var owner: IDRole?
            var revealed = [(PartyID, LearnedValue)]()
            for item in try SubPayloadChain.decode(plaintext, first: .idr) {
                if case .idr(let identity) = item { owner = identity.role }
                if case .eccpt(let eccpt) = item {
                    let value = eccpt.point?.sec1() ?? eccpt.encoding
                    revealed.append((party.id, LearnedValue(owner == .initiator ? .aP : .bP, value, .message(name))))
                }
            }
            builder.step(party.id, .check, "\(party.tag) opens \(name) with \(keyName.rawValue)", reveal: revealed,
                         checks: [CheckOutcome(check: .decryption, passed: true, detail: "")],
                         narration: narration, references: references)
            return true
        } catch {
            builder.step(party.id, .refuse, "\(party.tag) cannot open \(name)",
                         checks: [CheckOutcome(check: .decryption, passed: false, detail: "\(error)")],
                         narration: narration + " The decryption fails: \(error).", references: references)
            return false
        }
    }

    /// A private key issued directly (one step), where provisioning is not the point of the scenario.
    func issueKey(to party: Party, uri: String, keyName: ValueName, narration: String) throws -> KeyRing.Entry {
        let identity = try KeyPeriod.identity(uri, atNTP: env.clock.now())
        let key = kms.extractPrivateKey(for: identity)
        let octets = Stage.octets(key.point, length: profile.parameterSet.curve.coordinateLength)
        builder.step(.kms, .compute, "KMS issues \(keyName.rawValue) to \(party.tag)",
                     reveal: [(.kms, LearnedValue(keyName, octets, .computed)), (party.id, LearnedValue(keyName, octets, .provisioned))],
                     narration: narration, references: [.rfc(6267, "4.2.1"), .profile("D3"), .profile("D11")])
        return KeyRing.Entry(identity: identity, key: key)
    }

    /// 0x04 || x || y, each coordinate the octet length of p.
    static func octets(_ point: CurvePoint, length: Int) -> [UInt8] {
        // Invariant: coordinates of a curve point are below p and fit in `length` octets.
        [0x04] + (point.x.bytes(count: length) ?? []) + (point.y.bytes(count: length) ?? [])
    }
}
