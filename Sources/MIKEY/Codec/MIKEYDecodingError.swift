/// Why a decoder refused its input (PROFILE D16): which payload, where, and what was
/// expected. The description reads as one line, for example
/// `IDR payload at offset 37: ID len 300 overruns the message (12 octets remain)`.
public struct MIKEYDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The class of fault, stable for code and tests to switch on.
    public enum Kind: Hashable, Sendable {
        /// The input ends inside a fixed-size field or before a payload.
        case truncated
        /// A length field counts more octets than remain.
        case lengthOverrun
        /// A next-payload value that is not a registered payload type.
        case unknownPayloadType
        /// A registered payload type where it may not appear: a sub-payload in the clear,
        /// a clear payload inside encrypted data, a payload after SIGN.
        case misplacedPayload
        /// A registered payload type this decoder has no layout for (TP, TICKET).
        case unsupportedPayload
        /// Octets left after the last payload.
        case trailingBytes
        /// An HDR version other than 1.
        case wrongVersion
        /// A field value outside its registry, or inconsistent with another field.
        case invalidValue
        /// An ECCPT point that is not a valid SEC1 encoding of a finite point on its curve.
        case invalidPoint
        /// An ECCPT on a registered curve this profile does not support (PROFILE D5).
        case unsupportedCurve
        /// A payload the operation needs is absent (for example V, for the MAC input).
        case missingPayload
    }

    /// The class of fault.
    public let kind: Kind
    /// The payload's type, or `nil` for the common header.
    public let payloadType: PayloadType?
    /// Whether the payload is a sub-payload inside decrypted data.
    public let isSubPayload: Bool
    /// Offset of the first octet of the payload at fault.
    public let offset: Int
    /// Offset of the octet where the fault is (a field inside the payload, or the end of input).
    public let fieldOffset: Int
    /// What is wrong and what was expected.
    public let detail: String

    /// An error about the payload of type `payloadType` (`nil`: HDR) starting at `offset`.
    public init(_ kind: Kind, payloadType: PayloadType?, isSubPayload: Bool = false,
                offset: Int, fieldOffset: Int, _ detail: String) {
        self.kind = kind
        self.payloadType = payloadType
        self.isSubPayload = isSubPayload
        self.offset = offset
        self.fieldOffset = fieldOffset
        self.detail = detail
    }

    /// `HDR payload`, `IDR payload`, `ECCPT sub-payload`.
    public var payloadName: String {
        (payloadType?.name ?? "HDR") + (isSubPayload ? " sub-payload" : " payload")
    }

    public var description: String { "\(payloadName) at offset \(offset): \(detail)" }
}

/// Why a value could not be encoded: a field too long for its length field, a MAC of the
/// wrong length for its algorithm, a SIGN that is not last. For example
/// `RAND payload: RAND of 300 octets does not fit its 8-bit RAND len field (at most 255)`.
public struct MIKEYEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The payload being encoded, for example `RAND payload` or `message`.
    public let subject: String
    /// What is wrong and what is allowed.
    public let detail: String

    /// An error about `subject`.
    public init(_ subject: String, _ detail: String) {
        self.subject = subject
        self.detail = detail
    }

    public var description: String { "\(subject): \(detail)" }
}
