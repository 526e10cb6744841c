#if canImport(Glibc)
import Glibc
#endif

/// Starting a program and waiting for its end, as `bench` times whole processes: by
/// posix_spawn and waitpid (Foundation's Process polls for the exit every 100 ms or so,
/// which would be most of what is measured).
enum ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `arguments` (the program's path first) with `environment` (nil: this
    /// process's) and `actions` on its files; returns its process id.
    static func spawn(_ arguments: [String], environment: [String]? = nil,
                      actions: inout posix_spawn_file_actions_t) throws(Failure) -> pid_t {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup($0) } + [nil] }
        defer {
            argv.forEach { free($0) }
            envp?.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = envp.map { posix_spawn(&pid, arguments[0], &actions, nil, argv, $0) }
            ?? posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failure(description: "posix_spawn \(arguments[0]): error \(spawned)") }
        return pid
    }

    /// Waits for `pid` to end; its exit status, or 128 + the signal that ended it.
    static func exitStatus(of pid: pid_t) throws(Failure) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid: errno \(errno)") }
        }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
