import Scenarios
import TUI

/// Where everything goes for a state at a screen size. The view draws into these
/// rectangles and `update` maps clicks with the same ones, so both always agree.
///
/// - Large (at least 110x34, e.g. 120x40 and 200x60): the party panes side by side
///   on top, the wire and the inspector side by side below, the narration, the status line.
/// - Compact (80x24 up to large): the same panes with short titles; below them the
///   wire, or the inspector when it has focus (both: side by side from 100 columns,
///   one above the other from 16 free rows).
/// - Too small (below 80x24): only the notice.
///
/// A tutorial's text takes a column at the right from 110 columns on (the rest is laid
/// out as above, by its own size), else the lower part of the screen, where it replaces
/// the wire, the inspector and the narration. Presenter mode takes the place of the
/// panes, the wire, the inspector and the narration.
public struct ScreenLayout: Sendable {
    public enum Mode: Sendable, Equatable {
        case tooSmall, compact, large
    }

    public static let minimum = TooSmallScreen.defaultMinimum
    public static let large = Size(width: 110, height: 34)
    /// From this width a tutorial's text sits beside the demo rather than below it.
    public static let tutorialBeside = 110

    public let size: Size
    /// Large or compact: decided by the room the demo has (beside a tutorial, less).
    public let mode: Mode
    /// The party panes, left to right (empty while no timeline is on screen).
    public let panes: [(party: Party, rect: Rect)]
    /// Lines each pane lists (after dropping minor values a small pane cannot fit).
    public let paneLines: [PartyID: [PaneLine]]
    /// Rows one line takes in each party's pane: 2 when it is stacked, name over value.
    public let rowsPerLine: [PartyID: Int]
    public let wire: Rect?
    public let inspector: Rect?
    /// Presenter mode's area (instead of panes, wire, inspector and narration).
    public let presenter: Rect?
    /// The tutorial's text, when one is played.
    public let tutorial: Rect?
    /// Whether the tutorial's text sits beside the demo (framed) or below it (under a rule).
    public let tutorialIsBeside: Bool
    /// The area above the narration: panes, wire and inspector, or presenter mode, or a notice.
    public let main: Rect
    /// Empty (zero height) when a tutorial's text below the demo or presenter mode replaces it.
    public let narration: Rect
    public let status: Rect

    public init(state: AppState, size: Size) {
        self.size = size
        let screen = Rect(size: size)
        guard size.fits(Self.minimum) else {
            mode = .tooSmall
            panes = []
            paneLines = [:]
            rowsPerLine = [:]
            (wire, inspector, presenter, tutorial, tutorialIsBeside) = (nil, nil, nil, nil, false)
            (main, narration, status) = (screen, Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 0, height: 0))
            return
        }
        let screenRows = screen.rows([.rest, .fixed(1)])
        var work = screenRows[0]
        status = screenRows[1]
        var tutorialBelow = false
        if state.tutorial != nil {
            if size.width >= Self.tutorialBeside {
                let columns = work.columns([.rest, .fixed(min(56, max(36, size.width / 3)))])
                (work, tutorial, tutorialIsBeside) = (columns[0], columns[1], true)
            } else {
                // The demo keeps room for its panes; the text gets the rest (11 rows at 80x24).
                let rows = work.rows([.fixed(max(12, work.height * 52 / 100)), .rest])
                (work, tutorial, tutorialIsBeside) = (rows[0], rows[1], false)
                tutorialBelow = true
            }
        } else {
            (tutorial, tutorialIsBeside) = (nil, false)
        }
        let large = work.size.fits(Self.large)
        mode = large ? .large : .compact
        if state.presenter || tutorialBelow {
            (main, narration) = (work, Rect(x: work.x, y: work.maxY, width: work.width, height: 0))
        } else {
            // Narration: a rule (large only: in compact the frames above separate it), a
            // title line, the sentence wrapped, and a line for the checks.
            let narrationHeight = large ? 3 + (size.height >= 55 ? 5 : 3) : 5
            let rows = work.rows([.rest, .fixed(narrationHeight)])
            (main, narration) = (rows[0], rows[1])
        }

        let parties = state.visiblePanes
        guard state.model != nil, !parties.isEmpty else {
            (panes, paneLines, wire, inspector, presenter) = ([], [:], nil, nil, nil)
            rowsPerLine = [:]
            return
        }
        if state.presenter {
            (panes, paneLines, wire, inspector) = ([], [:], nil, nil)
            rowsPerLine = [:]
            presenter = main
            return
        }
        presenter = nil

        let eveID = state.model?.eve?.id
        let widths: [Constraint] = parties.map { $0.id == eveID ? .fill(3) : .fill(2) }
        let full = parties.map { PaneContent.lines(for: $0, in: state) }
        // The panes' height: fixed above a tutorial's text (all of it) and at 80x24 (what
        // the wire leaves); otherwise as high as the longest pane, up to a share of the screen.
        let (cap, fixed): (Int, Bool)
        if tutorialBelow {
            (cap, fixed) = (main.height, true)
        } else if large {
            (cap, fixed) = (main.height * 55 / 100, false)
        } else if main.height >= 24 {
            (cap, fixed) = (main.height * 60 / 100, false)
        } else {
            (cap, fixed) = (main.height - 7, true)
        }
        // Narrow panes (the group's seven) stack name over value, but only when every
        // narrow pane then still fits: the names of what a party knows matter more
        // than the digits. Widths do not depend on the height, so they are known here.
        let narrow = main.columns(widths).map { $0.width < PaneView.stackBelowWidth }
        let stacks = zip(full, narrow).allSatisfy { lines, isNarrow in !isNarrow || lines.count * 2 + 2 <= cap }
        let rows = narrow.map { $0 && stacks ? 2 : 1 }
        let tallest = zip(full, rows).map { $0.count * $1 }.max() ?? 0
        let paneHeight = fixed ? cap : min(max(tallest + 2, 12), cap)
        let split = main.rows([.fixed(paneHeight), .rest])
        let columns = split[0].columns(widths)
        panes = Array(zip(parties, columns)).map { (party: $0.0, rect: $0.1) }
        rowsPerLine = Dictionary(uniqueKeysWithValues: zip(parties.map(\.id), rows))
        var lines = [PartyID: [PaneLine]]()
        for (index, (party, rect)) in zip(parties, columns).enumerated() {
            let slots = Self.slots(in: rect, rowsPerLine: rows[index])
            lines[party.id] = party.id == eveID ? Self.fitRecording(full[index], rows: slots) : Self.fit(full[index], rows: slots)
        }
        paneLines = lines

        let bottom = split[1]
        if tutorialBelow {
            (wire, inspector) = (nil, nil)
        } else if large || work.width >= 100 {
            let halves = bottom.columns([.ratio(52, 100), .rest])
            (wire, inspector) = (halves[0], halves[1])
        } else if bottom.height >= 16 {
            // Narrow but tall (beside a tutorial's text): the wire above the inspector.
            let halves = bottom.rows([.ratio(1, 2), .rest])
            (wire, inspector) = (halves[0], halves[1])
        } else if state.focus == .inspector {
            (wire, inspector) = (nil, bottom)
        } else {
            (wire, inspector) = (bottom, nil)
        }
    }

    /// Drops minor values that are neither new nor the only content, oldest-ranked
    /// last, until the lines fit `rows`; what still does not fit scrolls.
    static func fit(_ lines: [PaneLine], rows: Int) -> [PaneLine] {
        guard lines.count > rows else { return lines }
        var kept = lines
        for index in lines.indices.reversed() where kept.count > rows {
            if case .value(let name, _, let isNew) = lines[index].kind, ValueOrder.isMinor(name), !isNew {
                kept.remove(at: index)
            }
        }
        return kept
    }

    /// The eavesdropper's pane keeps her ledger and impossibilities whole and shortens
    /// her recording instead: the oldest messages give way to a "+N earlier" note.
    static func fitRecording(_ lines: [PaneLine], rows: Int) -> [PaneLine] {
        let messages = lines.indices.filter {
            if case .message = lines[$0].kind { return true }
            return false
        }
        let excess = lines.count - rows
        guard excess > 0, messages.count > 2 else { return lines }
        // One line goes to the note, so drop one more message than the excess.
        let dropped = Array(messages.prefix(min(messages.count - 2, excess + 1)))
        var kept = lines
        for index in dropped.reversed() { kept.remove(at: index) }
        kept.insert(PaneLine(.note("+\(dropped.count) earlier messages")), at: dropped[0])
        return kept
    }

    /// The rectangle of a party's pane.
    public func pane(_ id: PartyID) -> Rect? { panes.first { $0.party.id == id }?.rect }

    /// Lines a pane of `rect` shows at once: the rows inside its frame over the rows
    /// one line takes.
    static func slots(in rect: Rect, rowsPerLine rows: Int) -> Int { max(0, rect.height - 2) / rows }

    /// How a party's pane scrolls: rows per line, lines shown and the first one shown.
    /// Drawing and clicks both read it, so a click selects the line drawn under it.
    func paneViewport(_ id: PartyID, state: AppState) -> (rowsPerLine: Int, visible: Int, start: Int) {
        let rows = rowsPerLine[id] ?? 1, lines = paneLines[id] ?? []
        let visible = pane(id).map { Self.slots(in: $0, rowsPerLine: rows) } ?? 0
        return (rows, visible, Viewport.start(count: lines.count, visible: visible, keep: state.keptLines(in: lines, party: id)))
    }

    /// What lies under a screen cell.
    public enum Hit: Sendable, Equatable {
        /// A party pane; `row` counts from the first row inside the frame.
        case pane(PartyID, row: Int)
        case wire(row: Int)
        case inspector
        case tutorial
    }

    public func hit(x: Int, y: Int) -> Hit? {
        for (party, rect) in panes where rect.contains(x: x, y: y) {
            return .pane(party.id, row: y - rect.y - 1)
        }
        if let wire, wire.contains(x: x, y: y) { return .wire(row: y - wire.y - 1) }
        if let inspector, inspector.contains(x: x, y: y) { return .inspector }
        if let tutorial, tutorial.contains(x: x, y: y) { return .tutorial }
        return nil
    }
}
