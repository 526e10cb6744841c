/// Bad input from the command line: printed as one line on stderr, exit status 2.
public struct InputError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
