import TUI

/// The thresholds `ScreenLayout` decides with, each with its reason. Sizes are in
/// terminal cells; shares are percentages of the room being split.
public enum LayoutRules {
    // MARK: Screen classes

    /// Below this nothing but a notice is drawn: at 80x24 the three party panes,
    /// the wire (or the inspector) and the narration just fit, with short titles.
    public static let minimum = TooSmallScreen.defaultMinimum
    /// The large layout from this room on (beside a tutorial's text, the room left to
    /// the demo): below 110 columns three party panes (about 36 columns each) cannot
    /// show a party's identity in the title and a 64-hex-digit value's ends with its
    /// source beside the name; below 34 rows the panes, the wire with its lane
    /// diagram beside the inspector, and a ruled narration do not all fit.
    public static let largeMinimum = Size(width: 110, height: 34)
    /// From this height the narration's sentence gets five lines instead of four:
    /// a tall screen (200x60) has the room, and longer narrations then show whole.
    public static let tallNarrationMinimumHeight = 55

    // MARK: Narration

    /// The narration's sentence lines in the large layout (five on a tall screen,
    /// `tallNarrationLines`); a rule, the title line and the checks line come on top.
    /// Four: at 120 columns most sentences take two or three lines, and the acting
    /// role's note (the aP echo at R_MESSAGE_1) should show without focusing the
    /// narration; the wire and the inspector give up the row.
    public static let narrationLines = 4
    /// The narration's sentence lines on a screen at least `tallNarrationMinimumHeight` high.
    public static let tallNarrationLines = 5
    /// The rule, the title line and the checks line around the large layout's sentence.
    public static let narrationChromeLarge = 3
    /// The compact narration: a title line, three sentence lines and the checks line
    /// (no rule: the frames above it separate it).
    public static let narrationRowsCompact = 5

    // MARK: A tutorial's text

    /// From this width a tutorial's text sits in a column beside the demo: the
    /// column (at least `tutorialColumnMinimum`) then leaves the demo at least 74
    /// columns, nearly the 80 a compact screen is drawn for. Below, the text goes under the demo.
    public static let tutorialBesideMinimumWidth = 110
    /// The column beside the demo takes this fraction of the width (1/3)...
    public static let tutorialColumnDivisor = 3
    /// ...but no less than this: narrower, a sentence wraps every few words.
    public static let tutorialColumnMinimum = 36
    /// ...and no more than this: a comfortable line length to read (about 55
    /// characters); the rest goes to the demo.
    public static let tutorialColumnMaximum = 56
    /// With the text below the demo, the demo keeps this share of the rows (52%)...
    public static let demoAboveTutorialPercent = 52
    /// ...and no fewer than this: a pane's frame and ten lines. The text gets the
    /// rest (11 rows at 80x24).
    public static let demoAboveTutorialMinimumRows = 12

    // MARK: Party panes

    /// In the large layout the panes take up to this share of the rows above the
    /// narration (55%); the wire and the inspector below keep the rest, which shows
    /// the basic run's messages and the inspector's first fields.
    public static let panePercentLarge = 55
    /// In a compact layout at least `compactTallMinimumRows` high (beside a
    /// tutorial's text), the panes take up to this share (60%): one of the wire and
    /// the inspector is below them, so they need less.
    public static let panePercentCompactTall = 60
    /// A compact main area at least this high splits by share; lower (80x24 gives
    /// 18 rows), the panes get what the wire leaves (`wireRowsCompact`).
    public static let compactTallMinimumRows = 24
    /// Rows the wire keeps under the panes on a low compact screen: its frame and
    /// five messages (the basic run's four and one more).
    public static let wireRowsCompact = 7
    /// Panes are at least this high (when the share allows), so in a short run the
    /// wire and the inspector keep their place instead of jumping up under the panes.
    public static let paneMinimumRows = 12
    /// Width weight of an ordinary party's pane.
    public static let paneWeight = 2
    /// Width weight of the eavesdropper's pane: her recording lists each message's
    /// notation, which is wider than a value, so her pane gets half as much again.
    public static let recordingPaneWeight = 3

    // MARK: Wire and inspector

    /// A compact demo at least this wide shows the wire and the inspector side by
    /// side (about 50 columns each: the wire's notation and the inspector's field
    /// names stay readable); narrower, one of them, or one above the other.
    public static let wireBesideInspectorMinimumWidth = 100
    /// The wire's share when beside the inspector (52%): its lane diagram needs a
    /// little more than the inspector's fields.
    public static let wirePercent = 52
    /// A narrow compact demo with at least this many rows under the panes (beside a
    /// tutorial's text) stacks the wire above the inspector: 8 rows each, a frame
    /// and six lines. Lower, only the one with focus is shown.
    public static let wireAboveInspectorMinimumRows = 16
}
