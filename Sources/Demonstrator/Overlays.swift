import Primitives
import Scenarios
import TUI

/// A box drawn over the screen, cleared first so the panes do not show through.
enum OverlayBox {
    /// Centred, at most `width` x `height`, inside the screen less its status line.
    static func rect(size: Size, width: Int, height: Int) -> Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(0, size.height - 1)).centered(width: width, height: height)
    }

    /// Clears and frames `box`; returns the inside with a one-column margin.
    static func draw(_ box: Rect, title: String, look: Look, into canvas: inout Canvas) -> Rect {
        canvas.fill(box, style: look.theme.text)
        let inner = canvas.frame(box, title: title, style: look.theme.focusedBorder, titleStyle: look.theme.title,
                                 glyphs: look.glyphs)
        return inner.inset(horizontal: 1, vertical: 0)
    }
}

/// `?`: every key of the screen under it (from `Keymap`), and how to read the screen.
enum HelpOverlay {
    static func notes(_ glyphs: Glyphs) -> [String] {
        [
            "a, b: the ephemeral secrets; aP, bP, abP: the Diffie-Hellman values (RFC 6267 writes x, y).",
            "IBE_R(...) is encrypted to R's identity. + marks what became known at this step, \(glyphs.failMark) what cannot be computed, \(glyphs.dash) not known yet.",
        ]
    }

    /// The keys of `contexts` (the screen under the overlay) and how to read the screen.
    /// The box and the rows of keys it has room for at `size`.
    static func geometry(keys: Int, notes: Int, size: Size) -> (box: Rect, rows: Int, withNotes: Bool) {
        let width = min(size.width - 2, 88)
        let withNotes = keys + notes + 3 <= size.height - 2
        let box = OverlayBox.rect(size: size, width: width, height: keys + 2 + (withNotes ? notes + 1 : 0))
        return (box, max(0, box.height - 2), withNotes)
    }

    /// How far the list scrolls on a screen of `size` (0 when it fits).
    static func maxScroll(keysOf contexts: [KeyContext], size: Size) -> Int {
        let keys = Keymap.helpEntries(for: contexts, .unicode).count
        return max(0, keys - geometry(keys: keys, notes: 0, size: size).rows)
    }

    static func draw(keysOf contexts: [KeyContext], scroll: Int = 0, look: Look, into canvas: inout Canvas) {
        let size = canvas.size, glyphs = look.glyphs, theme = look.theme
        let keys = Keymap.helpEntries(for: contexts, glyphs)
        let column = max(20, (keys.map(\.key.count).max() ?? 0) + 2)
        let width = min(size.width - 2, 88)
        let noteLines = notes(glyphs).flatMap { TextWrap.lines($0, width: width - 4) }
        let (box, rows, withNotes) = geometry(keys: keys.count, notes: noteLines.count, size: size)
        let inner = OverlayBox.draw(box, title: "Help \(glyphs.separator) keys", look: look, into: &canvas)
        // A low screen shows part of the list: Up/Down scroll it, and the edge says how much is where.
        let start = min(max(0, scroll), max(0, keys.count - rows))
        let below = max(0, keys.count - start - rows)
        let more = Viewport.hidden(before: start, after: below, afterWord: "below")
        if !more.isEmpty {
            let arrows = glyphs.isASCII ? "Up/Down" : "↑↓"
            canvas.bottomLabel(TextFit.end(more.joined(separator: ", ") + ": \(arrows)", width: box.width - 6, ellipsis: glyphs.ellipsis),
                               in: box, style: theme.label)
        }
        canvas.withRegion(inner) { region in
            for (y, entry) in keys.dropFirst(start).prefix(rows).enumerated() {
                region.put(entry.key, x: 0, y: y, style: theme.keyHint)
                region.put(TextFit.end(entry.action, width: region.bounds.width - column, ellipsis: glyphs.ellipsis), x: column, y: y,
                           style: theme.text)
            }
            guard withNotes else { return }
            for (i, line) in noteLines.enumerated() {
                region.put(line, x: 0, y: keys.count + 1 + i, style: theme.narration)
            }
        }
    }
}

/// `s`: every scenario with its one-line summary; Enter switches.
enum ScenarioMenuOverlay {
    static func box(size: Size) -> Rect {
        OverlayBox.rect(size: size, width: min(size.width - 2, 110), height: ScenarioName.ibakeScenarios.count + 4)
    }

    /// The entry on screen row `y`, if any.
    static func entry(atY y: Int, size: Size) -> Int? {
        let index = y - box(size: size).y - 1
        return ScenarioName.ibakeScenarios.indices.contains(index) ? index : nil
    }

    /// The menu with entry `selected` chosen, `current` marked (the scenario on screen),
    /// and the scenarios that could not be built shown with their reason.
    static func draw(selected: Int, current: ScenarioName, unavailable: [ScenarioName: String], look: Look,
                     into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let inner = OverlayBox.draw(box(size: canvas.size), title: "Scenarios", look: look, into: &canvas)
        canvas.withRegion(inner) { region in
            let width = region.bounds.width
            for (y, name) in ScenarioName.ibakeScenarios.enumerated() {
                let isSelected = y == selected
                let mark = name == current ? "*" : " "
                region.put(mark, x: 0, y: y, style: theme.keyHint)
                region.put(name.rawValue, x: 2, y: y, style: isSelected ? theme.selection : theme.title)
                var summary = name.summary, style = theme.text
                if let reason = unavailable[name] {
                    summary = "unavailable: \(reason)"
                    style = theme.error
                }
                region.put(TextFit.end(summary, width: width - 19, ellipsis: glyphs.ellipsis), x: 19, y: y, style: style)
            }
            let hint = Keymap.overlayHint(.scenarioMenu, .screen(glyphs))
            region.put(TextFit.end(hint, width: width, ellipsis: glyphs.ellipsis), x: 0, y: ScenarioName.ibakeScenarios.count + 1,
                       style: theme.label)
        }
    }
}

/// `v`: the selected value in full, with its provenance; or why it is out of reach.
enum ValueDetailOverlay {
    /// `line` of `party`'s pane in full: a value it holds, or why it cannot compute one.
    static func draw(party: Party, line: PaneLine, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let size = canvas.size
        let width = min(size.width - 4, 96)
        let textWidth = width - 4
        var rows: [(String, Style)] = []
        let title: String
        switch line.kind {
        case .value(let name, let known?, _), .readable(let name, let known?, _, _):
            title = "\(name.rawValue) \(glyphs.separator) held by \(party.name)"
            rows.append(("learned at step \(known.step), \(known.source); \(known.octets.count) octets, "
                         + (name.isSecret ? "secret" : "public"), theme.label))
            rows.append(("", theme.text))
            if ValueOrder.isText(name) {
                rows += TextWrap.lines(ValueText.full(name, known.octets), width: textWidth).map { ($0, theme.value) }
                rows.append(("", theme.text))
            }
            rows += hexLines(known.octets, width: textWidth).map { ($0, name.isSecret ? theme.secret : theme.value) }
        case .cannot(let name, let why):
            title = "\(name.rawValue) \(glyphs.separator) out of reach for \(party.name)"
            rows.append(("\(party.name) cannot compute \(name.rawValue):", theme.warning))
            rows += TextWrap.lines(why, width: textWidth).map { ($0, theme.text) }
        default:
            return
        }
        let maxRows = size.height - 5
        if rows.count > maxRows { rows = Array(rows.prefix(maxRows - 1)) + [(glyphs.ellipsis, theme.label)] }
        let inner = OverlayBox.draw(OverlayBox.rect(size: size, width: width, height: rows.count + 4), title: title,
                                    look: look, into: &canvas)
        canvas.withRegion(inner.inset(top: 1, left: 0, bottom: 0, right: 0)) { region in
            for (y, row) in rows.enumerated() { region.put(row.0, x: 0, y: y, style: row.1) }
        }
    }

    /// Hex in groups of four octets, as many groups per line as fit.
    static func hexLines(_ octets: [UInt8], width: Int) -> [String] {
        let groups = stride(from: 0, to: octets.count, by: 4).map { start in
            Hex.encode(Array(octets[start..<min(start + 4, octets.count)]))
        }
        let perLine = max(1, (width + 1) / 9)
        return stride(from: 0, to: groups.count, by: perLine).map { groups[$0..<min($0 + perLine, groups.count)].joined(separator: " ") }
    }
}

/// `:`: a one-line prompt for a step, with the forms it takes and, after a miss, why.
enum GoToOverlay {
    static func draw(text: String, error: String?, stepCount: Int, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let size = canvas.size
        let width = min(size.width - 4, 76)
        let forms = TextWrap.lines("1 to \(stepCount), first, last, send:MESSAGE, receive:MESSAGE, action:ACTION; #N for the N-th",
                                   width: width - 4)
        let problem = error.map { TextWrap.lines($0, width: width - 4) } ?? []
        let inner = OverlayBox.draw(OverlayBox.rect(size: size, width: width, height: 4 + forms.count + problem.count),
                                    title: "Go to step", look: look, into: &canvas)
        canvas.withRegion(inner) { region in
            let end = region.put("step: ", x: 0, y: 0, style: theme.label)
            let shown = TextFit.end(text, width: max(1, region.bounds.width - end - 1), ellipsis: glyphs.ellipsis)
            let cursor = region.put(shown, x: end, y: 0, style: theme.value)
            region.put(glyphs.isASCII ? "_" : "▏", x: cursor, y: 0, style: theme.keyHint)
            for (offset, line) in forms.enumerated() { region.put(line, x: 0, y: 1 + offset, style: theme.label) }
            for (offset, line) in problem.enumerated() { region.put(line, x: 0, y: 1 + forms.count + offset, style: theme.error) }
            let hint = Keymap.overlayHint(.goTo, .screen(glyphs))
            region.put(TextFit.end(hint, width: region.bounds.width, ellipsis: glyphs.ellipsis), x: 0,
                       y: 1 + forms.count + problem.count, style: theme.keyHint)
        }
    }
}
