import ArgumentParser
import TerminalBackend

/// How the full screen is drawn, shared by the demonstrator and `tutorial NAME`.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Plain text instead of the full screen (also when standard output is not a terminal, or TERM is dumb or unknown).")
    var plain = false
    @Flag(help: "Start in presenter mode (z toggles it): the step's message or new value large, in bold, projector-friendly colours.")
    var presenter = false
    @Flag(help: "No colour (also when NO_COLOR is set).") var noColor = false
    @Flag(help: "ASCII only (also when the locale is not UTF-8).") var ascii = false
    @Flag(help: "Ignore the mouse.") var noMouse = false

    /// The terminal as these options and the environment leave it.
    var environment: TerminalEnvironment {
        TerminalEnvironment.detect(options: TerminalOptions(noColor: noColor, ascii: ascii, plain: plain))
    }
}
