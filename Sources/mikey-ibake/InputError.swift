import ArgumentParser
import TerminalBackend

/// Bad input from the command line: printed as one line on stderr, exit status 2.
struct InputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

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
