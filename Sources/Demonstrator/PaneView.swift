import Scenarios
import TUI

/// Draws one party's pane: a frame titled with the party and its identity, then its
/// lines (values, impossibilities, messages), scrolled so the selection or the new
/// values stay visible, with "+N more" in the frame when lines are hidden.
enum PaneView {
    /// Draws `party`'s pane into `rect`: `pane` says what it shows and how it scrolls.
    static func draw(_ pane: PaneViewport, in rect: Rect, title: String, focused: Bool, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, lines = pane.lines, rows = pane.rowsPerLine
        let inner = canvas.frame(rect, title: title, style: focused ? theme.focusedBorder : theme.border, titleStyle: theme.title,
                                 glyphs: look.glyphs)
        let area = inner.inset(horizontal: 1, vertical: 0)
        guard !area.isEmpty else { return }
        let selected = focused ? pane.selected : nil
        let highlighted = Set(pane.focus.highlightedLines(in: lines))
        let nameWidth = rows == 2 ? area.width - 2 : Self.nameWidth(lines, width: area.width)
        canvas.withRegion(area) { region in
            for slot in 0..<min(pane.visible, lines.count - pane.start) {
                let index = pane.start + slot
                LineView(line: lines[index], width: area.width, nameWidth: nameWidth, isSelected: index == selected,
                         isHighlighted: highlighted.contains(index), isStacked: rows == 2, look: look)
                    .draw(y: slot * rows, into: &region)
            }
        }
        // Hidden lines are counted in the bottom edge (the top one holds the title).
        let below = lines.count - pane.start - pane.visible
        let hidden = Viewport.hidden(before: pane.start, after: below)
        if !hidden.isEmpty { canvas.bottomLabel(hidden.joined(separator: ", "), in: rect, style: theme.label) }
    }

    /// What a pane's title says: the party, whether it has focus, which view it shows
    /// (the curious-KMS view), and for the eavesdropper the size of her recording.
    struct Title {
        let party: Party
        let focused: Bool
        /// " view" or " (curious view)" when the KMS pane shows what a curious KMS reads.
        let view: String
        let recording: (messages: Int, octets: Int)?

        init(_ party: Party, focused: Bool, view: String = "", recording: (messages: Int, octets: Int)? = nil) {
            self.party = party
            self.focused = focused
            self.view = view
            self.recording = recording
        }

        /// `party`'s title on `state`'s screen.
        init(_ party: Party, in state: AppState) {
            let isKMS = party.id == state.model?.kms?.id
            self.init(party, focused: state.focus == .party(party.id),
                      view: isKMS && state.kmsView ? (party.kind == .curiousKMS ? " view" : " (curious view)") : "",
                      recording: party.id == state.model?.eve?.id ? PaneContent.recording(of: party, in: state) : nil)
        }

        /// `* Initiator · sip:alice@ims.example` (large) or `I Initiator` (compact); the
        /// `*` marks focus in text as well as in the frame's style. When the whole title
        /// does not fit the frame it gives way in readable steps rather than being cut:
        /// the identity shortens to its user part (`alice@ims.example`, then `alice`),
        /// a name drops its parenthesis (`Carol (retarget target)`: `Carol`), and last
        /// the tag alone stands for the party. A name is never said twice (`KMS`, not `KMS KMS`).
        ///
        /// `identityForm` skips the longer identity forms (0: from the full URI; 1: from
        /// `alice@ims.example`; 2: the user part only), so that panes side by side show
        /// their identities in the same form (`AppView` passes the shortest any of them needs).
        func text(width: Int, look: Look, identityForm: Int = 0) -> String {
            let mark = focused ? "* " : ""
            let sep = look.glyphs.separator
            // Room for the frame's corners and, focused or not, the mark: a title keeps its
            // form when focus moves.
            let room = width - 8
            // The eavesdropper's title says what she holds: the size of her recording.
            if !look.isCompact, let recording, recording.messages > 0 {
                let holds = "\(mark)\(party.tag) \(sep) holds \(PaneContent.messageCount(recording.messages)), \(recording.octets)"
                if let fitting = [holds + " octets", holds + " B"].first(where: { $0.count <= room + 2 }) { return fitting }
            }
            let names = [party.name, PaneView.withoutParenthesis(party.name)].map { $0 + view }
            let identities = Array((party.identity.map(PaneView.identityForms) ?? []).dropFirst(identityForm))
            var candidates: [String]
            if look.isCompact {
                candidates = names.map { PaneView.tagged($0, party.tag) } + identities.suffix(1).map { "\(party.tag) \(sep) \($0)" }
            } else {
                // An identity form that only repeats the name (`Carol · carol`) says nothing.
                candidates = names.flatMap { name in
                    identities.filter { $0.lowercased() != name.lowercased() }.map { "\(name) \(sep) \($0)" }
                } + names
            }
            candidates.append(party.tag + view)
            let fitting = candidates.first { $0.count <= room } ?? party.tag
            return mark + fitting
        }

        /// The identity form this title needs at `width` on its own (see `text`); 0 for a
        /// party without an identity, or one whose title shows no identity at all.
        func identityFormNeeded(width: Int, look: Look) -> Int {
            guard let identity = party.identity, !look.isCompact else { return 0 }
            let name = party.name + view
            let forms = PaneView.identityForms(identity)
            return forms.indices.first { "\(name) \(look.glyphs.separator) \(forms[$0])".count <= width - 8 } ?? 0
        }
    }

    /// `Carol (retarget target)` without its parenthesis: `Carol`.
    static func withoutParenthesis(_ name: String) -> String {
        guard let open = name.range(of: " (") else { return name }
        return String(name[..<open.lowerBound])
    }

    /// `I Initiator`, but `KMS (curious)` for a name that already starts with its tag.
    static func tagged(_ name: String, _ tag: String) -> String {
        name == tag || name.hasPrefix(tag + " ") ? name : "\(tag) \(name)"
    }

    /// An identity in three forms, shorter and shorter: `sip:alice@ims.example`,
    /// `alice@ims.example`, `alice`; `https://kms.ims.example`, then its host twice.
    static func identityForms(_ identity: String) -> [String] {
        let short = shortIdentity(identity)
        let withoutScheme = short == identity ? String(identity.drop { $0 != ":" }.dropFirst()) : short
        guard !withoutScheme.isEmpty else { return [identity, identity, identity] }
        let user = withoutScheme.firstIndex(of: "@").map { String(withoutScheme[..<$0]) } ?? withoutScheme
        return [identity, withoutScheme, user]
    }

    /// An identity for a narrow title: a URI with an authority (`https://kms.ims.example`)
    /// without its `scheme://`, since the host names the party; others (`sip:alice@…`) as they are.
    static func shortIdentity(_ identity: String) -> String {
        guard let range = identity.range(of: "://"), !identity[..<range.lowerBound].contains(where: { $0 == ":" || $0 == "/" }) else {
            return identity
        }
        return String(identity[range.upperBound...])
    }

    /// Panes narrower than this (the group scenario's seven at 120 columns) may give
    /// each line two rows, name above value, so neither `group_key` nor its digits are
    /// cut to a stub; ScreenLayout decides when there is height for it.
    static let stackBelowWidth = 22

    /// The name column: as wide as the longest name (at most 10), but never more than
    /// half a narrow pane, so values keep some digits.
    static func nameWidth(_ lines: [PaneLine], width: Int) -> Int {
        min(10, lines.compactMap(name).map(\.count).max() ?? 0, max(4, (width - 2) / 2))
    }

    /// The value name a line shows in its name column, if any.
    static func name(_ line: PaneLine) -> String? {
        switch line.kind {
        case .value(let name, _, _), .readable(let name, _, _, _), .cannot(let name, _), .wiped(let name, _, _): name.rawValue
        default: nil
        }
    }
}

/// One line of a pane in one row: a mark column (`+` new, `✗` out of reach, `>` what
/// a tutorial section points at), the name (reversed when selected, bold when pointed
/// at), then the value, reason or message. A stacked line puts what follows the name
/// on a second row, indented under it.
struct LineView {
    let line: PaneLine
    let width: Int
    let nameWidth: Int
    let isSelected: Bool
    let isHighlighted: Bool
    let isStacked: Bool
    let look: Look

    init(line: PaneLine, width: Int, nameWidth: Int, isSelected: Bool, isHighlighted: Bool = false,
         isStacked: Bool = false, look: Look) {
        self.line = line
        self.width = width
        self.nameWidth = nameWidth
        self.isSelected = isSelected
        self.isHighlighted = isHighlighted
        self.isStacked = isStacked
        self.look = look
    }

    /// Where the part after the name goes: beside it, or on the next row under it.
    private func rest(after x: Int, y: Int) -> (x: Int, y: Int) { isStacked ? (2, y + 1) : (x, y) }

    func draw(y: Int, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        switch line.kind {
        case .heading(let text):
            canvas.sectionTitle(text, x: 0, y: y, width: width, theme: theme, glyphs: glyphs)
        case .note(let text):
            canvas.put(TextFit.end(text, width: width - 2, ellipsis: glyphs.ellipsis), x: 2, y: y, style: theme.narration)
        case .action(let text, let isNew):
            if isNew { canvas.put("+", x: 0, y: y, style: theme.newValue) }
            canvas.put(TextFit.end(text, width: width - 2, ellipsis: glyphs.ellipsis), x: 2, y: y,
                       style: isNew ? theme.newValue : theme.narration)
        case .value(let name, let known, let isNew):
            let at = rest(after: prefix(name, mark: isNew ? "+" : " ", markStyle: theme.newValue, y: y, into: &canvas), y: y)
            value(name, known, isNew: isNew, qualifier: line.qualifier, x: at.x, y: at.y, into: &canvas)
        case .readable(let name, let known, let isNew, let inside):
            let at = rest(after: prefix(name, mark: isNew ? "+" : " ", markStyle: theme.newValue, y: y, into: &canvas), y: y)
            if known == nil, let inside {
                // It could open the layer (it holds s) but did not in this run: no value to show.
                canvas.put(TextFit.end("readable in \(inside)", width: width - at.x, ellipsis: glyphs.ellipsis),
                           x: at.x, y: at.y, style: theme.unknownValue)
            } else {
                value(name, known, isNew: isNew, x: at.x, y: at.y, into: &canvas)
            }
        case .cannot(let name, let why):
            // The mark says "cannot compute"; the reason follows (in full with `v`).
            let at = rest(after: prefix(name, mark: glyphs.failMark, markStyle: theme.warning, y: y, into: &canvas), y: y)
            canvas.put(TextFit.end(why, width: width - at.x, ellipsis: glyphs.ellipsis), x: at.x, y: at.y, style: theme.narration)
        case .wiped(let name, let step, let isNew):
            // Not a dash: the party held it, and erasing it is the point (RFC 6539 §3.2).
            let at = rest(after: prefix(name, mark: " ", markStyle: theme.newValue, y: y, into: &canvas), y: y)
            let forms = ["wiped at step \(step)", "wiped, step \(step)", "wiped at \(step)"]
            let text = forms.first { $0.count <= width - at.x } ?? "wiped"
            canvas.put(TextFit.end(text, width: width - at.x, ellipsis: glyphs.ellipsis), x: at.x, y: at.y,
                       style: isNew ? theme.newValue : theme.unknownValue)
        case .message(_, let name, let octets, let notation, let isNew):
            let x = prefix(nil, mark: isNew ? "+" : " ", markStyle: theme.newValue, y: y, into: &canvas)
            let nameEnd = canvas.put(name, x: x, y: y, style: isNew ? theme.newValue : (isSelected ? theme.selection : theme.title),
                                     maxWidth: width - x)
            let at = rest(after: nameEnd, y: y)
            let end = canvas.put(isStacked ? "\(octets) B " : " \(octets) B ", x: at.x, y: at.y, style: theme.label,
                                 maxWidth: max(0, width - at.x))
            canvas.put(TextFit.end(notation, width: width - end, ellipsis: glyphs.ellipsis), x: end, y: at.y, style: theme.text)
        }
    }

    /// The mark and the name column; returns where the value starts. The selection
    /// shows as the name in reverse, so the mark still says new or out of reach.
    private func prefix(_ name: ValueName?, mark: String, markStyle: Style, y: Int, into canvas: inout Canvas) -> Int {
        let theme = look.theme
        if mark != " " {
            canvas.put(String(mark.prefix(1)), x: 0, y: y, style: markStyle)
        } else if isHighlighted {
            canvas.put(">", x: 0, y: y, style: theme.focusedBorder)
        }
        guard let name else { return 2 }
        let label = TextFit.end(name.rawValue, width: nameWidth, ellipsis: look.glyphs.ellipsis)
        let style = isSelected ? theme.selection : (isHighlighted ? theme.focusedBorder : theme.label)
        canvas.put(label, x: 2, y: y, style: style)
        return 2 + nameWidth + 1
    }

    /// The value (or a dash), and which one it is when the pane holds several of its
    /// name, else for a new value where it came from.
    private func value(_ name: ValueName, _ known: KnownValue?, isNew: Bool, qualifier: String? = nil, x: Int, y: Int,
                       into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let room = width - x
        guard room > 0 else { return }
        guard let known else {
            canvas.put(glyphs.dash, x: x, y: y, style: theme.unknownValue)
            return
        }
        let full = ValueText.full(name, known.octets)
        var source = ""
        if let qualifier {
            source = qualifier
        } else if isNew {
            // The longest form of the source that leaves the value a useful width: where
            // a value came from matters more than its middle digits (`v` shows them all).
            let wanted = min(full.count, 8)
            source = ValueText.sourceForms(known.source, glyphs: glyphs).first { room - $0.count - 1 >= wanted } ?? ""
        }
        let valueWidth = source.isEmpty ? room : room - source.count - 1
        let style = isNew ? theme.newValue : (name.isSecret ? theme.secret : theme.value)
        let end = canvas.put(ValueText.fitted(name, known.octets, width: valueWidth, glyphs: glyphs), x: x, y: y, style: style)
        if !source.isEmpty { canvas.put(source, x: end + 1, y: y, style: theme.label) }
    }
}
