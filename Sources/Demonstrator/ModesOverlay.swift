import Scenarios
import TUI

/// What the modes table shows (issue 13): each mode's row, computed from its runs once
/// they are built (``ModeComparison``), and the mode on screen.
struct ModesContent {
    let rows: [(MIKEYMode, ModeComparison?)]
    let current: MIKEYMode?

    init(_ state: AppState) {
        rows = MIKEYMode.allCases.map { mode in
            var runs = [ScenarioName: Timeline]()
            for name in mode.runs { runs[name] = state.loads[state.key(name)]?.model?.timeline }
            return (mode, ModeComparison(mode, runs: runs))
        }
        current = MIKEYMode.allCases.first { $0.exchange == state.scenario }
    }
}

/// `m`: the comparison table over the screen; Enter opens the chosen mode's run.
enum ModesOverlay {
    static func draw(_ content: ModesContent, selected: Int, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs
        let size = canvas.size
        let width = min(size.width - 2, 124)
        let wrapped = ModeTable.legend.flatMap { TextWrap.lines($0, width: width - 4) }
        let legend = size.height >= content.rows.count + 9 + wrapped.count ? wrapped : []
        let box = OverlayBox.rect(size: size, width: width, height: content.rows.count + 5 + (legend.isEmpty ? 0 : legend.count + 1))
        let inner = OverlayBox.draw(box, title: "MIKEY's modes, measured from their runs", look: look, into: &canvas)
        canvas.withRegion(inner) { region in
            let textWidth = region.bounds.width
            let lines = ModeTable.lines(content.rows, width: textWidth - 2, measuring: "measuring\(glyphs.ellipsis)")
            region.put(TextFit.end(lines[0], width: textWidth - 2, ellipsis: glyphs.ellipsis), x: 2, y: 0, style: theme.label)
            for (index, line) in lines.dropFirst().enumerated() {
                let mode = content.rows[index].0
                region.put(mode == content.current ? "*" : " ", x: 0, y: 1 + index, style: theme.keyHint)
                region.put(TextFit.end(line, width: textWidth - 2, ellipsis: glyphs.ellipsis), x: 2, y: 1 + index,
                           style: index == selected ? theme.selection : theme.text)
            }
            var y = content.rows.count + 2
            for line in legend {
                region.put(line, x: 0, y: y, style: theme.narration)
                y += 1
            }
            if !legend.isEmpty { y += 1 }
            region.put(TextFit.end(Keymap.overlayHint(.modes, .screen(glyphs)), width: textWidth, ellipsis: glyphs.ellipsis),
                       x: 0, y: y, style: theme.keyHint)
        }
    }
}
