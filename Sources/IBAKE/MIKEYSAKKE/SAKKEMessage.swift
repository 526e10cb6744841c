import IBE
import MIKEY
import Pairing
import Primitives

/// MIKEY-SAKKE (RFC 6509), the mode 3GPP deployed for mission-critical push-to-talk: one
/// message, no answer. The initiator picks the TGK itself (the SSV), encapsulates it to
/// the responder's identity with SAKKE (RFC 6508) and signs the message with ECCSI
/// (RFC 6507). Whoever holds the KMS master secret can decapsulate it too: the key is
/// escrowed by design, the contrast MIKEY-IBAKE was made for (RFC 6267 §1).
///
/// I_MESSAGE = HDR, T, RAND, [IDRi], [IDRr], {SP}, SAKKE, SIGN (RFC 6509 §2.1).
public enum SAKKEMessage {
    /// What the initiator holds: its ECCSI signing key (SSK, PVT under the KMS's KPAK)
    /// and the KMS's SAKKE public key Z.
    public struct Initiator: Sendable {
        public let uri: String
        public let signingKey: ECCSISigningKey
        public let kmsPublicKey: CurvePoint
        public let parameters: SAKKEParameters

        public init(uri: String, signingKey: ECCSISigningKey, kmsPublicKey: CurvePoint, parameters: SAKKEParameters) {
            self.uri = uri
            self.signingKey = signingKey
            self.kmsPublicKey = kmsPublicKey
            self.parameters = parameters
        }
    }

    /// The initiator's message and the TGK it carries.
    public struct Sent: Sendable {
        public let octets: [UInt8]
        public let tgk: [UInt8]
    }

    /// Builds and signs I_MESSAGE to `responder` (its URI and its identifier for the key
    /// period, RFC 6509 §3.2: "YYYY-MM" 0x00 URI 0x00).
    public static func send(from initiator: Initiator, to responder: String, identifier: [UInt8], csbID: UInt32,
                            timestamp: UInt64, using random: RandomSource) throws(IBAKEFailure) -> Sent {
        let encapsulated: (ssv: [UInt8], data: SAKKEEncapsulatedData)
        do {
            encapsulated = try initiator.parameters.encapsulate(to: identifier, kmsPublicKey: initiator.kmsPublicKey, using: random)
        } catch {
            throw IBAKEFailure(.provisioning, "SAKKE encapsulation to \(responder) failed: \(error)")
        }
        let header = CommonHeader(dataType: .sakke, verificationRequired: false, prf: .mikey1, csbID: csbID,
                                  cryptoSessions: .srtp([SRTPCryptoSession(policyNumber: 0, ssrc: 0, roc: 0)]))
        let message = MIKEYMessage(header: header, payloads: [
            .timestamp(TimestampPayload(.ntpUTC(timestamp))),
            .rand(RANDPayload(random.bytes(16))),
            .idr(IDRPayload(role: .initiator, uri: initiator.uri)),
            .idr(IDRPayload(role: .responder, uri: responder)),
            .sakke(SAKKEPayload(parameterSet: .parameterSet1, idScheme: .telURIWithMonthlyKeys,
                                data: encapsulated.data.octets(parameters: initiator.parameters))),
        ])
        // RFC 3830 §5.2: the signature covers the message up to the signature field, the
        // SIGN payload's type and length included.
        let octets = try MessageSignature.signed(message, type: .eccsi, length: signatureLength) { covered in
            initiator.signingKey.sign(covered, using: random).octets
        }
        return Sent(octets: octets, tgk: encapsulated.ssv)
    }

    /// Checks I_MESSAGE as the responder (RFC 6509 §2.1, §4): the ECCSI signature under
    /// the KMS's KPAK for the initiator's identifier, then the SAKKE decapsulation with
    /// the responder's key; returns the TGK.
    public static func receive(_ octets: [UInt8], initiatorIdentifier: [UInt8], kpak: ECPoint,
                               receiverKey: SAKKEReceiverKey) throws(IBAKEFailure) -> [UInt8] {
        let message: MIKEYMessage
        do {
            message = try MIKEYMessage(decoding: octets)
        } catch {
            throw IBAKEFailure(.parse, "I_MESSAGE does not decode: \(error)")
        }
        guard message.header.dataType == .sakke else {
            throw IBAKEFailure(.messageType, "\(message.header.dataType.name) is not a SAKKE message (26)")
        }
        try MessageSignature.verify(message, type: .eccsi, by: "the initiator") { signature, covered throws(IBAKEFailure) in
            do {
                try ECCSI.verify(try ECCSISignature(octets: signature), of: covered, identifier: initiatorIdentifier, kpak: kpak)
                return true
            } catch {
                throw IBAKEFailure(.signature, "the ECCSI signature does not verify for the initiator's identity: \(error)")
            }
        }
        guard let sakke = message.payloads.lazy.compactMap({ payload -> SAKKEPayload? in
            if case .sakke(let value) = payload { value } else { nil }
        }).first else {
            throw IBAKEFailure(.parse, "I_MESSAGE has no SAKKE payload")
        }
        do {
            let data = try SAKKEEncapsulatedData(octets: sakke.data, parameters: receiverKey.parameters)
            return try receiverKey.decapsulate(data)
        } catch {
            throw IBAKEFailure(.decryption, "SAKKE decapsulation failed: \(error)")
        }
    }

    /// r (32) || s (32) || PVT (65, uncompressed P-256): RFC 6507 §3.3.
    static let signatureLength = 2 * ECCSI.octetCount + 1 + 2 * ECCSI.octetCount
}
