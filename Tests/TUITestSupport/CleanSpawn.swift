import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command with posix_spawn, all signals unblocked and at their defaults,
/// output (stdout and stderr) collected through a temporary file, stdin /dev/null.
/// Shared by the tmux end-to-end tests of tui-demo and of the demonstrator.
///
/// Not Foundation's `Process`: tests run on worker threads that block most
/// signals, a child inherits that mask, and then neither the tmux panes nor the
/// demo would see Ctrl-C, SIGTERM or SIGWINCH. (Process's own wait also hung here
/// when the child had daemons holding on.)
public enum CleanSpawn {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `arguments` (the first is the program's path) to completion.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("clean-spawn-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: outputFile) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let pid = try spawn(arguments, environment: environment, actions: &actions)

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid: errno \(errno)") }
        }
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return (exitStatus(status), output)
    }

    /// Starts `arguments` with `environment` and the file `actions`, every signal
    /// unblocked and at its default; the child's process id.
    public static func spawn(_ arguments: [String], environment: [String],
                             actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failure(description: "posix_spawn \(arguments[0]): error \(spawned)") }
        return pid
    }

    /// A `waitpid` status as a shell reports it: the exit status, or 128 + the signal.
    /// (WIFEXITED/WEXITSTATUS are macros: exited normally when the low 7 bits are 0.)
    public static func exitStatus(_ status: Int32) -> Int32 {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
