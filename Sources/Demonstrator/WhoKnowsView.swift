import Scenarios
import TUI

/// What the who-knows view shows, as data: the matrix of values × parties at the step
/// on screen, the value the step is about (its headline), the pinned values, and the
/// chosen row.
struct WhoKnowsContent {
    let matrix: KnowledgeMatrix
    let stepCount: Int
    /// The value the step is about: the one its presenter slide would headline, else abP.
    let headline: ValueName?
    let pinned: [ValueName]
    /// The chosen row (the headline's until the user chooses).
    let selected: ValueName?
    let focused: Bool

    /// The view of `state`'s step, once its timeline is built.
    init?(_ state: AppState) {
        guard let model = state.model, let step = state.currentStep else { return nil }
        let names = ValueOrder.sorted(model.rowNames.values.joined()).filter { !ValueOrder.isMinor($0) }
        matrix = KnowledgeMatrix(step: step, parties: model.timeline.parties, names: names)
        stepCount = model.stepCount
        let revealed = Set(step.revealed.map(\.value.name))
        headline = PresenterSlide.headlineOrder.first { revealed.contains($0) && names.contains($0) }
            ?? (names.contains(.abP) ? .abP : names.first)
        pinned = state.whoKnows.pinned.filter { names.contains($0) }
        selected = state.whoKnows.selection.flatMap { names.contains($0) ? $0 : nil } ?? headline
        focused = state.focus == .whoKnows
    }

    /// The index of the chosen row.
    var selectedRow: Int? { matrix.rows.firstIndex { $0.name == selected } }
}

/// `w`: who knows what at this step. A headline row for the value the step is about
/// ("abP: I ✓ R ✓ KMS ✗ Eve ✗"), pinned values side by side per party with = or ≠,
/// then every value × every party (✓ with the step it was learned, ✗ cannot compute,
/// — not yet), and under it each party's standing on the chosen value in words.
enum WhoKnowsView {
    /// Rows above the table's header: the headline and one per pinned value, then a blank.
    static func topRows(_ content: WhoKnowsContent) -> Int { 2 + content.pinned.count }

    /// The table row (0 = the first value) drawn on frame row `row` (0 = the first inside), if any.
    static func valueRow(atRow row: Int, _ content: WhoKnowsContent, frame: Rect, look: Look) -> Int? {
        let layout = TableLayout(content, frame: frame, look: look)
        let index = layout.start + row - topRows(content) - 1
        return row > topRows(content) && row - topRows(content) - 1 < layout.visible && content.matrix.rows.indices.contains(index)
            ? index : nil
    }

    /// How many value rows show, from which; and the details of the chosen value
    /// (a title, then each party's standing in words) in the rows left.
    struct TableLayout {
        let visible: Int
        let start: Int
        let details: [(String, Style)]
        let detailRows: Int
        let columns: (name: Int, cell: Int)

        init(_ content: WhoKnowsContent, frame: Rect, look: Look) {
            let matrix = content.matrix
            let width = max(0, frame.width - 4)
            let room = max(0, frame.height - 2 - WhoKnowsView.topRows(content) - 1)
            details = content.selectedRow.map { WhoKnowsView.detailLines(matrix.rows[$0], matrix, width: width, look: look) } ?? []
            // The table gives up rows (and scrolls, keeping the chosen row) until the
            // details fit whole, or it is down to a third of the room.
            let count = matrix.rows.count
            visible = max(min(count, room / 3), min(count, room - details.count - 1))
            start = Viewport.start(count: count, visible: visible, keep: content.selectedRow.map { $0...$0 })
            detailRows = room - visible
            let widest = "\(look.glyphs.passMark) \(content.stepCount)+".count
            columns = (min(12, (matrix.rows.map(\.name.rawValue.count).max() ?? 5) + 1),
                       max(widest, matrix.parties.map(\.tag.count).max() ?? 1) + 1)
        }
    }

    static func draw(_ content: WhoKnowsContent, in frame: Rect, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs, sep = glyphs.separator
        let matrix = content.matrix
        let title = (content.focused ? "* " : "") + "Who knows what \(sep) step \(matrix.step)/\(content.stepCount)"
        let inner = canvas.frame(frame, title: title, style: content.focused ? theme.focusedBorder : theme.border,
                                 titleStyle: theme.title, glyphs: glyphs)
        let area = inner.inset(horizontal: 1, vertical: 0)
        guard area.height > 0, area.width > 10 else { return }
        let layout = TableLayout(content, frame: frame, look: look)
        let (nameWidth, cellWidth) = layout.columns
        canvas.withRegion(area) { region in
            var y = 0
            if let headline = content.headline, let row = matrix.row(headline) {
                drawHeadline(row, matrix, y: y, look: look, into: &region)
            }
            y += 1
            for name in content.pinned {
                if let row = matrix.row(name) { drawPinned(row, matrix, y: y, width: area.width, look: look, into: &region) }
                y += 1
            }
            y += 1
            var x = region.put(TextFit.end("value", width: nameWidth, ellipsis: glyphs.ellipsis), x: 0, y: y, style: theme.label)
            for (column, party) in matrix.parties.enumerated() {
                x = region.put(TextFit.end(party.tag, width: cellWidth, ellipsis: glyphs.ellipsis), x: nameWidth + column * cellWidth,
                               y: y, style: theme.label)
            }
            region.put("holders", x: x + 1, y: y, style: theme.label)
            y += 1
            for index in matrix.rows.indices.dropFirst(layout.start).prefix(layout.visible) {
                drawRow(matrix.rows[index], isSelected: index == content.selectedRow && content.focused, stepIndex: matrix.step,
                        columns: (nameWidth, cellWidth), y: y, look: look, into: &region)
                y += 1
            }
            if let selected = content.selectedRow, layout.detailRows > 1 {
                region.sectionTitle(matrix.rows[selected].name.rawValue, x: 0, y: y, width: area.width, theme: theme, glyphs: glyphs)
                for (offset, line) in layout.details.prefix(layout.detailRows - 1).enumerated() {
                    region.put(line.0, x: 0, y: y + 1 + offset, style: line.1)
                }
            }
        }
        let hidden = matrix.rows.count - layout.start - layout.visible
        let more = Viewport.hidden(before: layout.start, after: hidden)
        let keys = Keymap.keys(for: .togglePin, in: .whoKnows, .screen(glyphs)).first.map { ["\($0): pin"] } ?? []
        canvas.bottomLabel((more + keys).joined(separator: ", "), in: frame, style: theme.label)
    }

    /// `abP: I ✓  R ✓  KMS ✗  Eve ✗`: the step's value, in one line.
    static func drawHeadline(_ row: KnowledgeMatrix.Row, _ matrix: KnowledgeMatrix, y: Int, look: Look, into canvas: inout Canvas) {
        var x = canvas.put("\(row.name.rawValue):", x: 0, y: y, style: look.theme.title)
        for (column, party) in matrix.parties.enumerated() {
            let (mark, style) = Self.mark(row[column], stepIndex: matrix.step, look: look)
            x = canvas.put(" \(party.tag) ", x: x + 1, y: y, style: look.theme.title)
            x = canvas.put(mark, x: x, y: y, style: style)
        }
        if row.agreement == .different { canvas.put("  \(Self.differs(look.glyphs))", x: x, y: y, style: look.theme.error) }
    }

    /// `MPK  I 4fc01b…a3 ≠ R 577c9c…4c`: a pinned value as each holder holds it.
    static func drawPinned(_ row: KnowledgeMatrix.Row, _ matrix: KnowledgeMatrix, y: Int, width: Int, look: Look,
                           into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let holders = matrix.parties.indices.compactMap { column -> (String, [UInt8])? in
            guard case .knows(let values) = row[column], let latest = values.last else { return nil }
            return (matrix.parties[column].tag, latest.octets)
        }
        var x = canvas.put("\(glyphs.isASCII ? "*" : "◆") \(row.name.rawValue)", x: 0, y: y, style: theme.title)
        guard !holders.isEmpty else {
            canvas.put("  nobody holds it yet", x: x, y: y, style: theme.unknownValue)
            return
        }
        let room = max(8, (width - x - 2) / holders.count - (holders.map(\.0.count).max() ?? 0) - 4)
        for (index, holder) in holders.enumerated() {
            if index > 0 {
                // Each holder against the one before it: = when the octets match.
                let same = holders[index - 1].1 == holder.1
                let link = same ? " = " : (glyphs.isASCII ? " != " : " ≠ ")
                x = canvas.put(link, x: x, y: y, style: same ? theme.label : theme.error)
            } else {
                x += 2
            }
            x = canvas.put("\(holder.0) ", x: x, y: y, style: theme.label)
            x = canvas.put(ValueText.fitted(row.name, holder.1, width: room, glyphs: glyphs), x: x, y: y, style: theme.value)
        }
    }

    static func drawRow(_ row: KnowledgeMatrix.Row, isSelected: Bool, stepIndex: Int, columns: (name: Int, cell: Int), y: Int,
                        look: Look, into canvas: inout Canvas) {
        let theme = look.theme
        canvas.put(TextFit.end(row.name.rawValue, width: columns.name - 1, ellipsis: look.glyphs.ellipsis), x: 0, y: y,
                   style: isSelected ? theme.selection : theme.title)
        var x = columns.name
        for column in row.standings.indices {
            let (mark, style) = Self.mark(row[column], stepIndex: stepIndex, look: look)
            canvas.put(mark, x: x, y: y, style: style, maxWidth: columns.cell - 1)
            x += columns.cell
        }
        switch row.agreement {
        case .same: canvas.put("same value", x: x + 1, y: y, style: theme.label)
        case .different: canvas.put(Self.differs(look.glyphs), x: x + 1, y: y, style: theme.error)
        case .single: break
        }
    }

    /// `✓ 13` (learned at step 13; `✓ 13+` when it holds more than one), `✗`, `—`.
    static func mark(_ standing: KnowledgeMatrix.Standing, stepIndex: Int, look: Look) -> (String, Style) {
        let theme = look.theme, glyphs = look.glyphs
        switch standing {
        case .knows(let values):
            let step = values.last?.step ?? 0
            let text = "\(glyphs.passMark) \(step)" + (values.count > 1 ? "+" : "")
            return (text, step == stepIndex ? theme.newValue : theme.value)
        case .cannot: return (glyphs.failMark, theme.warning)
        case .notYet: return (glyphs.dash, theme.unknownValue)
        }
    }

    static func differs(_ glyphs: Glyphs) -> String { glyphs.isASCII ? "DIFFER" : "≠ differ" }

    /// Each party's standing on one value, in words: "R ✓ learned at step 11, computed:
    /// 042857…", "Eve ✗ cannot compute it: <the ledger's reason>", "KMS — not known yet".
    static func detailLines(_ row: KnowledgeMatrix.Row, _ matrix: KnowledgeMatrix, width: Int, look: Look) -> [(String, Style)] {
        let theme = look.theme, glyphs = look.glyphs
        let tagWidth = (matrix.parties.map(\.tag.count).max() ?? 1) + 1
        var lines = [(String, Style)]()
        for (column, party) in matrix.parties.enumerated() {
            let tag = party.tag.padding(toLength: tagWidth, withPad: " ", startingAt: 0)
            // Continuation lines start under the text, past the tag and the mark.
            let indent = String(repeating: " ", count: tagWidth + 2)
            switch row[column] {
            case .knows(let values):
                let latest = values[values.count - 1]   // Invariant: a `.knows` standing holds at least one value.
                let style = latest.step == matrix.step ? theme.newValue : theme.text
                if values.count == 1 {
                    let head = "\(tag)\(glyphs.passMark) learned at step \(latest.step), \(latest.source): "
                    let hex = ValueText.full(row.name, latest.octets)
                    if head.count + hex.count <= width {
                        lines.append((head + hex, style))
                    } else {
                        lines.append((String(head.dropLast()), style))
                        lines.append((indent + ValueText.fitted(row.name, latest.octets, width: width - indent.count, glyphs: glyphs), style))
                    }
                } else {
                    // A party holding several values of one name (a malicious KMS's two abP): each, with its step.
                    lines.append(("\(tag)\(glyphs.passMark) holds \(values.count) distinct values:", style))
                    for value in values {
                        let head = "\(indent)step \(value.step), \(value.source): "
                        lines.append((head + ValueText.fitted(row.name, value.octets, width: max(8, width - head.count), glyphs: glyphs),
                                      value.step == matrix.step ? theme.newValue : theme.text))
                    }
                }
            case .cannot(let why):
                let wrapped = TextWrap.lines("\(glyphs.failMark) cannot compute it: \(why)", width: max(10, width - indent.count))
                lines.append((tag + (wrapped.first ?? ""), theme.warning))
                lines += wrapped.dropFirst().map { (indent + $0, theme.warning) }
            case .notYet:
                lines.append(("\(tag)\(glyphs.dash) not known at this step", theme.unknownValue))
            }
        }
        return lines
    }
}
