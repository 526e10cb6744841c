import IBE
import MIKEY
import Primitives

/// What anyone on the path can build without a private key: an IBAKE payload needs only
/// the recipient's identity and the KMS's public parameters (RFC 6267 §4.2.2; RFC 6539
/// §3.3 asks what then authenticates a share). The lab's attacker uses it to put her own
/// Diffie-Hellman share where a message carries one; the receiver's checks decide.
public struct OutsiderForgery {
    private let profile: IBAKEProfile
    private let layers: IBELayers

    /// A forger with the public parameters every party has.
    public init(profile: IBAKEProfile, kmsParameters: BFPublicParameters, random: RandomSource, memo: IBEMemo) {
        self.profile = profile
        layers = IBELayers(parameters: kmsParameters, random: random, memo: memo)
    }

    /// `bytes` with its IBAKE payload replaced by a fresh one sealed to the same recipient
    /// (IDRr for I_MESSAGE_1 and I_MESSAGE_2, IDRi for R_MESSAGE_1, for the key period of
    /// the message's T), holding the clear identities and `share` in every ECCPT position
    /// the message's layout has (RFC 6267 §4.2.2.1, §4.2.2.3, §4.2.2.5): the forger cannot
    /// read the echo a layout may carry, so her share stands in for it too.
    public func substitutingShares(in bytes: [UInt8], with share: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        let decoded: MIKEYMessage
        do {
            decoded = try MIKEYMessage(decoding: bytes)
        } catch {
            throw IBAKEFailure(.parse, "\(error)")
        }
        var message = decoded
        let type = message.header.dataType
        guard let index = message.payloads.firstIndex(where: { if case .ibake = $0 { true } else { false } }) else {
            throw IBAKEFailure(.parse, "\(type.name) carries no IBAKE payload")
        }
        let initiator = try Wire.identity(message, .initiator), responder = try Wire.identity(message, .responder)
        let plaintext: IBAKEPlaintext
        switch type {
        case .iMessage1: plaintext = IBAKEPlaintext(initiator: initiator, initiatorValue: share, responder: responder, responderValue: nil)
        case .rMessage1: plaintext = IBAKEPlaintext(initiator: initiator, initiatorValue: share, responder: responder, responderValue: share)
        default: plaintext = IBAKEPlaintext(initiator: initiator, initiatorValue: nil, responder: responder, responderValue: share)
        }
        let recipient = try Wire.uri(type == .rMessage1 ? initiator : responder)
        let layer = try layers.seal(try plaintext.chain(group: profile.group, mac: profile.macAlgorithm),
                                    to: try KeyPeriod.identity(recipient, atNTP: try Wire.ntpTime(message)), payload: "IBAKE")
        message.payloads[index] = .ibake(EncryptedDataPayload(encryptedData: layer.ciphertext))
        return try Wire.encode(message)
    }
}
