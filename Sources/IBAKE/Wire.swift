import MIKEY
import Primitives

/// Encoding, decoding and the common checks every role applies to a message.
enum Wire {
    static func encode(_ message: MIKEYMessage) throws(IBAKEFailure) -> [UInt8] {
        do {
            return try message.encode()
        } catch {
            throw IBAKEFailure(.parse, "cannot encode \(message.header.dataType.name): \(error)")
        }
    }

    /// Decodes `bytes` and checks that it is the expected message (RFC 6267 §4.2.2:
    /// a message that does not parse is discarded and the exchange aborted).
    static func decode(_ bytes: [UInt8], expecting type: DataType) throws(IBAKEFailure) -> MIKEYMessage {
        let message: MIKEYMessage
        do {
            message = try MIKEYMessage(decoding: bytes)
        } catch {
            throw IBAKEFailure(.parse, "\(type.name) expected: \(error)")
        }
        guard message.header.dataType == type else {
            throw IBAKEFailure(.messageType, "\(type.name) expected, got \(message.header.dataType.inWords)")
        }
        return message
    }

    /// The NTP-UTC value of the message's T payload.
    static func ntpTime(_ message: MIKEYMessage) throws(IBAKEFailure) -> UInt64 {
        guard case .ntpUTC(let value)? = message.timestamp else {
            throw IBAKEFailure(.timestamp, "\(message.header.dataType.name) carries no NTP-UTC timestamp (PROFILE D10)")
        }
        return value
    }

    /// The NTP-UTC T of a message this library encoded.
    static func ntpTime(ofEncoded bytes: [UInt8]) throws(IBAKEFailure) -> UInt64 {
        do {
            return try ntpTime(MIKEYMessage(decoding: bytes))
        } catch let failure as IBAKEFailure {
            throw failure
        } catch {
            throw IBAKEFailure(.parse, "\(error)")
        }
    }

    /// The clear IDR payload with `role`; its absence refuses the message.
    static func identity(_ message: MIKEYMessage, _ role: IDRole) throws(IBAKEFailure) -> IDRPayload {
        guard let identity = message.identity(role) else {
            throw IBAKEFailure(.parse, "\(message.header.dataType.name) has no \(role == .initiator ? "IDRi" : role == .responder ? "IDRr" : role.name) payload")
        }
        return identity
    }

    /// The identity's URI text.
    static func uri(_ identity: IDRPayload) throws(IBAKEFailure) -> String {
        guard let text = identity.text, !text.isEmpty else {
            throw IBAKEFailure(.parse, "an identity that is not UTF-8 text")
        }
        return text
    }

    /// The inner identities must repeat the clear IDR payloads (RFC 6539 §3.3: the
    /// identities inside the ciphertext stop reflection attacks).
    static func checkInner(_ inner: IDRPayload?, matches clear: IDRPayload, _ label: String, in message: String) throws(IBAKEFailure) {
        guard let inner else { throw IBAKEFailure(.innerIdentity, "\(message): the IBAKE plaintext has no \(label)") }
        guard inner.data == clear.data, inner.type == clear.type else {
            throw IBAKEFailure(.innerIdentity, "\(message): \(label) inside the IBAKE is \"\(inner.text ?? "?")\", the clear \(label) is \"\(clear.text ?? "?")\"")
        }
    }

    /// A message with V last, its MAC computed over the message up to the MAC field
    /// (ESK left out) followed by `suffix`: the ID data of IDRi and IDRr in R_MESSAGE_2
    /// (PROFILE D8), nothing in REQUEST_KEY (RFC 3830 §6.9).
    static func sealed(_ message: MIKEYMessage, authKey: [UInt8], mac: MACAlgorithm, suffix: [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        var unsigned = message
        unsigned.payloads.append(.verification(.placeholder(mac)))
        let input: [UInt8]
        do {
            input = try VerificationMAC.input(for: unsigned) + suffix
        } catch {
            throw IBAKEFailure(.verificationMAC, "cannot form the V MAC input: \(error)")
        }
        var signed = message
        signed.payloads.append(.verification(VerificationPayload(algorithm: mac, mac: tag(authKey, input, mac))))
        return try encode(signed)
    }

    /// Checks V of a received message against the same input (PROFILE D8).
    static func verify(_ bytes: [UInt8], _ message: MIKEYMessage, authKey: [UInt8], mac: MACAlgorithm,
                       suffix: [UInt8], check: IBAKECheck = .verificationMAC) throws(IBAKEFailure) {
        guard let verification = message.verification, verification.algorithm == mac else {
            throw IBAKEFailure(check, "\(message.header.dataType.name) carries no V payload with \(mac.name)")
        }
        let input: [UInt8]
        do {
            input = try VerificationMAC.input(forMessage: bytes) + suffix
        } catch {
            throw IBAKEFailure(.verificationMAC, "cannot form the V MAC input: \(error)")
        }
        let expected = tag(authKey, input, mac)
        // Compare every octet (no early exit), so the time taken does not tell where they differ.
        guard expected.count == verification.mac.count,
              zip(expected, verification.mac).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw IBAKEFailure(check, "the V MAC does not verify under auth_key: the message was modified or the keys differ")
        }
    }

    private static func tag(_ key: [UInt8], _ input: [UInt8], _ mac: MACAlgorithm) -> [UInt8] {
        guard let hash = mac.hash else { return [] }
        return Array(HMAC.authenticationCode(for: input, key: key, hash: hash).prefix(mac.macLength))
    }

    static func uint32(_ random: RandomSource) -> UInt32 {
        random.bytes(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
