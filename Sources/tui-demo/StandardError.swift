#if canImport(Glibc)
import Glibc
#endif

/// The process's standard error as a `TextOutputStream` (Glibc's `stderr` global
/// is off limits under Swift 6 strict concurrency).
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
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
