import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

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

/// The process's standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.write(2, base + offset, buffer.count - offset)
            }
            guard written > 0 else { return }
            offset += written
        }
    }
}
