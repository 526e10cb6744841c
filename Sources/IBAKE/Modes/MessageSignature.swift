import MIKEY

/// A SIGN payload over a MIKEY message (RFC 3830 §5.2, §6.5): the signature covers the
/// message up to the signature field, the SIGN payload's own type and length octets
/// included. The signature's length must be known before it exists: RSA's is the
/// modulus length, ECCSI's 129 octets (RFC 6507 §3.3).
enum MessageSignature {
    /// `message` with a SIGN payload of `type` appended, `sign` computing the signature
    /// over the octets it covers; the whole message encoded.
    static func signed(_ message: MIKEYMessage, type: SignatureType, length: Int,
                       sign: ([UInt8]) throws(IBAKEFailure) -> [UInt8]) throws(IBAKEFailure) -> [UInt8] {
        let covered = try signedPart(of: message, type: type, length: length)
        let signature = try sign(covered)
        guard signature.count == length else {
            throw IBAKEFailure(.signature, "a \(type.name) signature of \(signature.count) octets; \(length) expected")
        }
        var signed = message
        signed.payloads.append(.sign(SignaturePayload(type: type, signature: signature)))
        return try Wire.encode(signed)
    }

    /// Checks that `message` ends with a SIGN payload of `type` and that `verify` accepts
    /// its signature over the octets it covers.
    static func verify(_ message: MIKEYMessage, type: SignatureType, by signer: String,
                       verify: (_ signature: [UInt8], _ covered: [UInt8]) throws(IBAKEFailure) -> Bool) throws(IBAKEFailure) {
        let name = message.header.dataType.name
        guard case .sign(let sign)? = message.payloads.last, sign.type == type else {
            throw IBAKEFailure(.parse, "\(name) does not end with a \(type.name) SIGN payload")
        }
        var unsigned = message
        unsigned.payloads.removeLast()
        let covered = try signedPart(of: unsigned, type: type, length: sign.signature.count)
        guard try verify(sign.signature, covered) else {
            throw IBAKEFailure(.signature, "\(name)'s \(type.name) signature does not verify under \(signer)'s key")
        }
    }

    /// The octets a SIGN of `type` and `length` covers when appended to `message`.
    private static func signedPart(of message: MIKEYMessage, type: SignatureType, length: Int) throws(IBAKEFailure) -> [UInt8] {
        var placeholder = message
        placeholder.payloads.append(.sign(SignaturePayload(type: type, signature: Array(repeating: 0, count: length))))
        return Array(try Wire.encode(placeholder).dropLast(length))
    }
}
