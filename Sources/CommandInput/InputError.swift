/// Unusable input data (not hex, not base64, an unreadable file): the CLI prints it as one
/// line on standard error and exits 65 (its `ExitStatus.dataError`).
public struct InputError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
