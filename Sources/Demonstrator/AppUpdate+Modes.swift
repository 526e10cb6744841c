import Scenarios

// `m`: MIKEY's modes side by side (issue 13).
extension AppUpdate {
    /// Opens the modes table on the mode on screen, and asks for every run it reads:
    /// rows fill in as the runs arrive from the background.
    static func openModes(_ s: inout AppState) {
        s.overlay = .modes(selected: MIKEYMode.allCases.firstIndex { $0.exchange == s.scenario } ?? 0)
        let wanted = MIKEYMode.allCases.flatMap(\.runs).map(s.key)
        s.prefetch += wanted.filter { s.loads[$0] == nil && !s.prefetch.contains($0) }
    }

    /// The table's keys: move the highlight, or open the mode's run in the panes.
    static func modesAction(_ s: inout AppState, _ action: KeyAction, selected: Int) {
        listAction(&s, action, selected: selected, among: MIKEYMode.allCases.map(\.exchange), overlay: AppState.Overlay.modes)
    }
}
