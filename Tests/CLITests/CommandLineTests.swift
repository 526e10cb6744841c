import ArgumentParser
import Demonstrator
import Foundation
import IBAKE
import IBE
@testable import mikey_ibake
import Primitives
import Scenarios
import Testing
import TUI
import TUITestSupport

/// The command line as a user meets it, on the real binary: every choice listed by
/// `--help`, bad values refused with the documented exit status and a message naming the
/// option, the value and what was expected, internal flags hidden, completion scripts.
@Suite struct CommandLineTests {
    /// The lab's scheme (Swift Testing has an `ExitStatus` of its own).
    typealias ExitStatus = mikey_ibake.ExitStatus

    static let binary = EndToEnd.built("mikey-ibake")

    /// Runs the binary with `arguments`: its exit status and output (stdout and stderr).
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let binary = try #require(Self.binary, "mikey-ibake is not built next to the tests; run `swift build --build-tests`")
        return try CleanSpawn.run([binary] + arguments)
    }

    /// Every command and subcommand, as typed.
    static let commands: [[String]] = [["interactive"], ["run"], ["tutorial"], ["decode"], ["export"], ["snapshot"], ["bench"], ["lab"], ["attacks"],
                                       ["lab", "pairing"], ["lab", "hash-to-point"], ["lab", "generate-params"],
                                       ["lab", "sakke-pairing"], ["lab", "sakke-key"], ["lab", "sakke-encapsulate"], ["lab", "sakke-decapsulate"],
                                       ["lab", "eccsi-provision"], ["lab", "eccsi-sign"], ["lab", "eccsi-verify"]]

    // MARK: choices

    /// Each choice and the commands whose `--help` must list all its values.
    static let choices: [(values: [String], commands: [[String]])] = [
        (ScenarioName.allCases.map(\.rawValue), [["interactive"], ["run"], ["export"], ["snapshot"]]),
        (Initiator.Policy.allCases.map(\.rawValue), [["interactive"], ["run"], ["export"], ["snapshot"]]),
        (ParameterSet.availableNames, [["interactive"], ["run"], ["export"], ["snapshot"], ["bench"]]),
        (RunCommand.Format.allCases.map(\.rawValue), [["run"]]),
        (FrameView.allCases.map(\.rawValue), [["snapshot"]]),
        (FrameFormat.allCases.map(\.rawValue), [["snapshot"]]),
        (TutorialName.allValueStrings, [["tutorial"]]),
        (HashFunction.allCases.map(\.rawValue), [["lab", "hash-to-point"], ["lab", "generate-params"]]),
        (ECDHGroupName.allValueStrings, [["lab", "generate-params"]]),
    ]

    @Test func helpListsEveryChoice() throws {
        #expect(ParameterSet.availableNames.contains("toy") && TutorialName.allValueStrings.count >= 11)
        for (values, commands) in Self.choices {
            for command in commands {
                let (status, help) = try Self.run(command + ["--help"])
                #expect(status == 0)
                // The parser wraps the list: compare with line breaks and indentation folded.
                let folded = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                for value in values {
                    #expect(folded.contains(value), "`\(command.joined(separator: " ")) --help` does not list \(value)")
                }
                #expect(folded.contains("(values: \(values.joined(separator: ", "))"), "\(command): \(folded)")
            }
        }
    }

    // MARK: exit statuses

    struct Refusal: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let status: ExitStatus
        /// Pieces of the message: the option, the value, what was expected.
        let says: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["run", "--scenario", "nope"], status: .usage,
                says: ["'nope'", "--scenario", "basic", "forking", "group"]),
        Refusal(arguments: ["--scenario", "nope"], status: .usage, says: ["'nope'", "--scenario", "basic"]),
        Refusal(arguments: ["export", "--out", "/tmp/never", "--scenario", "nope"], status: .usage, says: ["'nope'", "--scenario"]),
        Refusal(arguments: ["run", "--params", "huge"], status: .usage, says: ["'huge'", "--params", "ibe-128", "toy"]),
        Refusal(arguments: ["bench", "--params", "huge"], status: .usage, says: ["'huge'", "--params", "ibe-128"]),
        Refusal(arguments: ["run", "--policy", "maybe"], status: .usage, says: ["'maybe'", "--policy", "'continue' and 'refuse'"]),
        Refusal(arguments: ["run", "--format", "xml"], status: .usage, says: ["'xml'", "--format", "'text', 'markdown' or 'json'"]),
        Refusal(arguments: ["tutorial", "nope"], status: .usage, says: ["'nope'", "<name>", "why", "exchange"]),
        Refusal(arguments: ["tutorial", "99"], status: .usage, says: ["'99'", "<name>"]),
        Refusal(arguments: ["lab", "hash-to-point", "--p", "3", "--q", "5", "--hash", "md5", "--id-hex", "00"], status: .usage,
                says: ["'md5'", "--hash", "'sha256'"]),
        Refusal(arguments: ["lab", "generate-params", "--name", "x", "--summary", "x", "--hash", "sha256", "--security-bits", "8",
                            "--ecdh", "p999", "--p-bits", "40", "--q-bits", "16"], status: .usage, says: ["'p999'", "--ecdh", "'p256'"]),
        // The toy group's points have 4-octet coordinates (PROFILE D4): a larger p is refused before any search.
        Refusal(arguments: ["lab", "generate-params", "--name", "x", "--summary", "x", "--hash", "sha256", "--security-bits", "8",
                            "--ecdh", "toy", "--p-bits", "64", "--q-bits", "32"], status: .usage, says: ["--ecdh toy", "at most 32 bits", "64-bit p"]),
        Refusal(arguments: ["lab", "generate-params", "--name", "x", "--summary", "x", "--hash", "sha256", "--security-bits", "8",
                            "--ecdh", "toy", "--p", "1ffffffff", "--q", "3"], status: .usage, says: ["--ecdh toy", "33-bit p"]),
        // Numbers: negative and out of range.
        Refusal(arguments: ["--seed", "-1"], status: .usage, says: ["'-1'", "--seed", "non-negative integer"]),
        Refusal(arguments: ["run", "--seed", "-1"], status: .usage, says: ["'-1'", "--seed", "non-negative integer"]),
        Refusal(arguments: ["export", "--out", "/tmp/never", "--seed", "-1"], status: .usage, says: ["'-1'", "--seed", "non-negative"]),
        Refusal(arguments: ["run", "--seed", "18446744073709551616"], status: .usage, says: ["--seed", "non-negative integer"]),
        Refusal(arguments: ["--step", "0"], status: .usage, says: ["'0'", "--step", "1 or more"]),
        Refusal(arguments: ["--step", "-3"], status: .usage, says: ["'-3'", "--step", "1 or more"]),
        Refusal(arguments: ["--step", "999", "--params", "toy", "--seed", "1"], status: .usage,
                says: ["--step 999", "19 steps of scenario basic", "1 to 19"]),
        Refusal(arguments: ["--step", "29", "--scenario", "forking", "--params", "toy", "--seed", "1", "--plain"], status: .usage,
                says: ["--step 29", "scenario forking", "1 to 28"]),
        // snapshot: a step reference that does not parse, or names no step of the run; sizes; views.
        Refusal(arguments: ["snapshot", "--step", "bogus"], status: .usage,
                says: ["'bogus'", "--step", "first, last, send:MESSAGE, receive:MESSAGE or action:ACTION"]),
        Refusal(arguments: ["snapshot", "--step", "-2"], status: .usage, says: ["'-2'", "--step", "first, last"]),
        Refusal(arguments: ["snapshot", "--params", "toy", "--seed", "1", "--step", "999"], status: .usage,
                says: ["--step 999 names no step of scenario basic", "(19 steps)", "give 1 to 19"]),
        Refusal(arguments: ["snapshot", "--params", "toy", "--seed", "1", "--step", "send:Error"], status: .usage,
                says: ["--step send:Error names no step", "I_MESSAGE_1, R_MESSAGE_1", "action:ACTION", "compute"]),
        Refusal(arguments: ["snapshot", "--params", "toy", "--seed", "1", "--step", "receive:R_MESSAGE_1#2"], status: .usage,
                says: ["--step receive:R_MESSAGE_1#2 names no step"]),
        Refusal(arguments: ["snapshot", "--size", "60x20"], status: .usage, says: ["'60x20'", "--size", "from 80x24 to 500x200"]),
        Refusal(arguments: ["snapshot", "--size", "wide"], status: .usage, says: ["'wide'", "--size", "WIDTHxHEIGHT"]),
        Refusal(arguments: ["snapshot", "--view", "side"], status: .usage, says: ["'side'", "--view", "'main'", "'presenter'"]),
        Refusal(arguments: ["snapshot", "--format", "png"], status: .usage, says: ["'png'", "--format", "'txt' and 'svg'"]),
        Refusal(arguments: ["lab", "generate-params", "--name", "x", "--summary", "x", "--hash", "sha256", "--security-bits", "-8",
                            "--p-bits", "40", "--q-bits", "16"], status: .usage, says: ["'-8'", "--security-bits", "0 to 65536"]),
        Refusal(arguments: ["lab", "generate-params", "--name", "x", "--summary", "x", "--hash", "sha256", "--security-bits", "8",
                            "--p-bits", "10", "--q-bits", "8"], status: .usage, says: ["--q-bits", "--p-bits", "got --p-bits 10 --q-bits 8"]),
        // Combinations.
        Refusal(arguments: ["decode"], status: .usage, says: ["give the message once"]),
        Refusal(arguments: ["decode", "01", "--base64", "AQ=="], status: .usage, says: ["give the message once"]),
        Refusal(arguments: ["export", "--out", "/tmp/never", "--scenario", "basic", "--mikey-1"], status: .usage,
                says: ["--mikey-1", "--scenario basic"]),
        Refusal(arguments: ["run", "--no-such-option"], status: .usage, says: ["--no-such-option"]),
        // The attack lab plays against MIKEY-IBAKE's roles, not another mode's.
        Refusal(arguments: ["attacks", "--scenario", "mode-psk"], status: .usage, says: ["mode-psk", "MIKEY-IBAKE", "basic"]),
        Refusal(arguments: ["run", "--scenario", "mode-sakke", "--params", "toy", "--seed", "1", "--attack", "5:drop"],
                status: .usage, says: ["--attack", "mode-sakke", "MIKEY-IBAKE"]),
        Refusal(arguments: ["compare", "--format", "csv"], status: .usage, says: ["'csv'", "--format", "'text', 'markdown' or 'json'"]),
        // Bad data.
        Refusal(arguments: ["decode", "0g"], status: .dataError, says: ["HEX", "hex digits"]),
        Refusal(arguments: ["decode", "--base64", "!!"], status: .dataError, says: ["--base64", "base64"]),
        Refusal(arguments: ["decode", "--file", "/nonexistent/message.bin"], status: .dataError, says: ["--file", "/nonexistent"]),
        Refusal(arguments: ["lab", "pairing", "--p", "zz", "--q", "3", "--A", "1,2", "--B", "1,2"], status: .dataError,
                says: ["--p", "\"zz\"", "hexadecimal integer"]),
        Refusal(arguments: ["lab", "hash-to-point", "--p", "9cf27b1b", "--q", "a001", "--hash", "sha256", "--id-hex", "0"], status: .dataError,
                says: ["--id-hex", "\"0\"", "hex digits"]),
        // Protocol failure reported after what was understood.
        Refusal(arguments: ["decode", "0116"], status: .failure, says: ["MIKEY message, 2 octets", "error at offset"]),
        // Output that cannot be written.
        Refusal(arguments: ["export", "--out", "/proc/mikey-ibake-test", "--params", "toy", "--seed", "1"], status: .cannotCreate,
                says: ["--out", "cannot create /proc/mikey-ibake-test"]),
        Refusal(arguments: ["snapshot", "--out", "/proc/frame.svg", "--params", "toy", "--seed", "1"], status: .cannotCreate,
                says: ["--out", "cannot write /proc/frame.svg", "No such file or directory"]),
    ]

    @Test(arguments: refusals) func badValuesGiveTheDocumentedStatusAndSaySo(refusal: Refusal) throws {
        let (status, output) = try Self.run(refusal.arguments)
        #expect(status == refusal.status.rawValue, "exit status \(status):\n\(output)")
        for piece in refusal.says {
            #expect(output.contains(piece), "missing \(piece):\n\(output)")
        }
    }

    /// The full screen checks `--step` when the timeline arrives, and ends with the same
    /// status and message once the terminal is restored.
    @Test func stepBeyondTheRunIsRefusedOnTheFullScreenToo() throws {
        let binary = try #require(Self.binary, "mikey-ibake is not built next to the tests")
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "LINES=40", "COLUMNS=120"]
        let status = try PseudoTerminal.run([binary, "--step", "999", "--params", "toy", "--seed", "1"], environment: environment)
        #expect(status == ExitStatus.usage.rawValue)
    }

    @Test func acceptedBoundsStillRun() throws {
        let (last, output) = try Self.run(["--step", "19", "--params", "toy", "--seed", "1"])
        #expect(last == 0 && output.contains("step 19/19"))
        let (zero, _) = try Self.run(["run", "--seed", "0", "--params", "toy", "--scenario", "replay", "--policy", "refuse"])
        #expect(zero == 0)
    }

    @Test func helpDocumentsTheExitStatuses() throws {
        let (status, help) = try Self.run(["--help"])
        #expect(status == 0)
        let folded = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for exit in ExitStatus.allCases {
            #expect(folded.contains("\(exit.rawValue) \(exit.meaning)"), "--help lacks exit status \(exit.rawValue)")
        }
        #expect(folded.contains("--generate-completion-script bash|zsh|fish"))
    }

    @Test func readmeDocumentsTheExitStatusesAndCompletion() throws {
        let readme = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        for exit in ExitStatus.allCases {
            #expect(readme.contains("| \(exit.rawValue) |"), "README's exit-status table lacks \(exit.rawValue)")
        }
        for shell in ["bash", "zsh", "fish"] {
            #expect(readme.contains("--generate-completion-script \(shell)"), "README: completion for \(shell)")
        }
    }

    // MARK: version

    /// `--version` prints MikeyIbake.version, the version scripts/package names the tarball
    /// after (it reads it from Sources/mikey-ibake/Version.swift; `scripts/package --version`
    /// prints what it read and builds nothing).
    @Test func versionIsTheOneThePackageCarries() throws {
        let (status, output) = try Self.run(["--version"])
        #expect(status == 0)
        #expect(output == MikeyIbake.version + "\n")
        let script = EndToEnd.packageRoot.appendingPathComponent("scripts/package").path
        let (scriptStatus, packaged) = try CleanSpawn.run(["/usr/bin/env", "bash", script, "--version"])
        #expect(scriptStatus == 0)
        #expect(packaged == MikeyIbake.version + "\n", "scripts/package reads another version: \(packaged)")
        let parts = MikeyIbake.version.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) },
                "MAJOR.MINOR.PATCH, as the tarball's name carries it: \(MikeyIbake.version)")
    }

    // MARK: hidden flags

    @Test func internalFlagsAreNotInTheHelp() throws {
        for command in Self.commands + [[]] {
            let (_, help) = try Self.run(command + ["--help"])
            #expect(!help.contains("exit-after-first-frame"), "`\(command.joined(separator: " ")) --help` shows an internal flag")
        }
        let (_, hidden) = try Self.run(["interactive", "--help-hidden"])
        #expect(!hidden.contains("exit-after-first-frame"))
        for shell in CompletionShell.allCases {
            #expect(!MikeyIbake.completionScript(for: shell).contains("exit-after-first-frame"), "\(shell)")
        }
    }

    // MARK: completion

    @Test func bashCompletionNamesTheSubcommandsAndOffersTheScenarios() throws {
        let (status, script) = try Self.run(["--generate-completion-script", "bash"])
        #expect(status == 0)
        #expect(script.contains("compgen -W 'interactive run tutorial decode export snapshot bench lab attacks compare net help'"))
        // `--scenario` offers every scenario name, in run and in the demonstrator.
        let scenarios = "-W " + ScenarioName.allCases.map { "'\($0.rawValue)'" }.joined(separator: "$'\\n'")
        let offers = script.components(separatedBy: "'--scenario')").dropFirst().filter { $0.split(separator: "\n").first?.contains(scenarios) == true }
        #expect(offers.count >= 4, "run, interactive, export and snapshot complete --scenario with the scenario names")
        #expect(script.contains("'main'$'\\n''eve'$'\\n''kms'$'\\n''who'$'\\n''presenter'"), "snapshot --view")
        #expect(script.contains("'ibe-128'") && script.contains("'refuse'") && script.contains("'exchange'"))
    }

    @Test(arguments: ["zsh", "fish"]) func otherShellsGetAScriptToo(shell: String) throws {
        let (status, script) = try Self.run(["--generate-completion-script", shell])
        #expect(status == 0 && script.contains("forward-secrecy") && script.contains("generate-params"))
    }
}
