/// The screen shown instead of a layout when the terminal is below the minimum:
/// `terminal too small: 50x10, need 80x24`, centred. On smaller windows it drops
/// words step by step rather than cutting the sentence, down to `!` at 1x1.
public enum TooSmallScreen {
    /// The renderer's minimum for the demonstrator (the README promises a compact layout at 80x24).
    public static let defaultMinimum = Size(width: 80, height: 24)

    /// A canvas of `size` with the notice centred in `theme.warning`.
    public static func render(size: Size, minimum: Size = defaultMinimum, theme: Theme) -> Canvas {
        var canvas = Canvas(size: size)
        let lines = message(for: size, minimum: minimum)
        let widest = lines.map(\.count).max() ?? 0
        let area = canvas.bounds.centered(width: widest, height: lines.count)
        for (i, line) in lines.enumerated() {
            // Each line is centred on its own, inside the block.
            let x = area.x + (widest - line.count) / 2
            canvas.put(line, x: x, y: area.y + i, style: theme.warning)
        }
        return canvas
    }

    /// The lines to show: the first candidate that fits `size` both ways.
    public static func message(for size: Size, minimum: Size = defaultMinimum) -> [String] {
        let have = size.description, need = minimum.description
        let candidates: [[String]] = [
            ["terminal too small: \(have), need \(need)"],
            ["terminal too small:", "\(have), need \(need)"],
            ["terminal too small:", have, "need \(need)"],
            ["too small: \(have)", "need \(need)"],
            ["too small", "need \(need)"],
            ["\(have)<\(need)"],
            ["need \(need)"],
            [need],
            ["small"],
            ["!"],
        ]
        for lines in candidates where lines.count <= size.height && lines.allSatisfy({ $0.count <= size.width }) {
            return lines
        }
        return []
    }
}
