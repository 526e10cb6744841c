import Foundation
import Testing
import TUITestSupport

/// Plain mode as a reader meets it on a pseudo-terminal: a prompt after each step, a
/// single key without Enter, the terminal's own mode back afterwards; and with output to
/// a file, every step at once without a question, though input is a terminal.
@Suite struct PlainModeTests {
    static let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin"]
    static let run = ["--plain", "--params", "toy", "--seed", "1"]

    static func binary() throws -> String {
        try #require(CommandLineTests.binary, "mikey-ibake is not built next to the tests; run `swift build --build-tests`")
    }

    @Test func onATerminalEachStepWaitsForOneKey() throws {
        let session = try PseudoTerminalProcess([try Self.binary()] + Self.run, environment: Self.environment)
        #expect(session.read(until: "[step 1/19] Enter or Space: next step, a: all the rest, q: quit"), "\(session.output)")
        #expect(session.output.contains("step 1/19 [KMS compute]") && !session.output.contains("step 2/19"))
        #expect(try !session.isCanonicalWithEcho(), "keys are read one at a time, unechoed")
        session.type(" ")
        #expect(session.read(until: "[step 2/19]"), "Space, without Enter, shows the next step")
        session.type("q")
        #expect(session.wait() == 0, "q, without Enter, ends plain mode")
        #expect(!session.output.contains("step 3/19") && !session.output.contains("\r\nq"))
        #expect(try session.isCanonicalWithEcho(), "the terminal's mode is restored")
    }

    @Test func aRestoresAfterTheRest() throws {
        let session = try PseudoTerminalProcess([try Self.binary()] + Self.run, environment: Self.environment)
        #expect(session.read(until: "[step 1/19]"))
        session.type("a")
        #expect(session.wait() == 0)
        #expect(session.output.contains("step 19/19") && !session.output.contains("[step 2/19]"))
        #expect(try session.isCanonicalWithEcho())
    }

    @Test func outputToAFilePrintsEveryStepAtOnce() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        let session = try PseudoTerminalProcess([try Self.binary()] + Self.run, environment: Self.environment, outputFile: file.path)
        #expect(session.wait() == 0, "nothing typed, and it still ends")
        #expect(!session.output.contains("q: quit"), "no prompt: \(session.output)")
        let (_, run) = try CommandLineTests.run(["run", "--params", "toy", "--seed", "1"])
        #expect(try String(contentsOf: file, encoding: .utf8) == run)
        #expect(try session.isCanonicalWithEcho(), "the terminal was left alone")
    }
}
