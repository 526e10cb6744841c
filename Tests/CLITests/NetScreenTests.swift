import Foundation
import Testing
import TUITestSupport

/// `net call` and `net phone` on a terminal open the demonstrator for their own party
/// (issue 14): the real binary on a pseudo-terminal, the KMS beside it as a process.
@Suite struct NetScreenTests {
    @Test("net call on a terminal shows the caller's screen until q; the phone's --json keys are the ones it agreed")
    func callerScreen() throws {
        let binary = try #require(CommandLineTests.binary, "mikey-ibake is not built next to the tests")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let made = try CommandLineTests.run(["net", "init", directory, "--user", "sip:alice@ims.example", "--user", "sip:bob@ims.example",
                                             "--params", "toy", "--seed", "5"])
        #expect(made.status == 0, "\(made.output)")
        let kms = try NetProcessTests.Party(["net", "kms", directory, "--listen", "127.0.0.1:0", "--json"])
        defer { kms.stop() }
        let kmsAddress = try NetProcessTests.fields(try kms.line(containing: "\"listening\""))["address"] ?? ""
        let phone = try NetProcessTests.Party(["net", "phone", directory, "--identity", "sip:bob@ims.example", "--kms", kmsAddress,
                                               "--listen", "127.0.0.1:0", "--json", "--seed", "5"])
        defer { phone.stop() }
        let phoneAddress = try NetProcessTests.fields(try phone.line(containing: "\"listening\""))["address"] ?? ""
        let session = try PseudoTerminalProcess(
            [binary, "net", "call", directory, "--identity", "sip:alice@ims.example", "--kms", kmsAddress, "--to", "sip:bob@ims.example",
             "--at", phoneAddress, "--seed", "5"],
            environment: ["TERM=xterm-256color", "LANG=C.UTF-8", "LINES=24", "COLUMNS=80", "PATH=/usr/bin:/bin"])
        #expect(session.read(until: "keys agreed with sip:bob@ims.example"), "\(session.output)")
        #expect(session.output.contains("net call alice → bob"), "the status line names the party")
        let phoneKeys = try NetProcessTests.fields(try phone.line(containing: "\"keys\""))
        let digest = try #require(phoneKeys["k_session_sha256"])
        #expect(session.read(until: String(digest.prefix(16))), "the caller's last step quotes the digest the phone logged")
        session.type("q")
        #expect(session.wait() == 0, "q ends the caller's screen")
        #expect(try session.isCanonicalWithEcho(), "the terminal's mode is restored")
    }
}
