import Primitives
import Scenarios

// The inspector's two row layouts: the field tree and the hex dump.
extension InspectorView {
    /// The decoded tree: `0084 IBAKE  IBAKE (...)`, its summary, then its fields; an
    /// opened layer's lines indented below its payload, behind a `guide` line.
    static func fieldRows(_ document: InspectorDocument, width: Int, selection: InspectorDocument.Line?,
                          guide: String = "│") -> [Row] {
        let nameColumn = min(32, max(18, width * 9 / 20))
        var rows = [Row]()
        // A shut layer's reason scrolls into view with its chosen first line.
        var chosenAbove = false
        for index in document.shownLines {
            let line = document.lines[index]
            let at = line.offset.map(Hex.offset) ?? ""
            let inset = 2 * line.indent
            var parts: [(text: String, x: Int, role: Row.Role)]
            switch line.kind {
            case .payload:
                parts = [(at, 0, .offset), (line.name, 5 + inset, .title), (line.value, 6 + inset + line.name.count, .label)]
            case .summary:
                parts = [(line.value, 7 + inset, .summary)]
            case .field(let depth):
                let x = 5 + 2 * depth + inset
                parts = [(at, 0, .offset), (line.name, x, .label), (line.value, max(nameColumn + inset, x + line.name.count + 1), .value)]
            case .error:
                parts = [(at, 0, .offset), ("error: " + line.value, 5 + inset, .error)]
            case .layer(let opened):
                parts = [(at, 0, .offset), (line.name, 5 + inset, .title), (line.value, 6 + inset + line.name.count, opened ? .value : .error)]
            case .note:
                // The reason a layer stays shut, whole: wrapped, not cut.
                for text in TextWrap.lines(line.value, width: max(8, width - 7 - inset)) {
                    rows.append(Row(parts: guided([(text, 7 + inset, .summary)], line, guide), isSelected: chosenAbove))
                }
                continue
            }
            let chosen = selection == line
            chosenAbove = chosen
            rows.append(Row(parts: guided(parts, line, guide), reference: line.reference, isSelected: chosen, isBar: chosen,
                            line: index))
        }
        return rows
    }

    /// An opened layer's lines carry a guide between the offset and the names.
    private static func guided(_ parts: [(text: String, x: Int, role: Row.Role)], _ line: InspectorDocument.Line,
                               _ guide: String) -> [(text: String, x: Int, role: Row.Role)] {
        line.indent > 0 ? [(guide, 5, .note)] + parts : parts
    }

    /// Octets in hex with their printable characters, section by section (an opened
    /// layer's plaintext last); the chosen line's octets highlighted in both columns.
    static func hexRows(_ document: InspectorDocument, width: Int, selection: InspectorDocument.Line?) -> [Row] {
        // 4 columns per octet (hex pair, space, character) after a 6-column offset.
        let perRow = min(16, max(4, (width - 7) / 4 / 4 * 4))
        var rows = [Row]()
        if !document.isMIKEY {
            rows.append(Row(parts: [("not a MIKEY message: its \(document.octets.count) octets as sent", 0, .note)]))
        }
        for section in document.sections {
            let octets = document.octets(of: section.buffer)
            let range = section.range.clamped(to: 0..<octets.count)
            let highlight = selection.flatMap { $0.buffer == section.buffer ? $0.octets : nil }
            if document.isMIKEY {
                rows.append(Row(parts: [(Hex.offset(range.lowerBound), 0, .offset), (section.name, 5, .title),
                                        ("\(range.count) octets", 6 + section.name.count, .label)], isHeading: true))
            }
            var start = range.lowerBound
            while start < range.upperBound {
                let end = min(start + perRow, range.upperBound)
                let chunk = Array(octets[start..<end])
                var row = Row(parts: [(Hex.offset(start), 0, .offset), (hex(chunk), 6, .value), (text(chunk), 7 + perRow * 3, .summary)])
                if let chosen = highlight?.clamped(to: start..<end), !chosen.isEmpty {
                    let first = chosen.lowerBound - start, part = Array(octets[chosen])
                    row.parts += [(hex(part), 6 + 3 * first, .selected), (text(part), 7 + perRow * 3 + first, .selected)]
                    row.isSelected = true
                }
                rows.append(row)
                start = end
            }
        }
        return rows
    }

    private static func hex(_ octets: [UInt8]) -> String { octets.map { Hex.encode([$0]) }.joined(separator: " ") }

    private static func text(_ octets: [UInt8]) -> String {
        String(octets.map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "." })
    }
}
