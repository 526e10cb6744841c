import Pairing

/// Why an IBE operation or a parameter file was refused.
public enum IBEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter or vector file that does not parse; the message names file and line.
    case malformedFile(String)
    /// A named parameter set that is not shipped.
    case unknownParameterSet(name: String, available: [String])
    /// Parameters that fail a check (the message says which).
    case invalidParameters(String)
    /// A ciphertext that is malformed or fails the integrity check. Deliberately says
    /// no more than which part was refused: decryption must not become an oracle.
    case decryptionFailed(String)
    /// A curve or point error from the pairing layer.
    case curve(CurveError)

    public var description: String {
        switch self {
        case .malformedFile(let message): return message
        case .unknownParameterSet(let name, let available):
            return "unknown parameter set \"\(name)\"; available: \(available.joined(separator: ", "))"
        case .invalidParameters(let message): return "invalid IBE parameters: \(message)"
        case .decryptionFailed(let message): return "decryption failed: \(message)"
        case .curve(let error): return error.description
        }
    }
}
