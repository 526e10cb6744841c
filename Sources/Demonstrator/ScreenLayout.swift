import Scenarios
import TUI

/// Where everything goes on a screen of a size for an arrangement: rectangles only,
/// a pure function of the two (`LayoutRules` holds the thresholds and their reasons).
/// Views draw into these rectangles and `update` maps clicks with the same ones, so
/// both always agree; `LayoutMemo` keeps it while neither changes.
///
/// - Large (at least `LayoutRules.largeMinimum`, 110x34, e.g. 120x40 and 200x60): the
///   party panes side by side on top, the wire and the inspector side by side below,
///   the narration, the status line.
/// - Compact (80x24 up to large): the same panes with short titles; below them the
///   wire, or the inspector when it is in front (both: side by side from 100 columns,
///   one above the other from 16 free rows).
/// - Too small (below 80x24): only the notice.
///
/// A tutorial's text takes a column at the right from 110 columns on (the rest is laid
/// out as above, by its own size), else the lower part of the screen, where it replaces
/// the wire, the inspector and the narration. Presenter mode takes the place of the
/// panes, the wire, the inspector and the narration; the who-knows view the place of
/// the panes, the wire and the inspector (the narration stays: it says what changed).
public struct ScreenLayout: Sendable {
    public enum Mode: Sendable, Equatable {
        case tooSmall, compact, large
    }

    public let size: Size
    /// Large or compact: decided by the room the demo has (beside a tutorial, less).
    public let mode: Mode
    /// The party panes, left to right (empty while no timeline is on screen).
    public let panes: [(party: PartyID, rect: Rect)]
    /// Rows one line takes in each party's pane: 2 when it is stacked, name over value.
    public let rowsPerLine: [PartyID: Int]
    public let wire: Rect?
    public let inspector: Rect?
    /// Presenter mode's area (instead of panes, wire, inspector and narration).
    public let presenter: Rect?
    /// The who-knows view's area (instead of panes, wire and inspector).
    public let whoKnows: Rect?
    /// The tutorial's text, when one is played.
    public let tutorial: Rect?
    /// Whether the tutorial's text sits beside the demo (framed) or below it (under a rule).
    public let tutorialIsBeside: Bool
    /// The area above the narration: panes, wire and inspector, or presenter mode, or a notice.
    public let main: Rect
    /// Empty (zero height) when a tutorial's text below the demo or presenter mode replaces it.
    public let narration: Rect
    public let status: Rect

    public init(size: Size, arrangement: ScreenArrangement) {
        self.size = size
        let screen = Rect(size: size)
        guard size.fits(LayoutRules.minimum) else {
            mode = .tooSmall
            (panes, rowsPerLine) = ([], [:])
            (wire, inspector, presenter, whoKnows, tutorial, tutorialIsBeside) = (nil, nil, nil, nil, nil, false)
            (main, narration, status) = (screen, Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 0, y: 0, width: 0, height: 0))
            return
        }
        let screenRows = screen.rows([.rest, .fixed(1)])
        status = screenRows[1]
        let beside = arrangement.tutorial ? Self.tutorialSplit(screenRows[0]) : nil
        let work = beside?.demo ?? screenRows[0]
        (tutorial, tutorialIsBeside) = (beside?.text, beside?.beside ?? false)
        let tutorialBelow = beside.map { !$0.beside } ?? false
        let large = work.size.fits(LayoutRules.largeMinimum)
        mode = large ? .large : .compact
        if arrangement.presenter || tutorialBelow {
            (main, narration) = (work, Rect(x: work.x, y: work.maxY, width: work.width, height: 0))
        } else {
            let rows = work.rows([.rest, .fixed(Self.narrationHeight(large: large, screenHeight: size.height))])
            (main, narration) = (rows[0], rows[1])
        }
        guard !arrangement.panes.isEmpty, !arrangement.presenter, !arrangement.whoKnows else {
            (panes, rowsPerLine, wire, inspector) = ([], [:], nil, nil)
            let built = !arrangement.panes.isEmpty
            presenter = built && arrangement.presenter ? main : nil
            whoKnows = built && !arrangement.presenter ? main : nil
            return
        }
        (presenter, whoKnows) = (nil, nil)

        let widths: [Constraint] = arrangement.panes.map { .fill($0.isRecording ? LayoutRules.recordingPaneWeight : LayoutRules.paneWeight) }
        let (paneHeight, rows) = Self.paneRows(arrangement.panes, columns: main.columns(widths).map(\.width),
                                                 height: Self.paneHeightRule(main: main, large: large, tutorialBelow: tutorialBelow))
        let split = main.rows([.fixed(paneHeight), .rest])
        panes = Array(zip(arrangement.panes.map(\.id), split[0].columns(widths))).map { (party: $0.0, rect: $0.1) }
        rowsPerLine = Dictionary(uniqueKeysWithValues: zip(arrangement.panes.map(\.id), rows))
        if tutorialBelow {
            (wire, inspector) = (nil, nil)
        } else {
            (wire, inspector) = Self.bottomSplit(split[1], sideBySide: large || work.width >= LayoutRules.wireBesideInspectorMinimumWidth,
                                                 front: arrangement.front)
        }
    }

    /// A tutorial's text beside the demo (from `tutorialBesideMinimumWidth`) or below it.
    static func tutorialSplit(_ work: Rect) -> (demo: Rect, text: Rect, beside: Bool) {
        if work.width >= LayoutRules.tutorialBesideMinimumWidth {
            let column = min(LayoutRules.tutorialColumnMaximum,
                             max(LayoutRules.tutorialColumnMinimum, work.width / LayoutRules.tutorialColumnDivisor))
            let columns = work.columns([.rest, .fixed(column)])
            return (columns[0], columns[1], true)
        }
        let demo = max(LayoutRules.demoAboveTutorialMinimumRows, work.height * LayoutRules.demoAboveTutorialPercent / 100)
        let rows = work.rows([.fixed(demo), .rest])
        return (rows[0], rows[1], false)
    }

    /// The narration's rows: a rule (large only: in compact the frames above separate
    /// it), a title line, the sentence wrapped, and a line for the checks.
    static func narrationHeight(large: Bool, screenHeight: Int) -> Int {
        guard large else { return LayoutRules.narrationRowsCompact }
        let tall = screenHeight >= LayoutRules.tallNarrationMinimumHeight
        return LayoutRules.narrationChromeLarge + (tall ? LayoutRules.tallNarrationLines : LayoutRules.narrationLines)
    }

    /// How high the panes may be: fixed above a tutorial's text (all of it) and on a
    /// low compact screen (what the wire leaves); otherwise as high as the longest
    /// pane, up to a share of the main area.
    static func paneHeightRule(main: Rect, large: Bool, tutorialBelow: Bool) -> (cap: Int, fixed: Bool) {
        if tutorialBelow { return (main.height, true) }
        if large { return (main.height * LayoutRules.panePercentLarge / 100, false) }
        if main.height >= LayoutRules.compactTallMinimumRows { return (main.height * LayoutRules.panePercentCompactTall / 100, false) }
        return (main.height - LayoutRules.wireRowsCompact, true)
    }

    /// The panes' height and each pane's rows per line. Narrow panes (the group's
    /// seven) stack name over value, but only when every narrow pane then still fits:
    /// the names of what a party knows matter more than the digits.
    static func paneRows(_ slots: [ScreenArrangement.PaneSlot], columns: [Int], height rule: (cap: Int, fixed: Bool)) -> (Int, [Int]) {
        let narrow = columns.map { $0 < PaneView.stackBelowWidth }
        let stacks = zip(slots, narrow).allSatisfy { slot, isNarrow in !isNarrow || slot.lineCount * 2 + 2 <= rule.cap }
        let rows = narrow.map { $0 && stacks ? 2 : 1 }
        let tallest = zip(slots, rows).map { $0.lineCount * $1 }.max() ?? 0
        return (rule.fixed ? rule.cap : min(max(tallest + 2, LayoutRules.paneMinimumRows), rule.cap), rows)
    }

    /// The wire and the inspector under the panes: side by side, one above the other
    /// when the room is narrow but tall, else only the one in front.
    static func bottomSplit(_ bottom: Rect, sideBySide: Bool, front: ScreenArrangement.BottomPanel) -> (wire: Rect?, inspector: Rect?) {
        if sideBySide {
            let halves = bottom.columns([.ratio(LayoutRules.wirePercent, 100), .rest])
            return (halves[0], halves[1])
        }
        if bottom.height >= LayoutRules.wireAboveInspectorMinimumRows {
            let halves = bottom.rows([.ratio(1, 2), .rest])
            return (halves[0], halves[1])
        }
        return front == .inspector ? (nil, bottom) : (bottom, nil)
    }

    /// The rectangle of a party's pane.
    public func pane(_ id: PartyID) -> Rect? { panes.first { $0.party == id }?.rect }

    /// What lies under a screen cell.
    public enum Hit: Sendable, Equatable {
        /// A party pane; `row` counts from the first row inside the frame.
        case pane(PartyID, row: Int)
        case wire(row: Int)
        case inspector
        case tutorial
        /// The who-knows view; `row` counts from its first row inside the frame.
        case whoKnows(row: Int)
        case narration
    }

    public func hit(x: Int, y: Int) -> Hit? {
        for (party, rect) in panes where rect.contains(x: x, y: y) {
            return .pane(party, row: y - rect.y - 1)
        }
        if let wire, wire.contains(x: x, y: y) { return .wire(row: y - wire.y - 1) }
        if let inspector, inspector.contains(x: x, y: y) { return .inspector }
        if let tutorial, tutorial.contains(x: x, y: y) { return .tutorial }
        if let whoKnows, whoKnows.contains(x: x, y: y) { return .whoKnows(row: y - whoKnows.y - 1) }
        if narration.contains(x: x, y: y) { return .narration }
        return nil
    }
}

/// The last layout computed, with the size and arrangement it was computed for: a
/// state keeps one (`AppState.layoutMemo`), refreshed after each update, so key
/// presses that change neither reuse it and drawing and clicks read the same one.
public struct LayoutMemo: Sendable {
    private var entry: (size: Size, arrangement: ScreenArrangement, layout: ScreenLayout)?

    public init() {}

    /// The layout for `size` and `arrangement`: the one kept when both match, else a new one.
    public func layout(size: Size, arrangement: ScreenArrangement) -> ScreenLayout {
        if let entry, entry.size == size, entry.arrangement == arrangement { return entry.layout }
        return ScreenLayout(size: size, arrangement: arrangement)
    }

    /// Keeps the layout for `size` and `arrangement` (computing it only when they changed).
    public mutating func refresh(size: Size, arrangement: ScreenArrangement) {
        if let entry, entry.size == size, entry.arrangement == arrangement { return }
        entry = (size, arrangement, ScreenLayout(size: size, arrangement: arrangement))
    }

    /// Whether a layout is kept for exactly `size` and `arrangement`.
    public func holds(size: Size, arrangement: ScreenArrangement) -> Bool {
        entry.map { $0.size == size && $0.arrangement == arrangement } ?? false
    }
}
