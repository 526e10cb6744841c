/// A maximal stretch of cells on one row that share a style: the unit a backend
/// draws with one attribute change and one string write.
public struct StyleRun: Hashable, Sendable, CustomStringConvertible {
    /// Grid row.
    public var y: Int
    /// Grid column of the first cell.
    public var x: Int
    /// The characters of the run: one per cell, a double-width one per two cells.
    public var text: String
    public var style: Style

    public init(y: Int, x: Int, text: String, style: Style) {
        self.y = y
        self.x = x
        self.text = text
        self.style = style
    }

    /// `y,x+len style "text"`: readable in test failures and style snapshots.
    public var description: String { "\(y),\(x)+\(TextWidth.columns(text)) \(style) \"\(text)\"" }
}

extension Canvas {
    /// The grid as text, one line per row, trailing spaces removed: what golden
    /// snapshot files hold and what plain mode prints.
    public func plainText() -> String {
        (0..<height).map { y in
            var line = String(row(y).lazy.filter { !$0.isContinuation }.map(\.character))
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Every row split into runs of equal style, top to bottom, left to right.
    /// Together the runs cover every cell exactly once.
    public func styleRuns() -> [StyleRun] {
        var runs: [StyleRun] = []
        for y in 0..<height {
            var current: StyleRun?
            for (offset, cell) in row(y).enumerated() where !cell.isContinuation {
                if current?.style == cell.style {
                    current?.text.append(cell.character)
                } else {
                    if let finished = current { runs.append(finished) }
                    current = StyleRun(y: y, x: offset, text: String(cell.character), style: cell.style)
                }
            }
            if let finished = current { runs.append(finished) }
        }
        return runs
    }

    /// The style runs other than plain spaces, one per line: a compact record of
    /// where styles fall, for style snapshots.
    public func styleSummary() -> String {
        styleRuns()
            .filter { !($0.style == .plain) }
            .map(\.description)
            .joined(separator: "\n")
    }
}
