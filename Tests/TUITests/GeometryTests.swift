import Testing
import TUI

@Suite("Rect and Size")
struct GeometryTests {
    @Test("negative sizes clamp to zero")
    func clamping() {
        #expect(Size(width: -3, height: 5) == Size(width: 0, height: 5))
        #expect(Rect(x: 2, y: 2, width: -1, height: -1).isEmpty)
    }

    @Test("insets shrink each side and never turn a rectangle inside out")
    func insets() {
        let r = Rect(x: 10, y: 5, width: 20, height: 8)
        #expect(r.inset(by: 1) == Rect(x: 11, y: 6, width: 18, height: 6))
        #expect(r.inset(top: 1, left: 2, bottom: 3, right: 4) == Rect(x: 12, y: 6, width: 14, height: 4))
        #expect(r.inset(horizontal: 3, vertical: 0) == Rect(x: 13, y: 5, width: 14, height: 8))
        let collapsed = r.inset(by: 50)
        #expect(collapsed.isEmpty)
        #expect(collapsed.x <= r.maxX && collapsed.y <= r.maxY)
    }

    @Test("centring puts the odd cell below and to the right, and clamps to the parent")
    func centring() {
        let r = Rect(x: 0, y: 0, width: 11, height: 5)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 3, y: 1, width: 4, height: 2))
        #expect(r.centered(width: 40, height: 40) == r)
        #expect(Rect(x: 5, y: 5, width: 10, height: 10).centered(width: 2, height: 2) == Rect(x: 9, y: 9, width: 2, height: 2))
    }

    @Test("intersection of overlapping, touching and disjoint rectangles")
    func intersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersection(Rect(x: 5, y: 7, width: 10, height: 10)) == Rect(x: 5, y: 7, width: 5, height: 3))
        #expect(a.intersection(Rect(x: 10, y: 0, width: 5, height: 5)).isEmpty)
        #expect(a.intersection(Rect(x: -5, y: -5, width: 3, height: 3)).isEmpty)
    }

    @Test("contains is half-open")
    func contains() {
        let r = Rect(x: 2, y: 3, width: 4, height: 2)
        #expect(r.contains(x: 2, y: 3))
        #expect(r.contains(x: 5, y: 4))
        #expect(!r.contains(x: 6, y: 4))
        #expect(!r.contains(x: 5, y: 5))
    }

    @Test("top and bottom slices clamp")
    func slices() {
        let r = Rect(x: 0, y: 10, width: 5, height: 4)
        #expect(r.top(1) == Rect(x: 0, y: 10, width: 5, height: 1))
        #expect(r.bottom(1) == Rect(x: 0, y: 13, width: 5, height: 1))
        #expect(r.bottom(9) == r)
    }
}
