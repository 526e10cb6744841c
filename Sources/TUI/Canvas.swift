/// A width x height grid of cells: everything the UI shows is rendered into one of
/// these, and a backend only copies it out. Pure value type, so a screen is a value
/// that tests compare, snapshot and diff.
///
/// Drawing goes through a *region*: a rectangle with its own coordinates (0, 0 is
/// its top-left cell) that clips everything drawn inside it. A fresh canvas's
/// region is the whole grid; `withRegion(_:_:)` narrows it for a pane, then restores.
public struct Canvas: Sendable {
    /// The size of the whole grid.
    public let size: Size
    private var cells: [Cell]
    /// Where the current region's (0, 0) lies in grid coordinates.
    private var origin: (x: Int, y: Int) = (0, 0)
    /// The current region's extent, in its own coordinates.
    private var regionSize: Size
    /// The cells writes may touch, in grid coordinates: the region cut by every enclosing region.
    private var clip: Rect
    /// Whether a double-width character was ever written: until then no cell is a
    /// continuation and writes need not look at their neighbours.
    private var holdsWide = false

    /// A canvas filled with `fill` (blank by default).
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        cells = Array(repeating: fill, count: size.width * size.height)
        regionSize = size
        clip = Rect(size: size)
    }

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.init(size: Size(width: width, height: height), fill: fill)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }

    /// The current region in its own coordinates: `(0, 0, w, h)`. Lay out from this.
    public var bounds: Rect { Rect(size: regionSize) }

    /// The cell at grid coordinates (ignoring regions), or nil outside the grid.
    /// For backends and tests; drawing code uses the region-relative methods.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return cells[y * size.width + x]
    }

    /// One row of the grid, left to right (empty outside the grid).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// Writes one cell at region coordinates; silently clipped. `character` is
    /// passed through `TextFit.cellCharacter`, so one cell holds one column (a
    /// double-width character becomes `?` here; `put` gives it two cells).
    public mutating func set(x: Int, y: Int, _ character: Character, style: Style) {
        let gx = origin.x + x, gy = origin.y + y
        guard clip.contains(x: gx, y: gy) else { return }
        store(Cell(TextFit.cellCharacter(character), style: style), at: gy * size.width + gx)
    }

    /// Writes a double-width character into two cells at region coordinates: both
    /// inside the clip, or neither (a half inside becomes a space), so nothing is
    /// drawn past a region's edge.
    mutating func setWide(x: Int, y: Int, _ character: Character, style: Style) {
        let gx = origin.x + x, gy = origin.y + y
        let left = clip.contains(x: gx, y: gy), right = clip.contains(x: gx + 1, y: gy)
        guard left && right else {
            if left { store(Cell(" ", style: style), at: gy * size.width + gx) }
            if right { store(Cell(" ", style: style), at: gy * size.width + gx + 1) }
            return
        }
        let index = gy * size.width + gx
        guard !TextFit.isUnsafe(character) else {
            store(Cell("?", style: style), at: index)
            store(Cell("?", style: style), at: index + 1)
            return
        }
        holdsWide = true
        store(Cell(character, style: style), at: index)
        store(.continuation(style: style), at: index + 1)
    }

    /// Puts `cell` at grid index `index`. A double-width character whose other
    /// half this overwrites loses that half too (it becomes a space), so every
    /// row keeps its width on the terminal.
    private mutating func store(_ cell: Cell, at index: Int) {
        guard holdsWide else {
            cells[index] = cell
            return
        }
        let x = index % size.width
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Changes only the style of one cell at region coordinates; clipped.
    public mutating func restyle(x: Int, y: Int, _ change: (inout Style) -> Void) {
        let gx = origin.x + x, gy = origin.y + y
        guard clip.contains(x: gx, y: gy) else { return }
        change(&cells[gy * size.width + gx].style)
    }

    /// Runs `body` with `rect` (in current region coordinates) as the region: inside,
    /// (0, 0) is `rect`'s top-left cell, `bounds` is `rect`'s size and nothing is
    /// drawn outside `rect` or outside any enclosing region. Restored afterwards.
    @discardableResult
    public mutating func withRegion<Result>(
        _ rect: Rect, _ body: (inout Canvas) throws -> Result
    ) rethrows -> Result {
        let saved = (origin, regionSize, clip)
        defer { (origin, regionSize, clip) = saved }
        let absolute = rect.offsetBy(dx: origin.x, dy: origin.y)
        origin = (absolute.x, absolute.y)
        regionSize = rect.size
        clip = clip.intersection(absolute)
        return try body(&self)
    }
}

extension Canvas: Equatable {
    /// Two canvases are equal when they show the same cells; the drawing region is
    /// transient state and does not count.
    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells
    }
}
