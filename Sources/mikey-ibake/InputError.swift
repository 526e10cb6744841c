import ArgumentParser
import CommandInput
import TerminalBackend

/// Bad input from the command line (defined in CommandInput, beside the message readers).
typealias InputError = CommandInput.InputError

extension ParsableCommand {
    /// Runs `body`, turning an `InputError` into "mikey-ibake: error: ..." and exit 2.
    func reportingInputErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as InputError {
            var standardError = StandardError()
            print("mikey-ibake: error: \(error.message)", to: &standardError)
            throw ExitCode(2)
        }
    }
}
