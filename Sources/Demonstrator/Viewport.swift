import Scenarios
import TUI

/// Scrolling a list into a window of rows.
enum Viewport {
    /// What a scrolled list hides, as its frame's edge says it: `["+3 above", "+5 more"]`,
    /// in the list's own words (`earlier`/`later` on the wire); empty when all shows.
    static func hidden(before: Int, after: Int, beforeWord: String = "above", afterWord: String = "more") -> [String] {
        (before > 0 ? ["+\(before) \(beforeWord)"] : []) + (after > 0 ? ["+\(after) \(afterWord)"] : [])
    }

    /// The first of `count` items to show in `visible` rows so that `keep` stays on
    /// screen: 0 when everything fits, else the smallest start that shows `keep`
    /// whole (or its beginning, when it is longer than the window).
    static func start(count: Int, visible: Int, keep: ClosedRange<Int>?) -> Int {
        guard visible > 0, count > visible else { return 0 }
        let last = count - visible
        guard let keep else { return 0 }
        if keep.count > visible { return min(keep.lowerBound, last) }
        return min(max(0, keep.upperBound - visible + 1), last)
    }
}

/// A pane's selection state as its view and keys see it: the line chosen in it,
/// whether it has focus, and what a tutorial section points at in it.
struct PaneFocus: Equatable {
    /// The line chosen with Up/Down or a click since the last step (`PanesState`).
    var chosen: Int?
    var focused: Bool
    /// The value names the current tutorial section points at (`focus` directives) in this pane.
    var pointedAt: [String] = []

    /// The line that Up/Down, `v` and the highlight act on: the one chosen, else the
    /// value a tutorial section points at, else the first line that became new at
    /// this step, else the first line that can be selected.
    func selectedLine(in lines: [PaneLine]) -> Int? {
        if let chosen, lines.indices.contains(chosen), lines[chosen].isSelectable { return chosen }
        return highlightedLines(in: lines).first
            ?? lines.firstIndex { $0.isNewsworthy && $0.isSelectable } ?? lines.firstIndex(where: \.isSelectable)
    }

    /// The lines showing the values a tutorial section points at.
    func highlightedLines(in lines: [PaneLine]) -> [Int] {
        guard !pointedAt.isEmpty else { return [] }
        return lines.indices.filter { index in PaneView.name(lines[index]).map(pointedAt.contains) ?? false }
    }

    /// The lines to keep on screen: the selection when the pane has focus or one was
    /// chosen, else every line that is new at this step and what a tutorial points
    /// at, else what the party cannot compute (the point of an eavesdropper's pane).
    /// Public and header values do not count as new here (`isNewsworthy`).
    func keptLines(in lines: [PaneLine]) -> ClosedRange<Int>? {
        if focused || chosen != nil {
            return selectedLine(in: lines).map { $0...$0 }
        }
        var kept = lines.indices.filter { lines[$0].isNewsworthy } + highlightedLines(in: lines)
        if kept.isEmpty {
            kept = lines.indices.filter {
                if case .cannot = lines[$0].kind { return true }
                return false
            }
        }
        guard let first = kept.min(), let last = kept.max() else { return nil }
        return first...last
    }
}

extension AppState {
    /// The selection state of a party's pane.
    func paneFocus(_ party: PartyID) -> PaneFocus {
        let pointed = tutorial?.current.focus.filter { $0.party == party }.map(\.value.rawValue) ?? []
        return PaneFocus(chosen: panes.selection[party], focused: focus == .party(party), pointedAt: pointed)
    }
}

/// What one pane shows in its rectangle: its lines (minor ones dropped when they do
/// not fit), rows per line, and the window scrolled to keep the selection or the
/// new values on screen. Drawing and clicks both read it, so a click selects the
/// line drawn under it.
struct PaneViewport {
    let lines: [PaneLine]
    let rowsPerLine: Int
    /// Lines shown at once.
    let visible: Int
    /// The first line shown.
    let start: Int
    let focus: PaneFocus

    init(lines full: [PaneLine], isRecording: Bool, rect: Rect, rowsPerLine: Int, focus: PaneFocus) {
        let visible = max(0, rect.height - 2) / rowsPerLine
        lines = PaneContent.fitted(full, rows: visible, isRecording: isRecording)
        self.rowsPerLine = rowsPerLine
        self.visible = visible
        self.focus = focus
        start = Viewport.start(count: lines.count, visible: visible, keep: focus.keptLines(in: lines))
    }

    /// The selected line (whether or not the pane has focus).
    var selected: Int? { focus.selectedLine(in: lines) }

    /// The selectable line drawn on `row` (0 = the first row inside the frame), if any.
    func line(atRow row: Int) -> Int? {
        let index = start + row / rowsPerLine
        return lines.indices.contains(index) && lines[index].isSelectable ? index : nil
    }
}

/// The screen for a state at a size: the layout (kept in the state's `LayoutMemo`
/// while the size and arrangement stay) and what each party's pane shows. `AppView`
/// draws from it and `update` maps keys and clicks with it.
struct Screen {
    let layout: ScreenLayout
    /// The visible parties, left to right.
    let parties: [Party]
    let panes: [PartyID: PaneViewport]
}

extension AppState {
    /// The lines of each visible party's pane, before a small pane drops minor ones.
    func paneLines() -> [(party: Party, lines: [PaneLine])] {
        visiblePanes.map { ($0, PaneContent.lines(for: $0, in: self)) }
    }

    func screen(size: Size) -> Screen {
        let full = paneLines()
        let arrangement = arrangement(paneLines: full)
        let layout = layoutMemo.layout(size: size, arrangement: arrangement)
        var panes = [PartyID: PaneViewport]()
        for (party, lines) in full {
            guard let rect = layout.pane(party.id) else { continue }
            panes[party.id] = PaneViewport(lines: lines, isRecording: party.id == model?.eve?.id, rect: rect,
                                           rowsPerLine: layout.rowsPerLine[party.id] ?? 1, focus: paneFocus(party.id))
        }
        return Screen(layout: layout, parties: full.map(\.party), panes: panes)
    }

    /// The screen at the state's own size (what keys and clicks act on).
    var screen: Screen { screen(size: size) }

    /// The layout at the state's own size: where drawing puts things and clicks find them.
    public var layout: ScreenLayout { screen.layout }

    /// Keeps the layout for the state's size and arrangement: `update` calls it after each event.
    mutating func refreshLayout() {
        layoutMemo.refresh(size: size, arrangement: arrangement(paneLines: paneLines()))
    }
}
