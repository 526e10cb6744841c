import TUI
import TerminalBackend

/// State of the developer demo: which pane has focus, whether help is open, which
/// theme and glyphs are shown, and a log of recent events. Nothing protocol-related.
struct DemoState: Equatable {
    enum Pane: Int, CaseIterable {
        case events, styles, glyphs

        var title: String {
            switch self {
            case .events: "Events"
            case .styles: "Styles"
            case .glyphs: "Glyphs"
            }
        }
    }

    var focus: Pane = .events
    var showHelp = false
    var theme: Theme
    var glyphs: Glyphs
    var ticks = 0
    /// Most recent last; capped at `logLimit`.
    var log: [String] = []
    /// `!` crashes on purpose (only with `--crash-key`), to check terminal restoration.
    var crashKeyEnabled = false

    static let logLimit = 200

    init(theme: Theme, glyphs: Glyphs, crashKeyEnabled: Bool = false) {
        self.theme = theme
        self.glyphs = glyphs
        self.crashKeyEnabled = crashKeyEnabled
    }

    mutating func record(_ event: Event) {
        log.append(event.description)
        if log.count > Self.logLimit { log.removeFirst(log.count - Self.logLimit) }
    }
}

/// What a key or click does. Pure: the loop passes the screen size for clicks.
enum DemoUpdate {
    /// Result of an event; `crash` asks the caller to trap (kept out of the pure update).
    static func update(_ state: DemoState, _ event: Event, size: Size) -> (Transition<DemoState>, crash: Bool) {
        var s = state
        if event != .tick { s.record(event) }
        switch event {
        case .tick:
            s.ticks += 1
        case .resize:
            break
        case .click(let x, let y):
            if !s.showHelp, let pane = DemoLayout(size: size).pane(atX: x, y: y) { s.focus = pane }
        case .key(let key):
            switch key {
            case .character("q"), .ctrlC:
                return (.quit(s), false)
            case .character("?"):
                s.showHelp.toggle()
            case .escape:
                s.showHelp = false
            case .tab, .right:
                s.focus = DemoState.Pane(rawValue: (s.focus.rawValue + 1) % 3) ?? .events
            case .backTab, .left:
                s.focus = DemoState.Pane(rawValue: (s.focus.rawValue + 2) % 3) ?? .events
            case .character("t"):
                let themes = Theme.builtIn
                let index = themes.firstIndex(of: s.theme) ?? 0
                s.theme = themes[(index + 1) % themes.count]
            case .character("a"):
                s.glyphs = s.glyphs.isASCII ? .unicode : .ascii
            case .character("!") where s.crashKeyEnabled:
                return (.next(s), true)
            default:
                break
            }
        }
        return (.next(s), false)
    }
}
