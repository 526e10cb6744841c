import Scenarios

/// What is on screen, as far as where things go depends on it: the party panes
/// (and how many lines each lists), a tutorial's text, presenter mode, and on a
/// narrow screen which of the wire and the inspector is in front. With the
/// terminal size it is all `ScreenLayout` needs; keys that change none of it
/// (Up/Down, `x`, `v`, most Tabs) keep the layout as it was.
public struct ScreenArrangement: Hashable, Sendable {
    /// One party pane, left to right.
    public struct PaneSlot: Hashable, Sendable {
        public var id: PartyID
        /// The eavesdropper's pane, which lists her recording and is wider.
        public var isRecording: Bool
        /// Lines the pane lists before a small pane drops minor ones: its height
        /// grows with them, up to a share of the screen.
        public var lineCount: Int

        public init(id: PartyID, isRecording: Bool = false, lineCount: Int) {
            self.id = id
            self.isRecording = isRecording
            self.lineCount = lineCount
        }
    }

    /// Of the wire and the inspector, the one shown when only one fits.
    public enum BottomPanel: Hashable, Sendable {
        case wire, inspector
    }

    /// The party panes; empty while no timeline is on screen.
    public var panes: [PaneSlot]
    public var tutorial: Bool
    public var presenter: Bool
    /// The who-knows view, which takes the place of the panes, the wire and the inspector.
    public var whoKnows: Bool
    public var front: BottomPanel

    public init(panes: [PaneSlot], tutorial: Bool = false, presenter: Bool = false, whoKnows: Bool = false,
                front: BottomPanel = .wire) {
        self.panes = panes
        self.tutorial = tutorial
        self.presenter = presenter
        self.whoKnows = whoKnows
        self.front = front
    }
}

extension AppState {
    /// The arrangement of this state, given the lines its panes list (`PaneContent`).
    func arrangement(paneLines: [(party: Party, lines: [PaneLine])]) -> ScreenArrangement {
        let eve = model?.eve?.id
        return ScreenArrangement(
            panes: paneLines.map { .init(id: $0.party.id, isRecording: $0.party.id == eve, lineCount: $0.lines.count) },
            tutorial: showsTutorialText, presenter: presenter, whoKnows: whoKnows.isOpen, front: focus == .inspector ? .inspector : .wire)
    }
}
