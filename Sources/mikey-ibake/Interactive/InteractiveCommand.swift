import ArgumentParser
import Demonstrator
import Scenarios
import TerminalBackend

/// The default command: the interactive demonstrator (Initiator, Responder and KMS
/// side by side, stepping through every message), or the same timeline as plain lines
/// when the output is not a terminal.
struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "interactive",
        abstract: "Step through a scenario in the terminal: Initiator, Responder and KMS side by side (the default command).",
        discussion: """
            Keys (? lists them all): \(Keymap.summary(.demo)). \
            Plain mode (also chosen when standard output is not a terminal, or TERM is dumb or unknown) \
            prints the same lines as `mikey-ibake run`: at a terminal one step per key (Enter or Space, \
            a the rest, q quit, no Enter needed), through a pipe all at once.
            """
    )

    @OptionGroup var selection: ScenarioSelection
    @Option(parsing: .unconditional, help: "The step to start at, 1 (the first) to the scenario's last.",
            transform: WholeNumber.step)
    var step = 1
    @OptionGroup var display: DisplayOptions
    /// Internal: draws the first frame and exits, so that `bench --ui` can time start-up.
    @Flag(help: .private) var exitAfterFirstFrame = false

    func run() throws {
        try reportingFailures {
            let options = try selection.options()
            let (name, stepRange) = (selection.name, StepRange(step: step))
            let environment = display.environment
            // Without --seed the full screen draws one and shows it on the status line: a what-if
            // branch replays the run on screen up to its attack, so the run must be repeatable
            // (PROFILE D15), and the user can run it again.
            let seed = options.seed ?? (environment.isPlain ? nil : UInt64.random(in: 0...999_999))
            let config = AppConfig(parameterSet: options.parameterSet, seed: seed, policy: options.policy)
            let plainSession = PlainSession(config: config, scenario: name, startStep: stepRange,
                                            exitAfterFirstStep: exitAfterFirstFrame)
            if environment.isPlain {
                try plainSession.run()
                return
            }
            let (step, presenter) = (step, display.presenter)
            try FullScreenSession.runAndExit(
                FullScreenSession(start: { AppState(config: config, scenario: name, step: step, size: $0, presenter: presenter) },
                                  environment: environment, presenterColors: presenter, mouse: !display.noMouse,
                                  exitAfterFirstFrame: exitAfterFirstFrame,
                                  check: { stepRange.check(steps: $0.timeline.steps.count, scenario: name.rawValue) }),
                fallback: plainSession.run)
        }
    }
}
