import ArgumentParser
import Demonstrator
import IBAKE
import IBE
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
            prints the same lines as `mikey-ibake run`, one step per Enter.
            """
    )

    @Option(help: "The scenario to start with (see `mikey-ibake run --list`).") var scenario = ScenarioName.basic.rawValue
    @Option(help: "Seed for a reproducible run (PROFILE D15); none: fresh randomness.") var seed: UInt64?
    @Option(help: "Parameter set (PROFILE D4).") var params = ParameterSet.defaultName
    @Option(help: "The step to start at (1 = the first).") var step = 1
    @Option(help: "Initiator's policy when another identity answers: continue or refuse (PROFILE D13).")
    var policy: String = Initiator.Policy.continue.rawValue
    @Flag(help: "No colour (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "ASCII only (also when the locale is not UTF-8).") var ascii = false
    @Flag(help: "Plain lines instead of the full screen, stepping on Enter.") var plain = false
    @Flag(help: "Start in presenter mode (z toggles it): the step's message or new value large, in bold, projector-friendly colours.")
    var presenter = false
    @Flag(help: "Ignore the mouse.") var noMouse = false
    @Flag(help: "Draw the first frame and exit (measures start-up; see `bench --ui`).") var exitAfterFirstFrame = false

    func validate() throws {
        guard step >= 1 else { throw ValidationError("--step must be 1 or more") }
    }

    func run() throws {
        try reportingInputErrors {
            let (name, options) = try ScenarioRequest(scenario: scenario, params: params, seed: seed, policy: policy).parsed()
            let config = AppConfig(parameterSet: options.parameterSet, seed: options.seed, policy: options.policy)
            let environment = TerminalEnvironment.detect(options: TerminalOptions(noColor: noColor, ascii: ascii, plain: plain))
            let plainSession = PlainSession(config: config, scenario: name, startStep: step,
                                            exitAfterFirstStep: exitAfterFirstFrame)
            if environment.isPlain {
                try plainSession.run()
                return
            }
            let (step, presenter) = (step, presenter)
            try FullScreenSession.runAndExit(
                FullScreenSession(start: { AppState(config: config, scenario: name, step: step, size: $0, presenter: presenter) },
                                  environment: environment, presenterColors: presenter, mouse: !noMouse,
                                  exitAfterFirstFrame: exitAfterFirstFrame),
                fallback: plainSession.run)
        }
    }
}
