import Foundation

/// Finding what the end-to-end tests run: the package's scripts, tmux, and the
/// executables built beside the test binary.
public enum EndToEnd {
    /// The package root (this file is Tests/TUITestSupport/EndToEnd.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // TUITestSupport
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// tmux on PATH, if any.
    public static let tmux: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":")
        .map { "\($0)/tmux" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The executable `name` beside the test binary (the same build directory), if built.
    public static func built(_ name: String) -> String? {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// Runs `scripts/NAME` with `binary` under a clean signal mask; its exit status and output.
    public static func runScript(_ name: String, binary: String) throws -> (status: Int32, output: String) {
        try CleanSpawn.run(["/usr/bin/env", "bash", packageRoot.appendingPathComponent("scripts/\(name)").path, binary])
    }
}
