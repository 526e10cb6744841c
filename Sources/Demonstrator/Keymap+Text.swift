import TUI

// The keymap as text: the help overlay's lines, the status-line hints, the commands'
// `--help` and the README's Markdown table.
extension Keymap {
    /// How key names are written: on screen (arrows as glyphs), in Markdown (characters
    /// as code), or as plain words for `--help`.
    public enum Style: Sendable {
        case screen(Glyphs)
        case markdown
        case text
    }

    /// "Space", "Shift-Tab", "→" (or "Right"), "`l`".
    public static func name(_ key: Key, _ style: Style) -> String {
        switch key {
        case .right: if case .screen(let glyphs) = style { return glyphs.arrowRight } else { return "Right" }
        case .left: if case .screen(let glyphs) = style { return glyphs.arrowLeft } else { return "Left" }
        case .character(" "): return "Space"
        case .character(let c): if case .markdown = style { return "`\(c)`" } else { return String(c) }
        case .up: return "Up"
        case .down: return "Down"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-\(c.uppercased())"
        }
    }

    /// A row's keys: "g Home  G End" on screen, "`g` Home / `G` End" in Markdown.
    public static func label(_ row: KeyRow, _ style: Style) -> String {
        let separator = if case .markdown = style { " / " } else { "  " }
        return row.bindings.map { $0.keys.map { name($0, style) }.joined(separator: " ") }.joined(separator: separator)
    }

    /// A row's status-line hint: "Tab focus", "f/r/d cases", "←→ step"; its `toggled`
    /// text when its action is among `toggled`.
    public static func hintText(_ row: KeyRow, _ style: Style, toggled: Set<KeyAction> = []) -> String? {
        guard let hint = row.hint else { return nil }
        let keys = hint.keys ?? Array(row.keys.prefix(1))
        let joiner = if case .screen = style { hint.joiner } else { "/" }
        let on = row.bindings.contains { toggled.contains($0.action) }
        return keys.map { name($0, style) }.joined(separator: joiner) + " " + (on ? hint.toggled ?? hint.text : hint.text)
    }

    /// The hint of the row that binds `action` in `context` ("Enter next"), for lines
    /// that name single keys.
    static func hint(for action: KeyAction, in context: KeyContext, _ style: Style) -> String {
        guard let row = rows(in: context).first(where: { $0.bindings.contains { $0.action == action } }) else { return "" }
        return hintText(row, style) ?? ""
    }

    /// The names of the keys bound to `action` in `context`: ["g", "Home"].
    static func keys(for action: KeyAction, in context: KeyContext, _ style: Style) -> [String] {
        rows(in: context).flatMap(\.bindings).filter { $0.action == action }.flatMap(\.keys).map { name($0, style) }
    }

    /// The status line's key hints for `contexts`, longest first: the rows of rank up
    /// to 3, 2, 1, then 0 (help and quit), each line ending in a space. Presenter mode
    /// keeps the rows marked `presenting`. The actions in `toggled` are on: their hints
    /// say how to turn them off, at rank 0 (what hides part of the screen says how to
    /// bring it back, on any screen).
    public static func hintLines(for contexts: [KeyContext], _ style: Style, toggled: Set<KeyAction> = []) -> [String] {
        let presenting = contexts.contains(.presenter)
        let hinted = visibleRows(in: contexts).filter { row in row.hint.map { !presenting || $0.presenting } ?? false }
        func rank(_ row: KeyRow) -> Int { row.bindings.contains { toggled.contains($0.action) } ? 0 : row.hint?.rank ?? 0 }
        var lines = [String]()
        for limit in [3, 2, 1, 0] {
            let line = hinted.filter { rank($0) <= limit }.compactMap { hintText($0, style, toggled: toggled) }
                .map { $0 + "  " }.joined().dropLast()
            if lines.last != String(line) { lines.append(String(line)) }
        }
        return lines
    }

    /// An overlay's own keys as one line ("Up/Down choose  Enter switch ...  Esc close"),
    /// without those that work everywhere.
    static func overlayHint(_ context: KeyContext, _ style: Style) -> String {
        rows(in: context).filter { $0.contexts.count < KeyContext.allCases.count }
            .compactMap { hintText($0, style) }.joined(separator: "  ")
    }

    /// The help overlay's lines for the screen under it (`KeyContext.screen`): `(keys,
    /// what they do)`, the help's own keys first where both bind a key, clicks last.
    public static func helpEntries(for screen: [KeyContext], _ glyphs: Glyphs) -> [(key: String, action: String)] {
        visibleRows(in: [.help] + screen).map { (label($0, .screen(glyphs)), $0.help) }
            + clicks(in: screen).map { ("click", $0.help) }
    }

    /// The main keys of `context` in a sentence, for a command's `--help`:
    /// "Left/Right step, Tab focus, ..., q quit".
    public static func summary(_ context: KeyContext) -> String {
        let line = hintLines(for: [context], .text).first ?? ""
        return line.dropLast().replacingOccurrences(of: "  ", with: ", ")
    }

    /// Every row and click as the README's Markdown table: keys, what they do, where.
    public static func markdownTable() -> String {
        func place(_ contexts: [KeyContext]) -> String {
            contexts.count == KeyContext.allCases.count ? "everywhere" : contexts.map(\.title).joined(separator: ", ")
        }
        let keyLines = rows.map { "| \(label($0, .markdown)) | \($0.help) | \(place($0.contexts)) |" }
        let clickLines = clicks.map { "| click | \($0.help) | \(place($0.contexts)) |" }
        return (["| keys | what they do | where |", "|---|---|---|"] + keyLines + clickLines).joined(separator: "\n") + "\n"
    }
}
