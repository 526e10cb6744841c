#if canImport(Glibc)
import Glibc
#endif

/// The process's standard error as a `TextOutputStream`, for `print(_:to:)`: Glibc's
/// `stderr` global is off limits under Swift 6 strict concurrency. Writes go straight
/// to the descriptor, so a partial write is continued and a failed one ends the message.
public struct StandardError: TextOutputStream {
    public init() {}

    public mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return -1 }
                return Glibc.write(STDERR_FILENO, base + offset, buffer.count - offset)
            }
            guard written > 0 else { return }
            offset += written
        }
    }
}
