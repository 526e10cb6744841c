import Foundation
import IBE
import Primitives
import Scenarios
import Testing

/// `mikey-ibake net` as a classroom runs it: the KMS, Bob's phone and Alice's call each a
/// process of its own, MIKEY between them on real UDP sockets (loopback here; the
/// namespaces of scripts/netns-calls put them on separate hosts).
@Suite struct NetProcessTests {
    /// A running party: its process, its output going to a file the test reads (no pipe
    /// and readability handler: a dispatch source left on a closed pipe crashed the runner).
    final class Party {
        let process = Process()
        let output: URL

        init(_ arguments: [String]) throws {
            let binary = try #require(CommandLineTests.binary, "mikey-ibake is not built next to the tests")
            output = FileManager.default.temporaryDirectory.appendingPathComponent("net-party-\(UUID().uuidString).log")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            try handle.close()
        }

        var lines: [String] {
            (try? String(contentsOf: output, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        }

        /// The first line with `text`, waiting up to `seconds`.
        func line(containing text: String, seconds: Double = 20) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let line = lines.first(where: { $0.contains(text) }) { return line }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw Missing(text: text, output: lines)
        }

        struct Missing: Error, CustomStringConvertible {
            let text: String
            let output: [String]
            var description: String { "no line with \(text) in:\n" + output.joined(separator: "\n") }
        }

        /// Ends the process (the servers run until told) and removes its log.
        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: output)
        }
    }

    /// The fields of a `--json` line.
    static func fields(_ line: String) throws -> [String: String] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    }

    @Test("net init, kms, phone and call as three processes: the caller's last line is the keys, the phone's are the same, and seeded they are the in-process run's")
    func threeProcesses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let made = try CommandLineTests.run(["net", "init", directory, "--user", "sip:alice@ims.example", "--user", "sip:bob@ims.example",
                                             "--params", "toy", "--seed", "5"])
        #expect(made.status == 0, "\(made.output)")
        let kms = try Party(["net", "kms", directory, "--listen", "127.0.0.1:0", "--json"])
        defer { kms.stop() }
        let kmsAddress = try Self.fields(try kms.line(containing: "\"listening\""))["address"] ?? ""
        let phone = try Party(["net", "phone", directory, "--identity", "sip:bob@ims.example", "--kms", kmsAddress,
                               "--listen", "127.0.0.1:0", "--json", "--seed", "5"])
        defer { phone.stop() }
        let phoneAddress = try Self.fields(try phone.line(containing: "\"listening\""))["address"] ?? ""
        let call = try CommandLineTests.run(["net", "call", directory, "--identity", "sip:alice@ims.example", "--kms", kmsAddress,
                                             "--to", "sip:bob@ims.example", "--at", phoneAddress, "--json", "--seed", "5"])
        #expect(call.status == 0, "\(call.output)")
        let callerKeys = try Self.fields(try #require(call.output.split(separator: "\n").last.map(String.init)))
        #expect(callerKeys["event"] == "keys" && callerKeys["peer"] == "sip:bob@ims.example")
        let phoneKeys = try Self.fields(try phone.line(containing: "\"keys\""))
        #expect(phoneKeys["peer"] == "sip:alice@ims.example")
        for field in ["k_session_sha256", "tgk", "srtp_key", "srtp_salt"] {
            #expect(callerKeys[field] != nil && callerKeys[field] == phoneKeys[field], "\(field)")
        }
        #expect(try kms.line(containing: "sip:alice@ims.example").contains("provisioned"))
        // Seeded, each process draws what its party draws in the in-process run of that seed.
        let run = try Scenario.build(.basic, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 5))
        let kSession = try #require(run.finalLedger?[.initiator]?.value(.sessionKey)?.octets)
        #expect(callerKeys["k_session_sha256"] == Hex.encode(HashFunction.sha256.digest(kSession)))
    }

    @Test("a realm is not overwritten, a user must be a URI, and a call to nobody says what to give: usage errors")
    func refusals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try CommandLineTests.run(["net", "init", directory, "--user", "alice"]).status == 64)
        #expect(try CommandLineTests.run(["net", "init", directory, "--user", "sip:a@b", "--params", "toy"]).status == 0)
        let again = try CommandLineTests.run(["net", "init", directory, "--user", "sip:a@b"])
        #expect(again.status == 64 && again.output.contains("not overwritten"))
        let nobody = try CommandLineTests.run(["net", "call", directory, "--identity", "sip:a@b", "--kms", "127.0.0.1:9", "--to", "sip:b@c"])
        #expect(nobody.status == 64 && nobody.output.contains("--at"))
        let bad = try CommandLineTests.run(["net", "kms", directory, "--listen", "nowhere"])
        #expect(bad.status == 64 && bad.output.contains("--listen"))
    }

    @Test("forking, ringing, messages and pickups: each malformed option is a usage error that names it")
    func forkingAndDeferredRefusals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let noEquals = try CommandLineTests.run(["net", "init", directory, "--user", "sip:a@b", "--common", "sip:bob@b"])
        #expect(noEquals.status == 64 && noEquals.output.contains("URI=DEVICE"))
        let stranger = try CommandLineTests.run(["net", "init", directory, "--user", "sip:a@b", "--common", "sip:bob@b=sip:x@b"])
        #expect(stranger.status == 64 && stranger.output.contains("sip:x@b is not a --user"))
        let made = try CommandLineTests.run(["net", "init", directory, "--user", "sip:a@b", "--user", "sip:d@b",
                                             "--common", "sip:bob@b=sip:d@b", "--params", "toy"])
        #expect(made.status == 0 && made.output.contains("common identity sip:bob@b"), "\(made.output)")
        let phone = ["net", "phone", directory, "--identity", "sip:a@b", "--kms", "127.0.0.1:9"]
        for ring in ["5", "3h", "ms", "601s", "-1s"] {
            let refused = try CommandLineTests.run(phone + ["--ring", ring])
            #expect(refused.status == 64 && refused.output.contains("--ring") && refused.output.contains("300ms"), "\(ring): \(refused.output)")
        }
        let notGranted = try CommandLineTests.run(phone + ["--common", "sip:bob@b"])
        #expect(notGranted.status == 64 && notGranted.output.contains("does not grant sip:a@b"), "\(notGranted.output)")
        let ringingRelay = try CommandLineTests.run(phone + ["--ring", "1s", "--forward-to", "sip:d@b", "--at", "127.0.0.1:9"])
        #expect(ringingRelay.status == 64 && ringingRelay.output.contains("--ring"))
        let empty = try CommandLineTests.run(["net", "call", directory, "--identity", "sip:a@b", "--kms", "127.0.0.1:9", "--to", "sip:bob@b",
                                              "--at", "127.0.0.1:9", "--message", ""])
        #expect(empty.status == 64 && empty.output.contains("--message"))
        let nowhere = try CommandLineTests.run(["net", "pickup", directory, "--identity", "sip:a@b", "--kms", "127.0.0.1:9"])
        #expect(nowhere.status == 64 && nowhere.output.contains("--from"))
    }
}
