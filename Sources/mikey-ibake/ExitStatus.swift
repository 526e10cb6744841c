#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import TerminalBackend

/// The exit statuses of every command, after sysexits(3): the scheme `mikey-ibake --help`
/// and the README's "Exit status" describe.
enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// The command ran and reports a failure: a malformed message (after what was
    /// understood), a tutorial claim that does not hold, a run that did not complete.
    case failure = 1
    /// EX_USAGE, as swift-argument-parser gives for its own errors: an unknown option or
    /// subcommand, a missing value, a value not among the choices, a number out of range.
    case usage = 64
    /// EX_DATAERR: the data given is unusable: a message that is not hex or base64, a
    /// file that cannot be read, a lab number that is not hex, not prime or not a point
    /// of the subgroup.
    case dataError = 65
    /// EX_CANTCREAT: the output directory or a file in it cannot be written (`export`,
    /// `snapshot`).
    case cannotCreate = 73

    /// One line for the help text and the README.
    var meaning: String {
        switch self {
        case .success: "success"
        case .failure: "the command reports a failure: a malformed message after what was understood (decode), "
            + "a claim that does not hold (tutorial --check), a run that did not complete"
        case .usage: "usage error: unknown option, missing value, a value not among the choices, a number out of range"
        case .dataError: "bad input data: a message that is not hex or base64, an unreadable file, "
            + "lab numbers that are not hex, not prime or not on the curve"
        case .cannotCreate: "the output (export --out, snapshot --out) cannot be written"
        }
    }

    /// The scheme as the help text's "Exit status" paragraph.
    static var helpText: String {
        "Exit status: " + allCases.map { "\($0.rawValue) \($0.meaning)" }.joined(separator: "; ") + "."
    }
}

/// A command's failure with its exit status: printed as "mikey-ibake: error: ..." on
/// standard error (what swift-argument-parser prints for usage errors it finds itself
/// has the usage text too).
struct CommandFailure: Error {
    let status: ExitStatus
    let message: String

    static func usage(_ message: String) -> CommandFailure { CommandFailure(status: .usage, message: message) }
    static func data(_ message: String) -> CommandFailure { CommandFailure(status: .dataError, message: message) }
    static func failed(_ message: String) -> CommandFailure { CommandFailure(status: .failure, message: message) }
    static func cannotCreate(_ message: String) -> CommandFailure { CommandFailure(status: .cannotCreate, message: message) }

    /// Prints the message on standard error.
    func report() {
        var standardError = StandardError()
        print("mikey-ibake: error: \(message)", to: &standardError)
    }

    /// Reports and ends the process at once, without exit-time cleanup (for the
    /// full-screen session, whose background builds may still run: FullScreenSession).
    func reportAndExit() -> Never {
        report()
        fflush(nil)
        _exit(status.rawValue)
    }
}

extension ParsableCommand {
    /// Runs `body`; a `CommandFailure` is printed and ends the command with its status,
    /// an `InputError` (decode's input readers) with the bad-data status.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            failure.report()
            throw ExitCode(failure.status.rawValue)
        } catch let error as InputError {
            CommandFailure.data(error.message).report()
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }
}
