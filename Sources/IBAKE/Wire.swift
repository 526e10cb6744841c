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
    /// a message that does not parse is discarded and the exchange aborted). An Error
    /// message in its place ends the exchange; it is unauthenticated, so what it reports
    /// is advisory (RFC 3830 §5.1.2; PROFILE D18).
    static func decode(_ bytes: [UInt8], expecting type: DataType) throws(IBAKEFailure) -> MIKEYMessage {
        let message: MIKEYMessage
        do {
            message = try MIKEYMessage(decoding: bytes)
        } catch {
            throw IBAKEFailure(.parse, "\(type.name) expected: \(error)")
        }
        if message.header.dataType == .error, type != .error {
            let reported = message.errors.map(\.error.name).joined(separator: ", ")
            throw IBAKEFailure(.messageType, "the peer answered with an Error message (\(reported.isEmpty ? "no ERR payload" : reported)); "
                + "it is unauthenticated, so only advisory, and the exchange stops")
        }
        guard message.header.dataType == type else {
            throw IBAKEFailure(.messageType, "\(type.name) expected, got \(message.header.dataType.inWords)")
        }
        return message
    }

    /// Decodes a later message of an exchange: the expected message (``decode(_:expecting:)``)
    /// with the HDR of the exchange (``checkHeader(_:follows:)``).
    static func decode(_ bytes: [UInt8], expecting type: DataType, following exchange: CommonHeader) throws(IBAKEFailure) -> MIKEYMessage {
        let message = try decode(bytes, expecting: type)
        try checkHeader(message.header, follows: exchange)
        return message
    }

    /// The message's T, NTP-UTC or NTP, the two types RFC 3830 §6.6 makes mandatory
    /// (PROFILE D10); COUNTER and NTP-UTC-32 are refused as an invalid timestamp.
    static func timestamp(_ message: MIKEYMessage) throws(IBAKEFailure) -> Timestamp {
        switch message.timestamp {
        case let stamp? where stamp.type == .ntpUTC || stamp.type == .ntp:
            return stamp
        case let stamp?:
            throw IBAKEFailure(.timestamp, "\(message.header.dataType.name) carries a \(stamp.type.name) timestamp; NTP-UTC or NTP expected (PROFILE D10)")
        case nil:
            throw IBAKEFailure(.parse, "\(message.header.dataType.name) has no T payload")
        }
    }

    /// The 64-bit NTP value of the message's T (PROFILE D10).
    static func ntpTime(_ message: MIKEYMessage) throws(IBAKEFailure) -> UInt64 {
        try timestamp(message).value64
    }

    /// The 64-bit NTP T of a message this library encoded.
    static func ntpTime(ofEncoded bytes: [UInt8]) throws(IBAKEFailure) -> UInt64 {
        do {
            return try ntpTime(MIKEYMessage(decoding: bytes))
        } catch let failure as IBAKEFailure {
            throw failure
        } catch {
            throw IBAKEFailure(.parse, "\(error)")
        }
    }

    /// A response repeats the T of the message it answers, type and value (RFC 6267
    /// §4.2.2.3, §4.2.2.7; RFC 6267 §4.2.1 for REQUEST_KEY_RESP).
    static func checkEcho(_ message: MIKEYMessage, of sent: Timestamp) throws(IBAKEFailure) {
        guard try timestamp(message) == sent else {
            throw IBAKEFailure(.timestamp, "\(message.header.dataType.name) does not repeat the T of the message it answers")
        }
    }

    /// Every message of an exchange after the first copies its HDR except the data type
    /// and the V flag: version, PRF, CSB ID, #CS and the whole CS ID map (PROFILE D17;
    /// RFC 6267 §4.2.2.3, §4.2.2.5, §4.2.2.7). A difference refuses the message.
    static func checkHeader(_ received: CommonHeader, follows exchange: CommonHeader) throws(IBAKEFailure) {
        let name = received.dataType.name
        guard received.csbID == exchange.csbID else {
            throw IBAKEFailure(.session, "\(name) has CSB ID \(Hex.word(received.csbID)), this exchange is \(Hex.word(exchange.csbID))")
        }
        guard received.prf == exchange.prf else {
            throw IBAKEFailure(.session, "\(name) uses \(received.prf.name), this exchange \(exchange.prf.name)", errorNumber: .invalidPRF)
        }
        guard received.cryptoSessions == exchange.cryptoSessions else {
            throw IBAKEFailure(.session, "\(name) announces other crypto sessions (#CS or CS ID map) than this exchange")
        }
    }

    /// The Error message a responder sends when `failure` refused `request` and the
    /// failure is one it answers (PROFILE D18): the request's HDR with data type Error
    /// and V = 0, T from the responder's own clock, one ERR payload. Nil when the request
    /// is discarded silently or its HDR cannot be read.
    static func errorMessage(for failure: IBAKEFailure, answering request: [UInt8], now: UInt64) -> [UInt8]? {
        guard let number = failure.errorNumber, let request = try? MIKEYMessage(decoding: request),
              request.header.verificationRequired else { return nil }
        var header = request.header
        header.dataType = .error
        header.verificationRequired = false
        return try? MIKEYMessage(header: header, payloads: [.timestamp(TimestampPayload(.ntpUTC(now))),
                                                            .error(ErrorPayload(number))]).encode()
    }

    /// Runs a responder's check of `request`; a refusal comes out with the Error message
    /// that answers it attached (PROFILE D18), timed by the responder's `clock`.
    static func answeringRefusals<Result>(of request: [UInt8], clock: ProtocolClock,
                                          _ check: ([UInt8]) throws(IBAKEFailure) -> Result) throws(IBAKEFailure) -> Result {
        do {
            return try check(request)
        } catch {
            var answered = error
            answered.errorMessage = errorMessage(for: error, answering: request, now: clock.now())
            throw answered
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
    /// (ESK left out) followed by `suffix`, the ID data of the parties' identities: IDRi
    /// and IDRr in R_MESSAGE_2, the identities requested and IDRkms in REQUEST_KEY
    /// (PROFILE D8; RFC 6267 §5.4).
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
            throw IBAKEFailure(check, "\(message.header.dataType.name) carries no V payload with \(mac.name)", errorNumber: .invalidMAC)
        }
        let input: [UInt8]
        do {
            input = try VerificationMAC.input(forMessage: bytes) + suffix
        } catch {
            throw IBAKEFailure(.verificationMAC, "cannot form the V MAC input: \(error)")
        }
        guard macMatches(tag(authKey, input, mac), verification.mac) else {
            throw IBAKEFailure(check, "the V MAC does not verify under auth_key: the message was modified or the keys differ")
        }
    }

    /// The MAC of `input` under `key` with `mac`, truncated to its length (V and KEMAC
    /// MACs alike, RFC 3830 §6.2, §6.10); empty for the NULL MAC.
    static func tag(_ key: [UInt8], _ input: [UInt8], _ mac: MACAlgorithm) -> [UInt8] {
        guard let hash = mac.hash else { return [] }
        return Array(HMAC.authenticationCode(for: input, key: key, hash: hash).prefix(mac.macLength))
    }

    /// Whether a received MAC equals the expected one, every octet compared (no early
    /// exit), so the time taken does not tell where they differ.
    static func macMatches(_ expected: [UInt8], _ received: [UInt8]) -> Bool {
        expected.count == received.count && zip(expected, received).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
    }

    static func uint32(_ random: RandomSource) -> UInt32 {
        random.bytes(4).reduce(0) { $0 << 8 | UInt32($1) }
    }
}
