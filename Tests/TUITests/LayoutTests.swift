import Testing
import TUI

@Suite("Layout: columns and rows")
struct LayoutTests {
    @Test("equal columns cover the width exactly, odd cells to the first", arguments: [80, 81, 82, 120, 3, 1, 0])
    func equalColumns(width: Int) {
        let columns = Rect(x: 0, y: 0, width: width, height: 5).columns(count: 3)
        #expect(columns.map(\.width).reduce(0, +) == width)
        #expect(columns.map(\.width).max()! - columns.map(\.width).min()! <= 1)
        #expect(columns[0].width >= columns[2].width)
        // Adjacent and in order.
        #expect(columns[1].x == columns[0].maxX)
        #expect(columns[2].x == columns[1].maxX)
    }

    @Test("fixed, ratio and fill resolve in that order")
    func mixed() {
        let rows = Rect(x: 0, y: 2, width: 10, height: 40).rows([.fixed(3), .ratio(1, 2), .rest, .fixed(1)])
        #expect(rows.map(\.height) == [3, 20, 16, 1])
        #expect(rows.map(\.y) == [2, 5, 25, 41])
        #expect(rows.allSatisfy { $0.width == 10 && $0.x == 0 })
    }

    @Test("fill weights share the rest proportionally")
    func weights() {
        let cols = Rect(x: 0, y: 0, width: 100, height: 1).columns([.fill(1), .fill(3)])
        #expect(cols.map(\.width) == [25, 75])
    }

    @Test("spacing is left between slots and taken before ratios")
    func spacing() {
        let cols = Rect(x: 0, y: 0, width: 32, height: 1).columns([.ratio(1, 2), .ratio(1, 2)], spacing: 2)
        #expect(cols.map(\.width) == [15, 15])
        #expect(cols[1].x == 17)
    }

    @Test("fixed sizes larger than the space are cut, later slots get nothing")
    func overflow() {
        let cols = Rect(x: 0, y: 0, width: 10, height: 1).columns([.fixed(8), .fixed(8), .rest])
        #expect(cols.map(\.width) == [8, 2, 0])
        #expect(cols.map(\.maxX).max() == 10)
    }

    @Test("an empty constraint list gives no slots")
    func empty() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 10).rows([]).isEmpty)
    }
}
