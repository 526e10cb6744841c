import Testing
import TUI

@Suite("Style runs")
struct StyleRunTests {
    @Test("runs split on every style change and never cross rows")
    func splitting() {
        var c = Canvas(width: 6, height: 2)
        let bold = Style(bold: true), red = Style(foreground: .red)
        c.put("ab", x: 0, y: 0, style: bold)
        c.put("cd", x: 2, y: 0, style: red)
        c.put("ef", x: 4, y: 0, style: bold)
        c.put("xy", x: 4, y: 1, style: bold)
        #expect(c.styleRuns() == [
            StyleRun(y: 0, x: 0, text: "ab", style: bold),
            StyleRun(y: 0, x: 2, text: "cd", style: red),
            StyleRun(y: 0, x: 4, text: "ef", style: bold),
            StyleRun(y: 1, x: 0, text: "    ", style: .plain),
            StyleRun(y: 1, x: 4, text: "xy", style: bold),
        ])
    }

    @Test("the same row in the same style continues a run across equal styles built separately")
    func equalStylesMerge() {
        var c = Canvas(width: 4, height: 1)
        c.put("ab", x: 0, y: 0, style: Style(foreground: .green, bold: true))
        c.put("cd", x: 2, y: 0, style: Style(foreground: .green, bold: true))
        #expect(c.styleRuns().count == 1)
    }

    @Test("runs cover every cell exactly once", arguments: [(1, 1), (7, 3), (80, 24)])
    func coverage(width: Int, height: Int) {
        var c = Canvas(width: width, height: height)
        for y in 0..<height where y % 2 == 0 { c.put("x", x: y % width, y: y, style: Style(reverse: true)) }
        let runs = c.styleRuns()
        #expect(runs.map(\.text.count).reduce(0, +) == width * height)
        for run in runs {
            for (i, character) in run.text.enumerated() {
                #expect(c.cell(x: run.x + i, y: run.y) == Cell(character, style: run.style))
            }
        }
    }

    @Test("the style summary lists non-plain runs in a stable spelling")
    func summary() {
        var c = Canvas(width: 8, height: 1)
        c.put("hi", x: 1, y: 0, style: Style(foreground: .yellow, background: .blue, bold: true, underline: true))
        #expect(c.styleSummary() == "0,1+2 fg=yellow bg=blue bold underline \"hi\"")
    }
}
