/// Unusable input data for `decode` (not hex, not base64, an unreadable file): printed as
/// one line on standard error, exit status 65 (`ExitStatus.dataError`, through
/// `reportingFailures`).
struct InputError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
