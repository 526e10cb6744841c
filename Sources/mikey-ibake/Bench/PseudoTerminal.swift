#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on a fresh pseudo-terminal, as if in a terminal window, and waits
/// for it: what `bench` uses to time the demonstrator's start-up in full-screen mode.
/// The window size comes from LINES and COLUMNS, which ncurses reads when the
/// terminal reports none.
enum PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    // glibc declares posix_openpt, grantpt, unlockpt and ptsname only for X/Open
    // builds, which Swift's Glibc module is not; they are in libc all the same, so
    // they are looked up by name.
    private typealias IntFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func function<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            throw Failure(description: "libc has no \(name)")
        }
        return unsafeBitCast(symbol, to: type)
    }

    /// Runs `arguments` (the first is the program's path) with `environment` on a new
    /// pseudo-terminal, draining its output; returns the exit status.
    static func run(_ arguments: [String], environment: [String]) throws -> Int32 {
        let openpt = try function("posix_openpt", as: IntFunction.self)
        let grantpt = try function("grantpt", as: IntFunction.self)
        let unlockpt = try function("unlockpt", as: IntFunction.self)
        let ptsname = try function("ptsname", as: NameFunction.self)
        let master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            if master >= 0 { close(master) }
            throw Failure(description: "no pseudo-terminal: errno \(errno)")
        }
        defer { close(master) }
        let slave = String(cString: name)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)

        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(arguments, environment: environment, actions: &actions)
        } catch {
            throw Failure(description: error.description)
        }

        // Drain the screen output until the child closes the terminal (read fails with
        // EIO), so it never blocks on a full buffer.
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while buffer.withUnsafeMutableBytes({ read(master, $0.baseAddress, $0.count) }) > 0 {}
        do {
            return try ChildProcess.exitStatus(of: pid)
        } catch {
            throw Failure(description: error.description)
        }
    }
}
