import Network
import Primitives
import Scenarios
import TUI

/// The inspector: the decoded payload tree of the selected message, each field with
/// its offset, value in words and RFC section; or (`x`) its octets in hex, payload by
/// payload, the chosen field's octets highlighted in place. Non-MIKEY messages only
/// have the hex view. With its IBE layers opened as a party (`o`), the plaintext chain
/// follows each IBAKE or ESK payload (and its octets a section of their own in hex).
/// The third mode (`x` again) shows the SIP request or response that carries the
/// message, headers and SDP, the key-mgmt line's base64 shortened in the middle (PROFILE D23).
enum InspectorView {
    /// Draws `document` (the message put on the wire at `step`), scrolled, in the mode
    /// and with the chosen line `state` says.
    static func draw(in frame: Rect, document: InspectorDocument?, step: Int?, sip: SIPCarriageText? = nil,
                     state: InspectorState, focused: Bool, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let mode = document?.isMIKEY == false && state.mode != .sip ? .hex : state.mode
        // The party the layers are opened as goes first: a narrow frame cuts the title's end.
        var title = (focused ? "* " : "") + "Inspector" + (document?.openedAs.map { " as \($0)" } ?? "")
        if let document, let index = step {
            title += " \(glyphs.separator) \(document.name) (step \(index), \(document.octets.count) octets)"
        }
        let inner = canvas.frame(frame, title: title, style: focused ? theme.focusedBorder : theme.border,
                                 titleStyle: theme.title, glyphs: glyphs)
        let area = inner.inset(horizontal: 1, vertical: 0)
        guard !area.isEmpty else { return }
        guard let document else {
            // A mode run's set-up, before any message: the SIP view says where it went (PROFILE D23).
            if state.mode == .sip, let sip {
                let rows = sipRows(sip, width: area.width, ellipsis: glyphs.ellipsis)
                canvas.withRegion(area) { region in
                    for (y, row) in rows.prefix(area.height).enumerated() { row.draw(y: y, width: area.width, into: &region, look) }
                }
            } else {
                canvas.put("no message yet", x: area.x, y: area.y, style: theme.unknownValue)
            }
            return
        }
        let rows = mode == .sip
            ? sipRows(sip ?? .none("No SIP carriage is known for this message (PROFILE D23)."), width: area.width,
                      ellipsis: glyphs.ellipsis)
            : rows(document, mode: mode, width: area.width, selection: state.selection, guide: String(glyphs.vertical))
        let start = min(state.scroll, max(0, rows.count - area.height))
        canvas.withRegion(area) { region in
            for (y, row) in rows.dropFirst(start).prefix(area.height).enumerated() {
                row.draw(y: y, width: area.width, into: &region, look)
            }
        }
        let below = rows.count - start - area.height
        var label = Viewport.hidden(before: start, after: below)
        switch mode {
        case .sip: label.append("SIP, x: fields")
        case .fields where document.isMIKEY: label.append("fields, x: hex")
        case .hex where document.isMIKEY: label.append("hex, x: SIP")
        default: break
        }
        if document.hasIBELayers, mode != .sip { label.append(document.openedAs == nil ? "o: open" : "o: next") }
        if !label.isEmpty { canvas.bottomLabel(label.joined(separator: ", "), in: frame, style: theme.label) }
    }

    /// Where the rows go inside the inspector's frame (the border and a margin off).
    static func textArea(_ frame: Rect) -> Rect { frame.inset(by: 1).inset(horizontal: 1, vertical: 0) }

    /// One row of the inspector: up to three parts and a right-aligned reference.
    struct Row {
        enum Role { case offset, title, label, value, summary, error, note, selected }
        var parts: [(text: String, x: Int, role: Role)]
        var reference: String = ""
        /// It shows the chosen line, or some of its octets: scrolling keeps it in view.
        var isSelected = false
        /// The whole row is drawn as chosen (the field view's selection bar).
        var isBar = false
        /// The document line it shows (field view).
        var line: Int?
        /// A section's heading in the hex view (its name and size above its octets).
        var isHeading = false

        func draw(y: Int, width: Int, into canvas: inout Canvas, _ look: Look) {
            let theme = look.theme, glyphs = look.glyphs
            let showsReference = !reference.isEmpty && width >= 64
            let limit = showsReference ? width - reference.count - 1 : width
            if isBar { canvas.put(String(repeating: " ", count: width), x: 0, y: y, style: theme.selection) }
            for part in parts where part.x < limit {
                let style = isBar ? theme.selection : InspectorView.style(part.role, theme)
                canvas.put(TextFit.end(part.text, width: limit - part.x, ellipsis: glyphs.ellipsis), x: part.x, y: y, style: style)
            }
            if showsReference {
                canvas.put(reference, x: width - reference.count, y: y, style: isBar ? theme.selection : theme.unknownValue)
            }
        }
    }

    /// The style of a part of a row, by what it shows.
    static func style(_ role: Row.Role, _ theme: Theme) -> Style {
        switch role {
        case .offset, .note: theme.unknownValue
        case .title: theme.title
        case .label: theme.label
        case .value: theme.value
        case .summary: theme.narration
        case .error: theme.error
        case .selected: theme.selection
        }
    }

    /// The SIP view's rows: who sends the carrying message to whom, its start line, its
    /// headers, then its SDP body, the key-mgmt line's base64 shortened in the middle
    /// with `ellipsis` to fit `width` (0: in full); or why no SIP message carries it.
    static func sipRows(_ carriage: SIPCarriageText, width: Int, ellipsis: String = "…") -> [Row] {
        let noteRows = { (text: String) in (width > 0 ? TextWrap.lines(text, width: width) : [text]).map { Row(parts: [($0, 0, .note)]) } }
        guard case .carried(let message, let route, let notes) = carriage else {
            guard case .none(let reason) = carriage else { return [] }
            return [Row(parts: [("No SIP carriage", 0, .title)])] + noteRows(reason)
        }
        var rows = [Row(parts: [("SIP over UDP \(SIPCarriage.port), \(route) (PROFILE D23)", 0, .note)])] + notes.flatMap(noteRows)
        let lines = message.headerLines
        rows.append(Row(parts: [(lines[0], 0, .title)]))
        for line in lines.dropFirst() {
            let name = line.prefix { $0 != ":" }
            rows.append(Row(parts: [(String(name) + ":", 0, .label), (String(line.dropFirst(name.count + 2)), name.count + 2, .value)]))
        }
        guard let body = message.body else { return rows }
        rows.append(Row(parts: []))
        let prefix = SessionDescription.keyManagementPrefix
        for line in body.lines {
            guard line.hasPrefix(prefix) else {
                rows.append(Row(parts: [(line, 0, .summary)]))
                continue
            }
            let data = String(line.dropFirst(prefix.count))
            let room = width - prefix.count
            var shown = data
            if width > 0, data.count > room, room > ellipsis.count + 2 {
                let head = (room - ellipsis.count) / 2, tail = room - ellipsis.count - head
                shown = String(data.prefix(head)) + ellipsis + String(data.suffix(tail))
            }
            rows.append(Row(parts: [(prefix, 0, .label), (shown, prefix.count, .value)]))
        }
        return rows
    }

    /// The rows of `mode`: the field tree, or the octets in hex.
    static func rows(_ document: InspectorDocument, mode: InspectorState.Mode, width: Int,
                     selection: InspectorDocument.Line?, guide: String = "│") -> [Row] {
        document.isMIKEY && mode == .fields
            ? fieldRows(document, width: width, selection: selection, guide: guide)
            : hexRows(document, width: width, selection: selection)
    }

    /// The scroll that puts the chosen line (or, in hex, its first octets under their
    /// section's heading) on the top row, so what it holds shows below it; less near the
    /// end, where the rows run out.
    static func scroll(toTop selection: InspectorDocument.Line, in document: InspectorDocument, mode: InspectorState.Mode,
                       width: Int, height: Int) -> Int {
        let rows = rows(document, mode: mode, width: width, selection: selection)
        let first = rows.firstIndex(where: \.isSelected) ?? 0
        let top = first > 0 && rows[first - 1].isHeading ? first - 1 : first
        return min(top, max(0, rows.count - height))
    }

    /// The scroll that brings the chosen line (or, in hex, its first octets) into an
    /// area of `height` rows, moving as little as possible from `scroll`.
    static func scroll(showing selection: InspectorDocument.Line?, in document: InspectorDocument, mode: InspectorState.Mode,
                       width: Int, height: Int, from scroll: Int) -> Int {
        let rows = rows(document, mode: mode, width: width, selection: selection)
        let start = min(scroll, max(0, rows.count - height))
        guard let first = rows.firstIndex(where: \.isSelected), height > 0 else { return start }
        let last = rows.lastIndex(where: \.isSelected) ?? first
        if first < start { return first }
        if last >= start + height { return min(first, last - height + 1) }
        return start
    }
}
