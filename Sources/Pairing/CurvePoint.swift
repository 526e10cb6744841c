/// A point of a ``TypeOneCurve`` E over F_p (y^2 = x^3 + 1 or y^2 = x^3 - 3x), in affine coordinates,
/// or the point at infinity O (the group identity).
public struct CurvePoint: Hashable, Sendable, CustomStringConvertible {
    public let x: BigInt
    public let y: BigInt
    public let isInfinity: Bool

    public init(x: BigInt, y: BigInt) {
        self.x = x
        self.y = y
        isInfinity = false
    }

    private init(infinity: Void) {
        x = .zero
        y = .zero
        isInfinity = true
    }

    public static let infinity = CurvePoint(infinity: ())

    /// "X Y" in lowercase hex (or "infinity"), the form `mikey-ibake lab` prints.
    public var description: String { isInfinity ? "infinity" : "\(x.hex) \(y.hex)" }
}
