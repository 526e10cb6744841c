import Scenarios
import TUI

/// What the status line reports, as data: where the user is and with what.
struct StatusContent {
    /// The tutorial and its section first, if one plays ("exchange 3/10 · "), then the scenario.
    let name: String
    /// The step on screen and the number of steps, once a timeline is built.
    let position: (step: Int, count: Int)?
    /// The part of the run the step belongs to (provisioning, exchange, join...).
    let phase: String?
    let seed: UInt64?
    let parameterSet: String
    let curveName: String
    let shortCurveName: String
    /// The autoplay interval while it runs.
    let autoplay: Duration?
    /// Presenter mode: where we are, and little else.
    let presenter: Bool
    /// A notice presenter mode shows in place of where we are: it has no narration to
    /// hold it (in a tutorial the panel beside it does).
    let presenterNotice: String?
    /// Whose keys the hints are.
    let keyContexts: [KeyContext]
    /// The toggles that are on, whose hints say what pressing them again does.
    let toggled: Set<KeyAction>

    /// The status of `state`'s screen.
    init(_ state: AppState, separator: String) {
        name = (state.tutorial.map { "\($0.document.id) \($0.section + 1)/\($0.count) \(separator) " } ?? "") + state.runName
            + (state.branch.map { " \(separator) what if: \($0.title)" } ?? "")
        position = state.model.map { (state.step, $0.stepCount) }
        phase = state.currentStep?.phase.name
        seed = state.config.seed
        // A mode's run other than IBAKE's names its own cryptography (issue 13), not the IBE set.
        let cryptography = state.model?.timeline.cryptography?.brief
        parameterSet = cryptography ?? state.config.parameterSet.name
        curveName = cryptography == nil ? state.config.curveName : ""
        shortCurveName = cryptography == nil ? state.config.shortCurveName : ""
        autoplay = state.autoplay.isOn ? state.autoplay.interval : nil
        presenter = state.presenter
        presenterNotice = state.presenter && state.tutorial == nil ? state.notice : nil
        keyContexts = KeyContext.screen(state)
        toggled = state.tutorial?.textHidden == true ? [.toggleText] : []
    }
}

/// The bottom line: what is shown (scenario, step k/n, seed, parameter set and curve)
/// and the main keys, as many as fit.
enum StatusLine {
    static func draw(_ content: StatusContent, in area: Rect, look: Look, into canvas: inout Canvas) {
        let theme = look.theme, glyphs = look.glyphs, sep = glyphs.separator
        canvas.fill(area, style: theme.statusBar)
        // Without --seed the run drew fresh randomness: nothing to repeat it with.
        let seed = content.seed.map { "seed \($0)" } ?? "unseeded"
        let position = content.position.map { ["step \($0.step)/\($0.count)", "\($0.step)/\($0.count)"] } ?? []
        let play = content.autoplay.map { " \(sep) \(glyphs.isASCII ? ">" : "▶") every \(seconds($0))" } ?? ""
        let name = content.name, params = content.parameterSet
        // The same facts, shorter and shorter: the curve's short name, then "k/n".
        let phase = content.phase.map { [$0] } ?? []
        let curve = [content.curveName].filter { !$0.isEmpty }, shortCurve = [content.shortCurveName].filter { !$0.isEmpty }
        let long: [String] = [name] + Array(position.prefix(1)) + phase + [seed, params] + curve
        let shorter: [String] = [name] + Array(position.prefix(1)) + phase + [seed, params] + shortCurve
        let shortest: [String] = [name] + Array(position.suffix(1)) + phase + [seed, params] + shortCurve
        let barest: [String] = [name] + Array(position.suffix(1)) + phase + [seed, params]
        let presenting = content.presenterNotice.map { [$0] } ?? [name] + Array(position.prefix(1))
        let sets = content.presenter ? [presenting] : [long, shorter, shortest, barest]
        func line(_ parts: [String]) -> String { " " + parts.joined(separator: " \(sep) ") + play }
        let infos: [String] = sets.map(line)
        let hints = Keymap.hintLines(for: content.keyContexts, .screen(glyphs), toggled: content.toggled)
        // All the facts first, then as many keys as fit; the last resort (the last
        // line, rank 0) keeps stepping, help and quit, and gives up the parameter set
        // (a long tutorial id) rather than cut a word.
        let lastHint = hints.last ?? ""
        let resort = content.presenter || infos[infos.count - 1].count + 2 + lastHint.count <= area.width
            ? infos[infos.count - 1] : line([name] + Array(position.suffix(1)) + [seed])
        var chosen = (info: resort, hint: lastHint)
        search: for info in infos {
            for hint in hints.dropLast() where info.count + 2 + hint.count <= area.width {
                chosen = (info, hint)
                break search
            }
        }
        canvas.put(chosen.info, x: area.x, y: area.y, style: theme.statusBar, maxWidth: area.width - chosen.hint.count - 1)
        canvas.put(chosen.hint, x: area.maxX - chosen.hint.count, y: area.y, style: theme.statusBar)
    }

    /// `2s`, `1.5s`, `500ms`.
    static func seconds(_ duration: Duration) -> String {
        let milliseconds = Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        if milliseconds > 1000 { return "\(milliseconds / 1000).\(milliseconds % 1000 / 100)s" }
        return "\(milliseconds)ms"
    }
}
