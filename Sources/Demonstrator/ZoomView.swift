import Scenarios
import TUI

/// Presenter zoom (`z`): the focused party's pane, or the message on the wire, over
/// the whole upper screen with a block-font headline, for a projector.
enum ZoomView {
    static func draw(in area: Rect, _ context: ViewContext, into canvas: inout Canvas) {
        let state = context.state, theme = context.theme, glyphs = context.glyphs
        guard let model = state.model else { return }
        let inner = canvas.frame(area, title: "Presenter zoom \(glyphs.separator) z or Esc to leave", style: theme.border,
                                 titleStyle: theme.title, glyphs: glyphs)
        guard inner.height >= 3 else { return }
        if case .party(let id) = state.focus, let party = state.visiblePanes.first(where: { $0.id == id }) {
            drawParty(party, in: inner, context, into: &canvas)
        } else if let index = state.inspectedStep, let message = model.step(index)?.message {
            drawMessage(message, step: index, model, in: inner, context, into: &canvas)
        } else {
            canvas.headline("NO MESSAGE YET", in: inner, style: theme.headline, glyphs: glyphs)
        }
    }

    /// The headline rows (the block font and a blank line) when there is room for them.
    private static func headlineRows(_ area: Rect) -> Int { area.height >= 16 ? BlockFont.glyphHeight + 2 : 1 }

    private static func drawParty(_ party: Party, in area: Rect, _ context: ViewContext, into canvas: inout Canvas) {
        let theme = context.theme
        let top = headlineRows(area)
        canvas.headline(party.name, in: area.top(top - (top > 1 ? 1 : 0)).inset(top: top > 1 ? 1 : 0), style: theme.headline,
                        glyphs: context.glyphs)
        let lines = PaneContent.lines(for: party, in: context.state)
        let column = area.inset(top: top + 1, left: 0, bottom: 0, right: 0)
            .centered(width: min(area.width - 4, 100), height: area.height - top - 1)
        if let identity = party.identity {
            canvas.put(identity, x: area.x + (area.width - identity.count) / 2, y: area.y + top, style: theme.label)
        }
        // Double spacing when it fits: easier to read from the back of a room.
        let spacing = lines.count * 2 <= column.height ? 2 : 1
        let visible = column.height / spacing
        let start = Viewport.start(count: lines.count, visible: visible,
                                   keep: context.state.keptLines(in: lines, party: party.id))
        let nameWidth = PaneView.nameWidth(lines, width: column.width)
        canvas.withRegion(column) { region in
            for row in 0..<min(visible, lines.count - start) {
                LineView(line: lines[start + row], width: column.width, nameWidth: nameWidth, isSelected: false,
                         context: context).draw(y: row * spacing, into: &region)
            }
        }
    }

    private static func drawMessage(_ message: WireMessage, step index: Int, _ model: ScenarioModel, in area: Rect,
                                    _ context: ViewContext, into canvas: inout Canvas) {
        let theme = context.theme, glyphs = context.glyphs
        let top = headlineRows(area)
        canvas.headline(message.name, in: area.top(top - (top > 1 ? 1 : 0)).inset(top: top > 1 ? 1 : 0),
                        style: theme.headline, glyphs: glyphs)
        // Centred: who sends to whom, the size, and what it carries.
        let centred: [(String, Style)] = [
            ("\(model.tag(message.from)) \(glyphs.arrowRight) \(model.tag(message.to))   \(message.octets.count) octets   step \(index)",
             theme.title),
            ("", theme.text),
            (message.notation, theme.newValue),
            ("", theme.text),
        ]
        // Then one line per payload, read in words, as a left-aligned block.
        var payloads = [(name: String, summary: String)]()
        if let document = model.inspector[index], document.isMIKEY {
            for (offset, line) in document.lines.enumerated() where line.kind == .payload {
                let next = document.lines.indices.contains(offset + 1) ? document.lines[offset + 1] : nil
                payloads.append((line.name, next?.kind == .summary ? next?.value ?? "" : line.value))
            }
        } else {
            payloads.append(("", "not a MIKEY message: \(message.octets.count) octets as sent"))
        }
        let column = area.inset(top: top, left: 2, bottom: 0, right: 2)
        canvas.withRegion(column) { region in
            let width = region.bounds.width
            for (y, row) in centred.prefix(region.bounds.height).enumerated() {
                let text = TextFit.end(row.0, width: width, ellipsis: glyphs.ellipsis)
                region.put(text, x: max(0, (width - text.count) / 2), y: y, style: row.1)
            }
            let nameWidth = (payloads.map(\.name.count).max() ?? 0) + 2
            let block = min(width, nameWidth + (payloads.map(\.summary.count).max() ?? 0))
            let x = max(0, (width - block) / 2)
            for (i, payload) in payloads.enumerated() where centred.count + i < region.bounds.height {
                let y = centred.count + i
                region.put(payload.name, x: x, y: y, style: theme.label)
                region.put(TextFit.end(payload.summary, width: block - nameWidth, ellipsis: glyphs.ellipsis), x: x + nameWidth, y: y,
                           style: theme.text)
            }
        }
    }
}
