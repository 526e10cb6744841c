/// How much of a row or column one slot of a split takes.
///
/// Slots are resolved in three passes so the result never exceeds the space:
/// `fixed` first, then `ratio` (rounded down), then `fill` shares what is left by
/// weight. Use at least one `fill` when the slots must cover the whole space.
public enum Constraint: Hashable, Sendable {
    /// Exactly this many cells (fewer when the space runs out).
    case fixed(Int)
    /// `numerator / denominator` of the space available after spacing, rounded down.
    case ratio(Int, Int)
    /// A share of whatever `fixed` and `ratio` left, proportional to the weight.
    case fill(Int)

    /// One equal share of the rest.
    public static let rest = Constraint.fill(1)
}

extension Rect {
    /// Splits into side-by-side columns (a "horizontal" split), left to right.
    public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.sizes(for: constraints, in: width, spacing: spacing).map { offset, length in
            Rect(x: x + offset, y: y, width: length, height: height)
        }
    }

    /// Splits into stacked rows (a "vertical" split), top to bottom.
    public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.sizes(for: constraints, in: height, spacing: spacing).map { offset, length in
            Rect(x: x, y: y + offset, width: width, height: length)
        }
    }

    /// `count` columns of equal width (the first ones get the odd cells).
    public func columns(count: Int, spacing: Int = 0) -> [Rect] {
        columns(Array(repeating: .rest, count: max(0, count)), spacing: spacing)
    }

    /// `count` rows of equal height (the first ones get the odd cells).
    public func rows(count: Int, spacing: Int = 0) -> [Rect] {
        rows(Array(repeating: .rest, count: max(0, count)), spacing: spacing)
    }
}

/// The one-dimensional solver behind `columns` and `rows`.
enum Layout {
    /// (offset, length) of each slot along an axis of `total` cells.
    static func sizes(for constraints: [Constraint], in total: Int, spacing: Int) -> [(Int, Int)] {
        guard !constraints.isEmpty else { return [] }
        let gap = max(0, spacing)
        var remaining = max(0, total - gap * (constraints.count - 1))
        let available = remaining
        var lengths = Array(repeating: 0, count: constraints.count)

        for (i, c) in constraints.enumerated() {
            if case .fixed(let n) = c {
                lengths[i] = min(max(0, n), remaining)
                remaining -= lengths[i]
            }
        }
        for (i, c) in constraints.enumerated() {
            if case .ratio(let num, let den) = c, den > 0 {
                lengths[i] = min(max(0, available * num / den), remaining)
                remaining -= lengths[i]
            }
        }
        let weights = constraints.map { c -> Int in
            if case .fill(let w) = c { return max(0, w) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0
            for i in weights.indices where weights[i] > 0 {
                lengths[i] = remaining * weights[i] / totalWeight
                given += lengths[i]
            }
            // Hand out the cells lost to rounding one at a time, first slots first.
            var leftover = remaining - given
            for i in weights.indices where weights[i] > 0 && leftover > 0 {
                lengths[i] += 1
                leftover -= 1
            }
        }

        var offset = 0
        return lengths.map { length in
            defer { offset += length + gap }
            return (offset, length)
        }
    }
}
