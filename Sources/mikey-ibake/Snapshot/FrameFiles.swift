#if canImport(Glibc)
import Glibc
#endif
import Demonstrator
import Foundation
import TUI

/// Writing frames to files: `mikey-ibake snapshot --out`, and the demonstrator's save key,
/// whose request the full-screen session carries out here.
enum FrameFiles {
    /// Why a file could not be written: the system's words ("Permission denied").
    struct Refused: Error {
        let reason: String
    }

    /// Writes `text` to `path`, or to standard output for `-`; a file that cannot be
    /// written is the cannot-create failure, naming it and why.
    static func write(_ text: String, to path: String) throws(CommandFailure) {
        if path == "-" {
            print(text, terminator: "")
            return
        }
        do {
            try create(path, text)
        } catch {
            throw .cannotCreate("--out: cannot write \(path): \(error.reason)")
        }
    }

    /// Carries out the save key's request: `frame` in each format, in `directory`. Never
    /// throws: the screen shows what became of it, whatever it was.
    static func save(_ request: SnapshotRequest, frame: Canvas, title: String,
                     in directory: String = FileManager.default.currentDirectoryPath) -> SnapshotOutcome {
        for (format, name) in zip(request.formats, request.fileNames) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            do {
                try create(path, format.document(frame, title: title))
            } catch {
                return .failed("\(path): \(error.reason)")
            }
        }
        return .saved(request, directory: directory)
    }

    /// Creates (or replaces) the file at `path` with `text`. Plain system calls rather
    /// than Foundation's, whose errors lose the reason ("The file doesn't exist" for a
    /// directory that refuses new files).
    private static func create(_ path: String, _ text: String) throws(Refused) {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw Refused(reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress.map { $0 + written }, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(file)
                throw Refused(reason: reason)
            }
            written += count
        }
        guard close(file) == 0 else { throw Refused(reason: String(cString: strerror(errno))) }
    }
}
