import Pairing

/// Why a SAKKE operation (RFC 6508) refused its input. The description names what was
/// wrong, where, and what was expected, so it can be shown to a user as it is.
public enum SAKKEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Parameters that are not an RFC 6508 set (the message says which check failed).
    case invalidParameters(String)
    /// A master secret, identifier or SSV outside the range the RFC allows.
    case outOfRange(String)
    /// A point that is not on the curve, not of order q, or the point at infinity.
    case curve(what: String, CurveError)
    /// Encapsulated Data of the wrong length or form (RFC 6508 §4).
    case malformedEncapsulatedData(String)
    /// A Receiver Secret Key that fails the check of RFC 6508 §6.1.2.
    case invalidReceiverKey(String)
    /// Decapsulation refused: [r]([b]P + Z) is not R_(b,S) (RFC 6508 §6.2.2 step 5), so
    /// the SSV must not be used. Says no more: decapsulation must not become an oracle.
    case decapsulationFailed

    public var description: String {
        switch self {
        case .invalidParameters(let reason): "invalid SAKKE parameters: \(reason)"
        case .outOfRange(let reason): reason
        case .curve(let what, let error): "\(what): \(error)"
        case .malformedEncapsulatedData(let reason): "SAKKE Encapsulated Data: \(reason)"
        case .invalidReceiverKey(let reason): "SAKKE Receiver Secret Key: \(reason)"
        case .decapsulationFailed:
            "SAKKE decapsulation failed: [r]([b]P + Z) differs from R_(b,S) (RFC 6508 §6.2.2 step 5); the SSV is discarded"
        }
    }
}
