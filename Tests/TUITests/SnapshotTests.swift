import Testing
import TUI
import TUITestSupport

/// Golden screens of the primitives in each theme and glyph set. Their files in
/// __Snapshots__ were read cell by cell when recorded; re-record only on purpose.
@Suite("Golden screens")
struct SnapshotTests {
    /// A small screen that uses every kind of primitive and the main theme roles.
    static func sampler(theme: Theme, glyphs: Glyphs) -> Canvas {
        var c = Canvas(width: 44, height: 12)
        let rows = c.bounds.rows([.rest, .fixed(1), .fixed(1)])
        let panes = rows[0].columns(count: 2)
        let left = c.frame(panes[0], title: "Pane *", style: theme.focusedBorder, titleStyle: theme.title, glyphs: glyphs)
        let right = c.frame(panes[1], title: "Other pane", style: theme.border, titleStyle: theme.title, glyphs: glyphs)
        c.withRegion(left.inset(horizontal: 1, vertical: 0)) { r in
            let entries: [(String, String, Style)] = [
                ("known", "0123456789abcdef0123", theme.value),
                ("new", "fedcba9876543210", theme.newValue),
                ("unknown", "-", theme.unknownValue),
                ("secret", "s3cr3t", theme.secret),
            ]
            for (i, entry) in entries.enumerated() {
                r.put(entry.0, x: 0, y: i * 2, style: theme.label)
                r.putShortened(entry.1, x: 0, y: i * 2 + 1, width: r.bounds.width - 4, style: entry.2, glyphs: glyphs)
            }
            r.put("new", x: r.bounds.width - 3, y: 3, style: theme.newValue)
        }
        c.withRegion(right.inset(horizontal: 1, vertical: 0)) { r in
            let w = r.bounds.width
            r.arrow(fromX: 0, toX: w - 1, y: 0, label: "MSG_1", style: theme.wireArrow, labelStyle: theme.text, glyphs: glyphs)
            r.arrow(fromX: w - 1, toX: 0, y: 1, label: "MSG_2", style: theme.wireArrow, labelStyle: theme.text, glyphs: glyphs)
            r.put("! warning", x: 0, y: 3, style: theme.warning)
            r.put("x error", x: 0, y: 4, style: theme.error)
            r.put("selected", x: 0, y: 6, style: theme.selection)
        }
        c.put("Narration sits here \(glyphs.arrowRight) and is cut", x: 0, y: rows[1].y, style: theme.narration, maxWidth: 40)
        c.fill(rows[2], style: theme.statusBar)
        c.put(" step 1/5", x: 0, y: rows[2].y, style: theme.statusBar)
        c.put("? help", x: 37, y: rows[2].y, style: theme.statusBar)
        return c
    }

    @Test("colour theme, Unicode glyphs: text and styles")
    func colourUnicode() throws {
        try assertSnapshot(Self.sampler(theme: .color, glyphs: .unicode), named: "sampler-color-unicode", styles: true)
    }

    @Test("mono theme: same text as colour, styles by attribute only")
    func mono() throws {
        let canvas = Self.sampler(theme: .mono, glyphs: .unicode)
        #expect(canvas.plainText() == Self.sampler(theme: .color, glyphs: .unicode).plainText())
        try assertSnapshot(canvas, named: "sampler-mono-unicode", styles: true)
    }

    @Test("presenter theme: text and styles")
    func presenter() throws {
        try assertSnapshot(Self.sampler(theme: .presenter, glyphs: .unicode), named: "sampler-presenter-unicode", styles: true)
    }

    @Test("ASCII glyphs: frames, arrows and ellipses in 7-bit characters")
    func ascii() throws {
        let canvas = Self.sampler(theme: .color, glyphs: .ascii)
        #expect(canvas.plainText().allSatisfy { $0.isASCII })
        try assertSnapshot(canvas, named: "sampler-color-ascii")
    }

    @Test("block-font headline, Unicode and ASCII")
    func headline() throws {
        for (glyphs, name) in [(Glyphs.unicode, "unicode"), (.ascii, "ascii")] {
            var c = Canvas(width: 47, height: 7)
            c.headline("MIKEY-IBAKE", in: c.bounds, glyphs: glyphs)
            try assertSnapshot(c, named: "headline-\(name)")
        }
    }
}
