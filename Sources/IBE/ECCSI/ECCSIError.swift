import Primitives

/// Why an ECCSI operation (RFC 6507) refused its input. The description names what was
/// wrong, where, and what was expected.
public enum ECCSIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A scalar (KSAK, v, SSK, j) outside [1, q-1] or of the wrong length.
    case outOfRange(String)
    /// A point that failed to decode or an EC operation that failed (from Primitives).
    case point(what: String, PrimitivesError)
    /// An SSK that fails the validation of RFC 6507 §5.1.2: it must not be installed.
    case invalidSigningKey(String)
    /// A signature of the wrong length or form (RFC 6507 §3.3).
    case malformedSignature(String)
    /// A signature that fails verification (RFC 6507 §5.2.2); the reason names the step.
    case invalidSignature(String)
    /// Signing hit HE + r·SSK ≡ 0 (mod q) (RFC 6507 §5.2.1 step 4): sign again with another j.
    case unusableEphemeral

    public var description: String {
        switch self {
        case .outOfRange(let reason): reason
        case .point(let what, let error): "\(what): \(error)"
        case .invalidSigningKey(let reason): "ECCSI SSK refused (RFC 6507 §5.1.2): \(reason)"
        case .malformedSignature(let reason): "ECCSI signature: \(reason)"
        case .invalidSignature(let reason): "ECCSI signature does not verify (RFC 6507 §5.2.2): \(reason)"
        case .unusableEphemeral: "ECCSI signing: HE + r·SSK ≡ 0 (mod q) for this j (RFC 6507 §5.2.1 step 4); choose another j"
        }
    }
}
