import Foundation
import Testing
import TUITestSupport

/// Runs scripts/tmux-smoke.sh against the built tui-demo: the real ncurses backend
/// in a real (tmux) terminal. Skipped, with the reason, when tmux or the binary is missing.
@Suite("tmux end-to-end")
struct TmuxSmokeTests {
    static let tmux = EndToEnd.tmux
    static let demo = EndToEnd.built("tui-demo")

    @Test(
        "scripts/tmux-smoke.sh passes",
        .enabled(if: tmux != nil, "tmux is not installed; the end-to-end smoke test needs it (scripts/setup installs it)"),
        .enabled(if: demo != nil, "tui-demo is not built next to the tests; run `swift build --build-tests` first")
    )
    func smoke() throws {
        let demo = try #require(Self.demo)
        let (status, output) = try EndToEnd.runScript("tmux-smoke.sh", binary: demo)
        #expect(status == 0, "tmux-smoke.sh exited with \(status):\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "unexpected output:\n\(output)")
    }
}
