import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program on a fresh pseudo-terminal that a test types into and reads from: standard
/// input, output and error on the terminal (or output to a file), all signals at their
/// defaults, as CleanSpawn starts programs. For what only a terminal shows: a prompt
/// answered by one key, the terminal's mode afterwards.
public final class PseudoTerminalProcess {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private let master: Int32
    /// The terminal's device path.
    public let terminalPath: String
    /// The test's own hold on the terminal: its settings outlive the program, to be looked at.
    private let terminal: Int32
    private let pid: pid_t
    /// Everything read from the terminal so far.
    public private(set) var output = ""

    // glibc declares posix_openpt, grantpt, unlockpt and ptsname only for X/Open builds,
    // which Swift's Glibc module is not; they are in libc all the same.
    private typealias IntFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func function<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { throw Failure(description: "libc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }

    /// Starts `arguments` (the first is the program's path) with `environment`; its
    /// standard output goes to `outputFile` when given, else to the terminal.
    public init(_ arguments: [String], environment: [String], outputFile: String? = nil) throws {
        let master = try Self.function("posix_openpt", as: IntFunction.self)(O_RDWR | O_NOCTTY)
        guard master >= 0, try Self.function("grantpt", as: IntFunction.self)(master) == 0,
              try Self.function("unlockpt", as: IntFunction.self)(master) == 0,
              let name = try Self.function("ptsname", as: NameFunction.self)(master) else {
            if master >= 0 { close(master) }
            throw Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        self.master = master
        terminalPath = String(cString: name)
        terminal = open(terminalPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard terminal >= 0 else {
            close(master)
            throw Failure(description: "cannot open \(terminalPath): errno \(errno)")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        if let outputFile {
            posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
        }
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        do {
            pid = try CleanSpawn.spawn(arguments, environment: environment, actions: &actions)
        } catch {
            close(terminal)
            close(master)
            throw error
        }
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        close(terminal)
        close(master)
    }

    /// Types `text` (no Enter unless it holds one).
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads until the output holds `text` or `timeout` passes; whether it came.
    @discardableResult
    public func read(until text: String, timeout: Duration = .seconds(20)) -> Bool {
        let clock = ContinuousClock(), end = clock.now.advanced(by: timeout)
        while !output.contains(text), clock.now < end {
            readAvailable(waiting: .milliseconds(100))
        }
        return output.contains(text)
    }

    /// Reads what the program writes until it exits, for at most `timeout`: its exit
    /// status, or nil if it was still running.
    public func wait(timeout: Duration = .seconds(20)) -> Int32? {
        let clock = ContinuousClock(), end = clock.now.advanced(by: timeout)
        var status: Int32 = 0
        while clock.now < end {
            readAvailable(waiting: .milliseconds(50))
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid {
                readAvailable(waiting: .zero)
                return CleanSpawn.exitStatus(status)
            }
        }
        return nil
    }

    /// Whether the terminal is in canonical mode with echo, as a shell expects it.
    public func isCanonicalWithEcho() throws -> Bool {
        var settings = termios()
        guard tcgetattr(terminal, &settings) == 0 else { throw Failure(description: "tcgetattr: errno \(errno)") }
        let wanted = tcflag_t(ICANON | ECHO)
        return settings.c_lflag & wanted == wanted
    }

    /// Reads everything the terminal holds, waiting up to `waiting` for the first byte.
    private func readAvailable(waiting: Duration) {
        var wait = Int32(waiting.components.seconds * 1000 + waiting.components.attoseconds / 1_000_000_000_000_000)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, wait) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            output += String(decoding: buffer[0..<count], as: UTF8.self)
            wait = 0
        }
    }
}
