import Scenarios
import TUI

/// Which messages the wire shows in a frame, shared by the view and by clicks.
struct WireRows {
    /// A header row of party tags above lifelines (large layout), or none (compact).
    let showsLanes: Bool
    /// Steps, up to the current one, that put a message on the wire.
    let messages: [Int]
    /// Index into `messages` of the first row shown.
    let start: Int
    /// Rows available for messages.
    let visible: Int

    /// `messages` in `frame`, scrolled to keep the `inspected` one on screen.
    init(messages: [Int], inspected: Int?, frame: Rect, compact: Bool) {
        let inner = frame.inset(by: 1)
        showsLanes = !compact && inner.width >= 50 && inner.height >= 4
        let visible = max(0, inner.height - (showsLanes ? 1 : 0))
        let kept = inspected.flatMap { messages.firstIndex(of: $0) }.map { $0...$0 }
        start = Viewport.start(count: messages.count, visible: visible, keep: kept)
        self.messages = messages
        self.visible = visible
    }

    /// The message step shown on `row` (0 = the first row inside the frame).
    func message(atRow row: Int) -> Int? {
        let index = start + row - (showsLanes ? 1 : 0)
        return row >= (showsLanes ? 1 : 0) && messages.indices.contains(index) ? messages[index] : nil
    }
}

extension AppState {
    /// The wire's rows in `frame`: the messages so far, scrolled to the inspected one.
    func wireRows(frame: Rect, compact: Bool) -> WireRows {
        WireRows(messages: model?.messageSteps(through: step) ?? [], inspected: inspectedStep, frame: frame, compact: compact)
    }
}

/// What the wire marks: the current step's message, the inspected one, and whether
/// the wire has focus (the inspected message is then reversed).
struct WireMarks {
    let current: Int
    let inspected: Int?
    let focused: Bool
}

/// The wire: every message so far as an arrow between the parties' lanes (a sequence
/// diagram), with its name, what has happened to it (tampered, replayed, dropped,
/// refused), its size and what it carries in the seed's notation.
enum WireView {
    static func draw(in frame: Rect, _ model: ScenarioModel, rows: WireRows, marks: WireMarks, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs, focused = marks.focused
        // A branch (issue 12) says so on the wire as well as in the status line.
        let whatIf = model.timeline.steps.contains(where: \.branch) ? "what if \(glyphs.separator) " : ""
        let title = (focused ? "* " : "") + "Wire \(glyphs.separator) \(whatIf)\(rows.messages.count) of \(model.messageSteps.count) messages"
        let inner = canvas.frame(frame, title: title, style: focused ? theme.focusedBorder : theme.border,
                                 titleStyle: theme.title, glyphs: glyphs)
        guard !inner.isEmpty else { return }
        canvas.withRegion(inner.inset(horizontal: 1, vertical: 0)) { region in
            if rows.messages.isEmpty {
                region.put("no message yet", x: 0, y: 0, style: theme.unknownValue)
                return
            }
            let lanes = Lanes(model: model, width: region.bounds.width, numbered: region.bounds.width >= 60)
            if rows.showsLanes { lanes.drawHeader(into: &region, look) }
            for row in 0..<min(rows.visible, rows.messages.count - rows.start) {
                let index = rows.messages[rows.start + row]
                let y = row + (rows.showsLanes ? 1 : 0)
                lanes.drawMessage(step: index, y: y, diagram: rows.showsLanes, marks: marks, into: &region, look)
            }
        }
        let later = rows.messages.count - rows.start - rows.visible
        let hidden = Viewport.hidden(before: rows.start, after: later, beforeWord: "earlier", afterWord: "later")
        if !hidden.isEmpty { canvas.bottomLabel(hidden.joined(separator: ", "), in: frame, style: theme.label) }
    }
}

/// Column positions of the wire: an optional step number, the lanes, the text.
struct Lanes {
    let model: ScenarioModel
    let numberWidth: Int
    let spacing: Int
    let width: Int

    init(model: ScenarioModel, width: Int, numbered: Bool) {
        self.model = model
        self.width = width
        numberWidth = numbered ? 3 : 0
        let gaps = max(1, model.lanes.count - 1)
        // Many lanes (group's seven) may come as close as three columns: the text beside
        // them needs the room more than the arrows do.
        spacing = min(12, max(model.lanes.count > 5 ? 3 : 4, width / 4 / gaps))
    }

    var lanesWidth: Int { spacing * max(1, model.lanes.count - 1) + 1 }
    func laneX(_ index: Int) -> Int { numberWidth + 1 + index * spacing }
    var textX: Int { numberWidth + 1 + lanesWidth + 2 }

    func drawHeader(into canvas: inout Canvas, _ look: Look) {
        for (index, party) in model.lanes.enumerated() {
            let x = laneX(index) - (party.tag.count - 1) / 2
            canvas.put(party.tag, x: x, y: 0, style: look.theme.title)
        }
    }

    func drawMessage(step index: Int, y: Int, diagram: Bool, marks: WireMarks, into canvas: inout Canvas, _ look: Look) {
        guard let message = model.step(index)?.message else { return }
        let theme = look.theme, glyphs = look.glyphs
        let isCurrent = index == marks.current
        let isSelected = index == marks.inspected && marks.focused
        if numberWidth > 0 {
            canvas.put(TextFit.right(String(index), width: numberWidth - 1), x: 0, y: y,
                       style: isSelected ? theme.selection : theme.unknownValue)
        }
        var textX = self.textX
        if diagram {
            for lane in model.lanes.indices {
                canvas.set(x: laneX(lane), y: y, glyphs.vertical, style: theme.border)
            }
            if let from = model.lanes.firstIndex(where: { $0.id == message.from }),
               let to = model.lanes.firstIndex(where: { $0.id == message.to }) {
                // Between the lifelines, so both stay visible: │────→│
                let step = to > from ? 1 : -1
                canvas.arrow(fromX: laneX(from) + step, toX: laneX(to) - step, y: y,
                             style: isCurrent ? theme.newValue : theme.wireArrow, glyphs: glyphs)
            }
        } else {
            let route = "\(model.tag(message.from))\(glyphs.arrowRight)\(model.tag(message.to))"
            canvas.put(route, x: numberWidth, y: y, style: isCurrent ? theme.newValue : theme.wireArrow)
            textX = numberWidth + max(route.count, 7) + 1
        }
        let nameStyle = isSelected ? theme.selection : (isCurrent ? theme.newValue : theme.title)
        var end = canvas.put(message.kind.name, x: textX, y: y, style: nameStyle, maxWidth: max(0, width - textX))
        // A message of a branch's own, sent after Eve acted: the main line never sent it.
        if model.step(index)?.branch == true {
            end = canvas.put(" ? what if", x: end, y: y, style: theme.warning, maxWidth: max(0, width - end))
        }
        // What happened to it so far, from the ledger: a mark and a word each.
        for mark in model.timeline.marks(ofMessageAt: index, through: marks.current) {
            let sign = mark == .refused ? glyphs.failMark : "!"
            end = canvas.put(" \(sign) \(mark.rawValue)", x: end, y: y, style: theme.warning, maxWidth: max(0, width - end))
        }
        // The size gives way first, then the identities in the notation; the values stay.
        let room = width - end
        let size = " \(message.octets.count) B  "
        let forms = WireNotation.forms(message.notation)
        let choices = forms.flatMap { notation in [(size, notation), ("  ", notation)] }
        let (shownSize, notation) = choices.first { $0.0.count + $0.1.count <= room } ?? ("  ", forms[forms.count - 1])
        let after = canvas.put(shownSize, x: end, y: y, style: theme.label, maxWidth: max(0, room))
        canvas.put(TextFit.end(notation, width: width - after, ellipsis: glyphs.ellipsis), x: after, y: y, style: theme.text)
    }
}
