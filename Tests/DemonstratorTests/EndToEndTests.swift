import Foundation
import Testing
import TUITestSupport

/// The real `mikey-ibake` binary: in tmux (scripts/tmux-demonstrator.sh), and in
/// plain mode with its output going to a file. Skipped, with the reason, when tmux or
/// the binary is missing.
@Suite("Demonstrator: end to end")
struct EndToEndTests {
    static let tmux = EndToEnd.tmux
    static let binary = EndToEnd.built("mikey-ibake")

    @Test(
        "scripts/tmux-demonstrator.sh passes (120x40, 80x24, Ctrl-C, | cat, the first tutorial to its end)",
        .enabled(if: tmux != nil, "tmux is not installed; scripts/setup installs it"),
        .enabled(if: binary != nil, "mikey-ibake is not built next to the tests; run `swift build --build-tests` first")
    )
    func tmuxRun() throws {
        let binary = try #require(Self.binary)
        let (status, output) = try EndToEnd.runScript("tmux-demonstrator.sh", binary: binary)
        #expect(status == 0, "tmux-demonstrator.sh exited with \(status):\n\(output)")
        #expect(output.contains(" passed, 0 failed"), "unexpected output:\n\(output)")
    }

    @Test(
        "with output to a file, no arguments but the seed give plain mode: the lines of `run`",
        .enabled(if: binary != nil, "mikey-ibake is not built next to the tests")
    )
    func plainMode() throws {
        let binary = try #require(Self.binary)
        let arguments = ["--params", "toy", "--seed", "1"]
        let (status, plain) = try CleanSpawn.run([binary] + arguments)
        let (_, run) = try CleanSpawn.run([binary, "run"] + arguments)
        #expect(status == 0)
        #expect(plain == run && plain.contains("step 19/19"))
        #expect(!plain.contains("\u{1B}"), "no escape sequences in plain mode")

        let (_, first) = try CleanSpawn.run([binary, "--exit-after-first-frame", "--step", "2"] + arguments)
        #expect(first.contains("step 2/19") && !first.contains("step 3/19"), "the first frame in plain mode: up to --step")
    }

    @Test(
        "tutorial NAME with output to a file prints the text, as --plain does; an unknown name is refused",
        .enabled(if: binary != nil, "mikey-ibake is not built next to the tests")
    )
    func tutorialAsText() throws {
        let binary = try #require(Self.binary)
        let (status, text) = try CleanSpawn.run([binary, "tutorial", "exchange"])
        let (_, plain) = try CleanSpawn.run([binary, "tutorial", "exchange", "--plain"])
        #expect(status == 0 && text == plain)
        #expect(text.contains("3/10. I_MESSAGE_1 on the wire") && !text.contains("\u{1B}"))
        let (unknown, message) = try CleanSpawn.run([binary, "tutorial", "nope"])
        #expect(unknown == 64 && message.contains("The value 'nope' is invalid for '<name>'"))
    }

    @Test(
        "bad options are refused with a clear message, a scenario that cannot be built too",
        .enabled(if: binary != nil, "mikey-ibake is not built next to the tests")
    )
    func errors() throws {
        let binary = try #require(Self.binary)
        let (status, output) = try CleanSpawn.run([binary, "--scenario", "nope"])
        #expect(status == 64 && output.contains("The value 'nope' is invalid for '--scenario <scenario>'"))
        let (stepStatus, _) = try CleanSpawn.run([binary, "--step", "0"])
        #expect(stepStatus != 0)
        let (groupStatus, group) = try CleanSpawn.run([binary, "--scenario", "group", "--params", "toy", "--seed", "1"])
        #expect(groupStatus == 0 && group.contains("group_key"), "plain mode prints the group scenario")
    }
}
