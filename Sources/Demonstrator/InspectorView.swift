import Primitives
import TUI

/// The inspector: the decoded payload tree of the selected message, each field with
/// its offset, value in words and RFC section; or (`x`) its octets in hex, payload by
/// payload. Non-MIKEY messages only have the hex view.
enum InspectorView {
    /// Draws `document` (the message put on the wire at `step`), scrolled and in the
    /// mode `state` says.
    static func draw(in frame: Rect, document: InspectorDocument?, step: Int?, state: InspectorState, focused: Bool,
                     look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let mode = document?.isMIKEY == false ? .hex : state.mode
        var title = (focused ? "* " : "") + "Inspector"
        if let document, let index = step {
            title += " \(glyphs.separator) \(document.name) (step \(index), \(document.octets.count) octets)"
        }
        let inner = canvas.frame(frame, title: title, style: focused ? theme.focusedBorder : theme.border,
                                 titleStyle: theme.title, glyphs: glyphs)
        let area = inner.inset(horizontal: 1, vertical: 0)
        guard !area.isEmpty else { return }
        guard let document else {
            canvas.put("no message yet", x: area.x, y: area.y, style: theme.unknownValue)
            return
        }
        let rows = mode == .fields ? fieldRows(document, width: area.width) : hexRows(document, width: area.width)
        let start = min(state.scroll, max(0, rows.count - area.height))
        canvas.withRegion(area) { region in
            for (y, row) in rows.dropFirst(start).prefix(area.height).enumerated() {
                row.draw(y: y, width: area.width, into: &region, look)
            }
        }
        let below = rows.count - start - area.height
        var label = (start > 0 ? ["+\(start) above"] : []) + (below > 0 ? ["+\(below) more"] : [])
        if document.isMIKEY { label.append(mode == .fields ? "fields, x: hex" : "hex, x: fields") }
        if !label.isEmpty { canvas.bottomLabel(label.joined(separator: ", "), in: frame, style: theme.label) }
    }

    /// One row of the inspector: up to three parts and a right-aligned reference.
    struct Row {
        enum Role { case offset, title, label, value, summary, error, note }
        var parts: [(text: String, x: Int, role: Role)]
        var reference: String = ""

        func draw(y: Int, width: Int, into canvas: inout Canvas, _ look: Look) {
            let theme = look.theme, glyphs = look.glyphs
            let showsReference = !reference.isEmpty && width >= 64
            let limit = showsReference ? width - reference.count - 1 : width
            for part in parts where part.x < limit {
                let style: Style = switch part.role {
                case .offset, .note: theme.unknownValue
                case .title: theme.title
                case .label: theme.label
                case .value: theme.value
                case .summary: theme.narration
                case .error: theme.error
                }
                canvas.put(TextFit.end(part.text, width: limit - part.x, ellipsis: glyphs.ellipsis), x: part.x, y: y, style: style)
            }
            if showsReference { canvas.put(reference, x: width - reference.count, y: y, style: theme.unknownValue) }
        }
    }

    /// Deeper fields (the type, length and value octets of one policy parameter) are
    /// left to the hex view and `mikey-ibake decode`: their parent already reads them in words.
    static let deepestField = 2

    /// The decoded tree: `0084 IBAKE  IBAKE (...)`, its summary, then its fields.
    static func fieldRows(_ document: InspectorDocument, width: Int) -> [Row] {
        let nameColumn = min(32, max(18, width * 9 / 20))
        let shown = document.lines.filter {
            if case .field(let depth) = $0.kind { return depth <= deepestField }
            return true
        }
        return shown.map { line in
            let at = line.offset.map(Hex.offset) ?? ""
            switch line.kind {
            case .payload:
                return Row(parts: [(at, 0, .offset), (line.name, 5, .title), (line.value, 6 + line.name.count, .label)],
                           reference: line.reference)
            case .summary:
                return Row(parts: [(line.value, 7, .summary)])
            case .field(let depth):
                let x = 5 + 2 * depth
                return Row(parts: [(at, 0, .offset), (line.name, x, .label), (line.value, max(nameColumn, x + line.name.count + 1), .value)],
                           reference: line.reference)
            case .error:
                return Row(parts: [(at, 0, .offset), ("error: " + line.value, 5, .error)])
            }
        }
    }

    /// Octets in hex with their printable characters, section by section.
    static func hexRows(_ document: InspectorDocument, width: Int) -> [Row] {
        // 4 columns per octet (hex pair, space, character) after a 6-column offset.
        let perRow = min(16, max(4, (width - 7) / 4 / 4 * 4))
        var rows = [Row]()
        if !document.isMIKEY {
            rows.append(Row(parts: [("not a MIKEY message: its \(document.octets.count) octets as sent", 0, .note)]))
        }
        for section in document.sections {
            let range = section.range.clamped(to: 0..<document.octets.count)
            if document.isMIKEY {
                rows.append(Row(parts: [(Hex.offset(range.lowerBound), 0, .offset), (section.name, 5, .title),
                                        ("\(range.count) octets", 6 + section.name.count, .label)]))
            }
            var start = range.lowerBound
            while start < range.upperBound {
                let chunk = Array(document.octets[start..<min(start + perRow, range.upperBound)])
                let hex = chunk.map { Hex.encode([$0]) }.joined(separator: " ")
                let text = String(chunk.map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "." })
                rows.append(Row(parts: [(Hex.offset(start), 0, .offset), (hex, 6, .value), (text, 7 + perRow * 3, .summary)]))
                start += perRow
            }
        }
        return rows
    }
}
