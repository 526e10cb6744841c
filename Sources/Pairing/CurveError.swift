/// Why a curve, a point or a pairing input was refused. The description names what
/// was wrong and what was expected, so it can be shown to a user as it is.
public enum CurveError: Error, Equatable, Sendable, CustomStringConvertible {
    /// p and q do not describe a type-1 curve with a subgroup of prime order q.
    case invalidParameters(String)
    /// A coordinate is negative or not below p.
    case coordinateOutOfRange(CurvePoint)
    /// The point does not satisfy the curve equation (mod p), which `equation` spells.
    case notOnCurve(CurvePoint, equation: String)
    /// The point is on the curve but [q]P is not the point at infinity.
    case notInSubgroup(CurvePoint)
    /// The point at infinity where a finite point is required.
    case pointAtInfinity

    public var description: String {
        switch self {
        case .invalidParameters(let reason):
            return "invalid curve parameters: \(reason)"
        case .coordinateOutOfRange(let point):
            return "point (\(point.x.hex), \(point.y.hex)): coordinates must be in [0, p)"
        case .notOnCurve(let point, let equation):
            return "point (\(point.x.hex), \(point.y.hex)) is not on \(equation) (mod p)"
        case .notInSubgroup(let point):
            return "point (\(point.x.hex), \(point.y.hex)) is on the curve but not of order q ([q]P is not infinity)"
        case .pointAtInfinity:
            return "the point at infinity is not allowed here"
        }
    }
}
