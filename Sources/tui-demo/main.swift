// tui-demo: a developer tool, not a feature of MIKEY-IBAKE Lab. It exists to
// exercise the TerminalBackend by hand and from scripts/tmux-smoke.sh: three
// framed panes, a status line, a help overlay on `?`, resize and the too-small
// screen, every theme role and both glyph sets.
//
// Usage: tui-demo [--no-color] [--ascii] [--plain] [--no-mouse] [--crash-key]
//   --crash-key  lets `!` crash on purpose, to check that the terminal is restored.
#if canImport(Glibc)
import Glibc
#endif
import TUI
import TerminalBackend

let arguments = Set(CommandLine.arguments.dropFirst())
let known: Set = ["--no-color", "--ascii", "--plain", "--no-mouse", "--crash-key"]
if arguments.contains("--help") || arguments.contains("-h") {
    print("""
        tui-demo: a developer tool that exercises the terminal backend (not part of MIKEY-IBAKE Lab).
        usage: tui-demo [--no-color] [--ascii] [--plain] [--no-mouse] [--crash-key]
          --crash-key  lets `!` crash on purpose, to check that the terminal is restored
        """)
    exit(0)
}
if let unknown = arguments.subtracting(known).sorted().first {
    var standardError = StandardError()
    print("tui-demo: unknown option \(unknown)", to: &standardError)
    print("usage: tui-demo [\(known.sorted().joined(separator: "] ["))]", to: &standardError)
    exit(2)
}

let options = TerminalOptions(
    noColor: arguments.contains("--no-color"), ascii: arguments.contains("--ascii"), plain: arguments.contains("--plain")
)
let environment = TerminalEnvironment.detect(options: options)

if case .plain(let reason) = environment.presentation {
    // Plain mode: one frame as text, no escapes, so pipes and screen readers get something useful.
    print("tui-demo: plain mode (\(reason))")
    let state = DemoState(theme: .mono, glyphs: environment.glyphs)
    print(DemoView.render(state, size: DemoLayout.minimum).plainText())
    exit(0)
}

do {
    let configuration = CursesTerminal.Configuration(
        colors: environment.colorAllowed, mouse: !arguments.contains("--no-mouse")
    )
    try CursesTerminal.session(configuration) { terminal in
        let initial = DemoState(
            theme: environment.theme(terminalHasColors: terminal.hasColors),
            glyphs: terminal.isUTF8 && !environment.useASCII ? .unicode : .ascii,
            crashKeyEnabled: arguments.contains("--crash-key")
        )
        terminal.run(
            initial: initial, tick: .seconds(1),
            update: { state, event in
                let (transition, crash) = DemoUpdate.update(state, event, size: terminal.size)
                if crash { fatalError("tui-demo: deliberate crash (--crash-key), to test terminal restoration") }
                return transition
            },
            render: DemoView.render
        )
    }
} catch {
    // The session closed the terminal before this runs, so the message is readable.
    var standardError = StandardError()
    print("tui-demo: \(error)", to: &standardError)
    exit(1)
}
