import CommandInput

/// Unusable input data for `decode` (not hex, not base64, an unreadable file), defined in
/// CommandInput beside the message readers: printed as one line on standard error, exit
/// status 65 (`ExitStatus.dataError`, through `reportingFailures`).
typealias InputError = CommandInput.InputError
