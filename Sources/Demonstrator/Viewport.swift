import Scenarios

/// Scrolling a list into a window of rows.
enum Viewport {
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

extension AppState {
    /// The line of a pane that Up/Down, `v` and the highlight act on: the one chosen
    /// with Up/Down or a click since the last step, else the value a tutorial section
    /// points at, else the first line that became new at this step, else the first
    /// line that can be selected.
    func selectedLine(in lines: [PaneLine], party: PartyID) -> Int? {
        if let chosen = selection[party], lines.indices.contains(chosen), lines[chosen].isSelectable { return chosen }
        return highlightedLines(in: lines, party: party).first
            ?? lines.firstIndex { $0.isNew && $0.isSelectable } ?? lines.firstIndex(where: \.isSelectable)
    }

    /// The lines showing the values the current tutorial section points at (`focus`
    /// directives) in this party's pane.
    func highlightedLines(in lines: [PaneLine], party: PartyID) -> [Int] {
        let names = tutorial?.current.focus.filter { $0.party == party }.map(\.value) ?? []
        guard !names.isEmpty else { return [] }
        return lines.indices.filter { index in PaneView.name(lines[index]).map { name in names.contains { $0.rawValue == name } } ?? false }
    }

    /// The lines of a pane to keep on screen: the selection when the pane has focus
    /// or one was chosen, else every line that is new at this step and what a tutorial
    /// points at, else what the party cannot compute (the point of an eavesdropper's pane).
    func keptLines(in lines: [PaneLine], party: PartyID) -> ClosedRange<Int>? {
        if focus == .party(party) || selection[party] != nil {
            return selectedLine(in: lines, party: party).map { $0...$0 }
        }
        var kept = lines.indices.filter { lines[$0].isNew } + highlightedLines(in: lines, party: party)
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
