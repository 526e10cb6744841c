import Scenarios
import TUI

// Clicks: optional sugar, every action also has a key.
extension AppUpdate {
    /// A click selects what it lands on: a pane and its line, a message on the wire,
    /// the inspector, a scenario in the menu. A click beside an overlay closes it.
    static func click(_ s: inout AppState, x: Int, y: Int) {
        if let overlay = s.overlay {
            if case .scenarioMenu = overlay, ScenarioMenuOverlay.box(size: s.size).contains(x: x, y: y) {
                if let entry = ScenarioMenuOverlay.entry(atY: y, size: s.size) {
                    s.overlay = nil
                    switchScenario(&s, to: ScenarioName.ibakeScenarios[entry])
                }
                return
            }
            s.overlay = nil
            return
        }
        let screen = s.screen
        switch screen.layout.hit(x: x, y: y) {
        case .pane(let id, let row)?:
            s.focus = .party(id)
            if let index = screen.panes[id]?.line(atRow: row) { s.panes.selection[id] = index }
        case .wire(let row)?:
            s.focus = .wire
            guard let frame = screen.layout.wire else { return }
            if let step = s.wireRows(frame: frame, compact: screen.layout.mode == .compact).message(atRow: row) {
                s.inspect(step)
            }
        case .inspector?:
            s.focus = .inspector
        case .tutorial?:
            s.focus = .tutorial
        case .narration?:
            s.focus = .narration
        case .whoKnows(let row)?:
            s.focus = .whoKnows
            guard let frame = screen.layout.whoKnows, let content = WhoKnowsContent(s),
                  let index = WhoKnowsView.valueRow(atRow: row, content, frame: frame,
                                                             look: Look.measuring(screen.layout)) else { return }
            s.whoKnows.selection = content.matrix.rows[index].name
        case nil:
            break
        }
    }
}
