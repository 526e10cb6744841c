import TUI

/// Where the demo's parts go for a screen size; shared by the view and by click
/// handling so both agree on pane positions.
struct DemoLayout {
    static let minimum = TooSmallScreen.defaultMinimum

    let size: Size
    let headline: Rect?
    let panes: [Rect]
    let status: Rect

    init(size: Size) {
        self.size = size
        let screen = Rect(size: size)
        // A block-font headline only when there is room to spare (120x40 and up).
        let showHeadline = size.height >= 32
        let rows = screen.rows([.fixed(showHeadline ? 7 : 0), .rest, .fixed(1)])
        headline = showHeadline ? rows[0].inset(top: 1, left: 0, bottom: 1, right: 0) : nil
        panes = rows[1].columns(count: 3)
        status = rows[2]
    }

    var isTooSmall: Bool { !size.fits(Self.minimum) }

    /// The pane under a click, if any.
    func pane(atX x: Int, y: Int) -> DemoState.Pane? {
        guard !isTooSmall else { return nil }
        return panes.firstIndex { $0.contains(x: x, y: y) }.flatMap(DemoState.Pane.init(rawValue:))
    }
}
