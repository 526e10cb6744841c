/// The cell grid of an SVG image: each canvas cell is `cellWidth` x `cellHeight`
/// pixels, the text a `fontSize` monospace font whose advance (0.6 em in the usual
/// monospace fonts) is one cell. `textLength` pins every run to its cells, so a font
/// with another advance still lines the boxes up.
public enum SVGGrid {
    /// 8.4 px, in tenths so that coordinates print without rounding noise.
    public static let cellWidthTenths = 84
    public static let cellHeight = 17
    public static let fontSize = 14
    /// From a row's top to the text's baseline.
    public static let baseline = 13
    public static let fontFamily = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"

    /// `tenths` / 10 as SVG writes a length: `84` -> `8.4`, `840` -> `84`.
    static func length(tenths: Int) -> String {
        tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// The x of column `column`.
    static func x(_ column: Int) -> String { length(tenths: column * cellWidthTenths) }
}

extension Canvas {
    /// The canvas as a standalone SVG image, for slides: a background, one rectangle per
    /// style run that has a background of its own, and one `<text>` per style run that
    /// holds more than spaces, in `palette`'s colours, bold, dim (as opacity) and
    /// underline as the style says. A double-width character takes two cells. Pure: the
    /// same canvas always gives the same text.
    ///
    /// - Parameter title: the image's `<title>` (what a screen reader or a file browser shows).
    public func svg(title: String? = nil, palette: SVGPalette = .standard) -> String {
        let width = SVGGrid.x(size.width), height = "\(size.height * SVGGrid.cellHeight)"
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" "#
                + #"font-family="\#(SVGMarkup.escape(SVGGrid.fontFamily))" font-size="\#(SVGGrid.fontSize)" xml:space="preserve">"#,
        ]
        if let title { lines.append("<title>\(SVGMarkup.escape(title))</title>") }
        lines.append(#"<rect width="100%" height="100%" fill="\#(palette.background)"/>"#)
        let runs = styleRuns()
        for run in runs {
            guard let fill = SVGMarkup.colors(run.style, palette).background else { continue }
            let top = run.y * SVGGrid.cellHeight
            lines.append(#"<rect x="\#(SVGGrid.x(run.x))" y="\#(top)" width="\#(SVGGrid.x(SVGMarkup.cells(run.text)))" "#
                + #"height="\#(SVGGrid.cellHeight)" fill="\#(fill)"/>"#)
        }
        for run in runs where run.text.contains(where: { $0 != " " }) {
            lines.append(SVGMarkup.text(run, palette))
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The pieces `Canvas.svg` writes.
enum SVGMarkup {
    /// The colours a style is drawn in: reverse swaps them, and a reversed default
    /// background shows the default foreground's colour (as a terminal does).
    static func colors(_ style: Style, _ palette: SVGPalette) -> (text: String, background: String?) {
        let text = palette.foreground(style.foreground), background = palette.background(style.background)
        return style.reverse ? (background ?? palette.background, text) : (text, background)
    }

    /// One `<text>` for a run: its characters at their cells. Narrow characters go in
    /// stretches pinned to their width; each double-width character gets a `<tspan>` of
    /// its own at its cell, since a font may not draw it exactly two cells wide.
    static func text(_ run: StyleRun, _ palette: SVGPalette) -> String {
        var attributes = [#"y="\#(run.y * SVGGrid.cellHeight + SVGGrid.baseline)""#, #"fill="\#(colors(run.style, palette).text)""#]
        if run.style.bold { attributes.append(#"font-weight="bold""#) }
        if run.style.dim { attributes.append(#"fill-opacity="0.6""#) }
        if run.style.underline { attributes.append(#"text-decoration="underline""#) }
        let pieces = segments(run).map { column, text in
            #"<tspan x="\#(SVGGrid.x(column))" textLength="\#(SVGGrid.x(cells(text)))" lengthAdjust="spacingAndGlyphs">"#
                + escape(text) + "</tspan>"
        }
        return "<text " + attributes.joined(separator: " ") + ">" + pieces.joined() + "</text>"
    }

    /// A run cut into stretches of narrow characters and single wide ones, each with the
    /// column it starts at.
    static func segments(_ run: StyleRun) -> [(column: Int, text: String)] {
        var segments: [(column: Int, text: String)] = []
        var column = run.x, narrow = "", narrowStart = run.x
        for character in run.text {
            let width = cells(character)
            if width == 2 {
                if !narrow.isEmpty { segments.append((narrowStart, narrow)) }
                segments.append((column, String(character)))
                narrow = ""
                narrowStart = column + 2
            } else {
                narrow.append(character)
            }
            column += width
        }
        if !narrow.isEmpty { segments.append((narrowStart, narrow)) }
        return segments
    }

    /// The cells a character takes on a canvas: two for a double-width one (drawn with a
    /// continuation cell), else one (a zero-width character alone fills a cell too).
    static func cells(_ character: Character) -> Int { TextWidth.columns(character) == 2 ? 2 : 1 }

    static func cells(_ text: String) -> Int { text.reduce(0) { $0 + cells($1) } }

    /// XML text or attribute content: the five markup characters as entities, and any
    /// character XML 1.0 cannot hold (a control character a cell should never carry) as U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                let allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}
