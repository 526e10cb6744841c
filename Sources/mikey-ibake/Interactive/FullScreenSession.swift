#if canImport(Glibc)
import Glibc
#endif
import Demonstrator
import Scenarios
import TUI
import TerminalBackend

/// The full-screen demonstrator: the pure app (`AppUpdate`, `AppView`) on the ncurses
/// terminal, with timelines built in the background so the first frame comes at once.
/// Plays a scenario (the default command) or a tutorial (`tutorial NAME`), as the
/// initial state says.
@MainActor
struct FullScreenSession {
    /// The first state, for the terminal's size.
    let start: @Sendable (Size) -> AppState
    let environment: TerminalEnvironment
    /// Bold, projector-friendly colours throughout (`--presenter`).
    let presenterColors: Bool
    let mouse: Bool
    let exitAfterFirstFrame: Bool
    /// Checks the first timeline when it arrives (the demonstrator's `--step` against the
    /// run's length): a failure ends the session and is reported once the terminal is
    /// restored.
    let check: (@Sendable (ScenarioModel) -> CommandFailure?)?
    /// Starts what feeds the screen from outside (a network party's events, issue 14),
    /// given the inbox the run loop reads; nil for the scenarios and tutorials.
    var feed: (@Sendable (MessageInbox<AppMessage>) -> Void)? = nil

    func run() throws {
        let configuration = CursesTerminal.Configuration(colors: environment.colorAllowed, mouse: mouse)
        let refusal = try CursesTerminal.session(configuration) { terminal -> CommandFailure? in
            var theme = environment.theme(terminalHasColors: terminal.hasColors)
            if presenterColors { theme = theme.forPresenter }
            let glyphs: Glyphs = terminal.isUTF8 && !environment.useASCII ? .unicode : .ascii
            let inbox = MessageInbox<AppMessage>()
            let builds = BuildQueue(inbox: inbox)
            let initial = start(terminal.size)
            builds.want(initial.wantedBuilds)
            feed?(inbox)
            if exitAfterFirstFrame {
                terminal.draw(AppView.render(initial, size: terminal.size, theme: theme, glyphs: glyphs))
                return nil
            }
            let first = initial.key(initial.scenario)
            var refusal: CommandFailure?
            _ = terminal.run(
                initial: initial, tick: AppState.tickInterval, inbox: inbox,
                messages: { .event($0) },
                update: { state, message in
                    if case .built(first, .ready(let model)) = message, let failure = check?(model) {
                        refusal = failure
                        return Transition(state: state, quit: true)
                    }
                    var transition = AppUpdate.update(state, message)
                    builds.want(transition.state.wantedBuilds)
                    if let request = transition.state.snapshotRequest {
                        transition.state = save(request, transition.state, theme: theme, glyphs: glyphs)
                    }
                    return transition
                },
                render: { state, size in AppView.render(state, size: size, theme: theme, glyphs: glyphs) }
            )
            return refusal
        }
        if let refusal { throw refusal }
    }

    /// The save key's side effect: the frame `state` shows, drawn as on screen, written
    /// to the current directory; the state then shows a notice of what became of it.
    private func save(_ request: SnapshotRequest, _ state: AppState, theme: Theme, glyphs: Glyphs) -> AppState {
        let frame = AppView.render(state, size: state.size, theme: theme, glyphs: glyphs)
        let outcome = FrameFiles.save(request, frame: frame, title: SnapshotRequest.title(state))
        return AppUpdate.update(state, .snapshotSaved(outcome)).state
    }
}

extension FullScreenSession {
    /// Runs the session and ends the process, or runs `fallback` (plain text) when the
    /// terminal refuses curses after all.
    nonisolated static func runAndExit(_ session: FullScreenSession, fallback: () throws -> Void) throws {
        do {
            do {
                try MainActor.assumeIsolated { try session.run() }
            } catch let failure as CommandFailure {
                // As below: other builds may still run, so no exit-time cleanup.
                failure.reportAndExit()
            }
            // The terminal is restored. A timeline may still be building on another
            // thread; a normal exit would run OpenSSL's and GMP's exit-time cleanup
            // under it and crash. Nothing is left to save, so leave at once.
            fflush(nil)
            _exit(0)
        } catch let error as CursesTerminal.OpenError {
            var standardError = StandardError()
            print("mikey-ibake: \(error); using plain mode", to: &standardError)
            try fallback()
        }
    }
}
