// Drawing primitives. All coordinates are relative to the current region and every
// primitive clips to it, so a renderer can draw a long line into a narrow pane and
// trust the pane's border to survive.

extension Canvas {
    /// Writes one line of `text` starting at (x, y), at most `maxWidth` columns
    /// (as `TextWidth` counts them: a wide character takes two cells, a lone
    /// combining mark or format character none and is left out).
    /// Text is never wrapped; what falls outside the region is dropped.
    /// Returns the column just after the last character written (or that would have been).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int = .max) -> Int {
        var column = x
        for character in text {
            let width = TextWidth.columns(character)
            if column - x + max(width, 1) > maxWidth { break }
            switch width {
            case 0: continue
            case 1: set(x: column, y: y, character, style: style)
            default: setWide(x: column, y: y, character, style: style)
            }
            column += width
        }
        return column
    }

    /// Writes `text` in exactly `width` columns: shortened in the middle with the
    /// glyph set's ellipsis when too long (`0a1b…e9f0`), padded with spaces in
    /// `style` when short, so a highlighted value keeps a steady width.
    public mutating func putShortened(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain, glyphs: Glyphs) {
        guard width > 0 else { return }
        let fitted = TextFit.middle(text, width: width, ellipsis: glyphs.ellipsis)
        let end = put(fitted, x: x, y: y, style: style)
        if end < x + width { put(String(repeating: " ", count: x + width - end), x: end, y: y, style: style) }
    }

    /// Fills `rect` (the whole region when nil) with `character` in `style`.
    public mutating func fill(_ rect: Rect? = nil, with character: Character = " ", style: Style = .plain) {
        let area = rect ?? bounds
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { set(x: x, y: y, character, style: style) }
        }
    }

    /// Sets the style of every cell in `rect` (the whole region when nil), keeping the characters.
    public mutating func restyle(_ rect: Rect? = nil, to style: Style) {
        let area = rect ?? bounds
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { restyle(x: x, y: y) { $0 = style } }
        }
    }

    /// A horizontal line of `length` cells starting at (x, y).
    public mutating func horizontalRule(x: Int, y: Int, length: Int, style: Style = .plain, glyphs: Glyphs) {
        guard length > 0 else { return }
        for column in x..<(x + length) { set(x: column, y: y, glyphs.horizontal, style: style) }
    }

    /// A vertical line of `length` cells starting at (x, y).
    public mutating func verticalRule(x: Int, y: Int, length: Int, style: Style = .plain, glyphs: Glyphs) {
        guard length > 0 else { return }
        for row in y..<(y + length) { set(x: x, y: row, glyphs.vertical, style: style) }
    }

    /// A frame along the edge of `rect` with an optional title in the top edge
    /// (`┌─ Title ─┐`), shortened at the end when the frame is narrow and left out
    /// when not even one character and the ellipsis fit. A frame one cell high or wide degrades
    /// to a rule. Returns the inside of the frame.
    @discardableResult
    public mutating func frame(
        _ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil, glyphs: Glyphs
    ) -> Rect {
        guard !rect.isEmpty else { return rect }
        if rect.height == 1 {
            horizontalRule(x: rect.x, y: rect.y, length: rect.width, style: style, glyphs: glyphs)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        if rect.width == 1 {
            verticalRule(x: rect.x, y: rect.y, length: rect.height, style: style, glyphs: glyphs)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        horizontalRule(x: rect.x + 1, y: rect.y, length: rect.width - 2, style: style, glyphs: glyphs)
        horizontalRule(x: rect.x + 1, y: bottom, length: rect.width - 2, style: style, glyphs: glyphs)
        verticalRule(x: rect.x, y: rect.y + 1, length: rect.height - 2, style: style, glyphs: glyphs)
        verticalRule(x: right, y: rect.y + 1, length: rect.height - 2, style: style, glyphs: glyphs)
        set(x: rect.x, y: rect.y, glyphs.topLeft, style: style)
        set(x: right, y: rect.y, glyphs.topRight, style: style)
        set(x: rect.x, y: bottom, glyphs.bottomLeft, style: style)
        set(x: right, y: bottom, glyphs.bottomRight, style: style)

        // Title layout: corner, one rule cell, space, TEXT, space, at least one rule cell, corner.
        if let title, !title.isEmpty {
            let room = rect.width - 6
            if Self.labelFits(title, in: room, glyphs: glyphs) {
                let text = TextFit.end(title, width: room, ellipsis: glyphs.ellipsis)
                put(" \(text) ", x: rect.x + 2, y: rect.y, style: titleStyle ?? style)
            }
        }
        return rect.inset(by: 1)
    }

    /// An arrow along row `y` from column `fromX` to column `toX` (the head sits on
    /// `toX`, pointing away from `fromX`), with an optional `label` centred on it:
    /// `──── I_MESSAGE_1 ───→`. The label is shortened at the end to fit.
    public mutating func arrow(
        fromX: Int, toX: Int, y: Int, label: String? = nil,
        style: Style = .plain, labelStyle: Style? = nil, glyphs: Glyphs
    ) {
        let left = min(fromX, toX), length = abs(toX - fromX) + 1
        guard length >= 2 else {
            set(x: toX, y: y, toX >= fromX ? glyphs.arrowHeadRight : glyphs.arrowHeadLeft, style: style)
            return
        }
        horizontalRule(x: left, y: y, length: length, style: style, glyphs: glyphs)
        if toX > fromX {
            set(x: toX, y: y, glyphs.arrowHeadRight, style: style)
        } else {
            set(x: toX, y: y, glyphs.arrowHeadLeft, style: style)
        }
        // Keep one rule cell at each end besides the head, and a space around the label.
        guard let label, !label.isEmpty else { return }
        let room = length - 4 - 2
        guard Self.labelFits(label, in: room, glyphs: glyphs) else { return }
        let text = " " + TextFit.end(label, width: room, ellipsis: glyphs.ellipsis) + " "
        let start = left + (length - TextWidth.columns(text)) / 2
        put(text, x: start, y: y, style: labelStyle ?? style)
    }

    /// A title or label is shown whole, or shortened to at least one character
    /// plus the ellipsis; a lone ellipsis would only be noise.
    static func labelFits(_ text: String, in room: Int, glyphs: Glyphs) -> Bool {
        room >= min(TextWidth.columns(text), TextWidth.columns(glyphs.ellipsis) + 1)
    }
}
