import Demonstrator
import Scenarios
import TUI
import TerminalBackend

/// The full-screen demonstrator: the pure app (`AppUpdate`, `AppView`) on the ncurses
/// terminal, with timelines built in the background so the first frame comes at once.
@MainActor
struct FullScreenSession {
    let config: AppConfig
    let scenario: ScenarioName
    let step: Int
    let environment: TerminalEnvironment
    let presenter: Bool
    let mouse: Bool
    let exitAfterFirstFrame: Bool

    func run() throws {
        let configuration = CursesTerminal.Configuration(colors: environment.colorAllowed, mouse: mouse)
        try CursesTerminal.session(configuration) { terminal in
            var theme = environment.theme(terminalHasColors: terminal.hasColors)
            if presenter { theme = theme == .color ? .presenter : theme }
            let glyphs: Glyphs = terminal.isUTF8 && !environment.useASCII ? .unicode : .ascii
            let inbox = MessageInbox<AppMessage>()
            let builds = BuildQueue(config: config, inbox: inbox)
            let initial = AppState(config: config, scenario: scenario, step: step, size: terminal.size)
            builds.want(initial.wantedBuilds)
            if exitAfterFirstFrame {
                terminal.draw(AppView.render(initial, size: terminal.size, theme: theme, glyphs: glyphs))
                return
            }
            terminal.run(
                initial: initial, tick: AppState.tickInterval, inbox: inbox,
                messages: { .event($0) },
                update: { state, message in
                    let transition = AppUpdate.update(state, message)
                    builds.want(transition.state.wantedBuilds)
                    return transition
                },
                render: { state, size in AppView.render(state, size: size, theme: theme, glyphs: glyphs) }
            )
        }
    }
}
