import MIKEY

/// What a holder of a user's PSK reads in a recorded provisioning exchange (RFC 6267
/// §4.2.1; PROFILE D11): the KEMAC of REQUEST_KEY_RESP is encrypted under keys derived
/// from the PSK and the request's clear CSB ID and RAND, so whoever has the PSK and the
/// two messages has the private key they carried. RFC 6539 §3.3 asks what each
/// long-term secret's loss costs: this is the PSK's.
public enum ProvisioningWithLeakedPSK {
    /// The private keys (0x04 || x || y, as the KEMAC carries them, in order) in `response`,
    /// the answer to `request`, read with `psk`. Throws when they do not open.
    public static func keys(in response: [UInt8], answering request: [UInt8], psk: [UInt8],
                            profile: IBAKEProfile) throws(IBAKEFailure) -> [[UInt8]] {
        let asked = try Wire.decode(request, expecting: .requestKeyPSK)
        let answer = try Wire.decode(response, expecting: .requestKeyResponse, following: asked.header)
        guard let rand = asked.rand, let kemac = answer.kemac else {
            throw IBAKEFailure(.parse, "REQUEST_KEY_PSK without RAND or REQUEST_KEY_RESP without KEMAC")
        }
        let keys = profile.provisioningKeys(psk: psk, csbID: asked.header.csbID, rand: rand)
        do {
            let plaintext = try KEMACEncryption.apply(kemac.encryption, key: keys.encryptionKey, salt: keys.saltKey,
                                                      csbID: asked.header.csbID, timestamp: try Wire.timestamp(asked), to: kemac.encryptedData)
            return try SubPayloadChain.decode(plaintext, first: .id).compactMap { item in
                if case .keyData(let data) = item, data.type == .privateKey { data.key } else { nil }
            }
        } catch {
            throw IBAKEFailure(.provisioning, "the KEMAC does not open with this PSK: \(error)")
        }
    }
}
