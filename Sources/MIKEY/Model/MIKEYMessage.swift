/// A MIKEY message: the common header, then the payloads in wire order (RFC 3830 §5, §6).
///
/// The next-payload fields are not stored; ``encode()`` derives them from the order and
/// ``init(decoding:)`` checks them. Which payloads a data type needs (RFC 6267 §4.2) is
/// the IBAKE layer's business: this type holds any well-formed message.
public struct MIKEYMessage: Hashable, Sendable {
    /// The common header.
    public var header: CommonHeader
    /// The payloads after the header, in wire order; a SIGN must be last.
    public var payloads: [Payload]

    /// A message of `header` and `payloads`.
    public init(header: CommonHeader, payloads: [Payload]) {
        self.header = header
        self.payloads = payloads
    }

    /// The first T payload's timestamp.
    public var timestamp: Timestamp? {
        payloads.lazy.compactMap { if case .timestamp(let t) = $0 { t.timestamp } else { nil } }.first
    }

    /// The first RAND payload's value.
    public var rand: [UInt8]? {
        payloads.lazy.compactMap { if case .rand(let r) = $0 { r.value } else { nil } }.first
    }

    /// The IDR payloads with `role`, in order (REQUEST_KEY may carry several IDRi/r).
    public func identities(_ role: IDRole) -> [IDRPayload] {
        payloads.compactMap { if case .idr(let idr) = $0, idr.role == role { idr } else { nil } }
    }

    /// The first IDR payload with `role`.
    public func identity(_ role: IDRole) -> IDRPayload? { identities(role).first }

    /// The ERR payloads of an Error message, in order.
    public var errors: [ErrorPayload] {
        payloads.compactMap { if case .error(let e) = $0 { e } else { nil } }
    }

    /// The IBAKE payload, if any.
    public var ibake: EncryptedDataPayload? {
        payloads.lazy.compactMap { if case .ibake(let p) = $0 { p } else { nil } }.first
    }

    /// The ESK payload, if any.
    public var esk: EncryptedDataPayload? {
        payloads.lazy.compactMap { if case .esk(let p) = $0 { p } else { nil } }.first
    }

    /// The KEMAC payload, if any.
    public var kemac: KEMACPayload? {
        payloads.lazy.compactMap { if case .kemac(let p) = $0 { p } else { nil } }.first
    }

    /// The V payload, if any.
    public var verification: VerificationPayload? {
        payloads.lazy.compactMap { if case .verification(let p) = $0 { p } else { nil } }.first
    }

    /// The SP payloads, in order.
    public var securityPolicies: [SecurityPolicyPayload] {
        payloads.compactMap { if case .securityPolicy(let p) = $0 { p } else { nil } }
    }
}
