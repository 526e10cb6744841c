/// What went wrong in a primitive, where, and what was expected.
///
/// The description reads as one line for a person, for example
/// `P-256 point: 65 octets expected for an uncompressed point, got 64`.
/// Tests and callers that react to the failure compare ``kind``.
public struct PrimitivesError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The class of failure, stable for code to switch on.
    public enum Kind: Equatable, Sendable {
        /// An input has the wrong number of octets.
        case wrongLength
        /// An encoding starts with a prefix or holds a value the format does not allow.
        case invalidEncoding
        /// A point's coordinates do not satisfy the curve equation.
        case notOnCurve
        /// The result or the input is the point at infinity, which no API here represents.
        case pointAtInfinity
        /// Two points that must share a curve do not.
        case mismatchedCurves
        /// A number lies outside the range the algorithm allows (a Diffie-Hellman public value
        /// not in 2 … p-2, a key size the lab does not support).
        case outOfRange
        /// OpenSSL refused an operation for a reason of its own (usually memory exhaustion).
        case openSSL
    }

    /// The class of failure.
    public let kind: Kind
    /// What was being processed, for example `P-256 point` or `AES-CM key`.
    public let subject: String
    /// What is wrong and, where it helps, what was expected.
    public let detail: String

    /// Creates an error about `subject`.
    public init(_ kind: Kind, _ subject: String, _ detail: String) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    /// `subject: detail`, for example `P-256 point: not on the curve`.
    public var description: String { "\(subject): \(detail)" }
}
