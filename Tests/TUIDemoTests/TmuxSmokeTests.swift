import Foundation
import Testing
import TUITestSupport

/// Runs scripts/tmux-smoke.sh against the built tui-demo: the real ncurses backend
/// in a real (tmux) terminal. Skipped, with the reason, when tmux or the binary is missing.
@Suite("tmux end-to-end")
struct TmuxSmokeTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // TUIDemoTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// tmux on PATH, if any.
    static let tmux: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":")
        .map { "\($0)/tmux" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// tui-demo beside the test binary (the same build directory), if built.
    static let demo: String? = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("tui-demo").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    @Test(
        "scripts/tmux-smoke.sh passes",
        .enabled(if: tmux != nil, "tmux is not installed; the end-to-end smoke test needs it (scripts/setup installs it)"),
        .enabled(if: demo != nil, "tui-demo is not built next to the tests; run `swift build --build-tests` first")
    )
    func smoke() throws {
        let demo = try #require(Self.demo)
        let script = Self.packageRoot.appendingPathComponent("scripts/tmux-smoke.sh").path
        let (status, output) = try CleanSpawn.run(["/usr/bin/env", "bash", script, demo])
        #expect(status == 0, "tmux-smoke.sh exited with \(status):\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "unexpected output:\n\(output)")
    }
}
