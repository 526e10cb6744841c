import Foundation
import IBE
@testable import mikey_ibake
import Scenarios
import Testing

/// `mikey-ibake attacks` and `run --attack` (issue 12): the sweep's table of what catches
/// each flipped bit, kept as a golden file so a change in what catches what is seen in
/// review; attack specs on the real binary.
@Suite struct AttacksCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sweep-basic-toy-seed-1.txt")

    @Test func theSweepOfBasicMatchesTheGoldenTable() throws {
        let options = ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1)
        let rows = try AttackSweep.run(.basic, options: options)
        let text = SweepTable(scenario: .basic, options: options, rows: rows).lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["FIXTURE_RECORD"] == "1" || !FileManager.default.fileExists(atPath: Self.fixture.path) {
            try text.write(to: Self.fixture, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.fixture.lastPathComponent); review it and run again")
            return
        }
        #expect(try String(contentsOf: Self.fixture, encoding: .utf8) == text)
        // Every ciphertext flip is refused by decryption, every V MAC flip by the MAC.
        for row in rows where row.field.hasPrefix("IBAKE.") && ["U", "V", "W"].contains(row.field.dropFirst(6)) {
            #expect(row.outcome == .refused(check: .decryption, by: row.message == .rMessage1 ? .initiator : .responder,
                                            message: row.message, attacked: true))
        }
        #expect(rows.first { $0.field == "V.MAC" }?.outcome == .refused(check: .verificationMAC, by: .initiator, message: .rMessage2, attacked: true))
    }

    @Test func runWithAnAttackMarksTheBranchInJSON() throws {
        let result = try CommandLineTests.run(["run", "--scenario", "basic", "--params", "toy", "--seed", "1", "--format", "json",
                                               "--attack", "send:R_MESSAGE_2:flip:V.MAC"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let steps = try #require(object["steps"] as? [[String: Any]])
        let branch = steps.filter { $0["branch"] as? Bool == true }
        #expect(branch.first?["action"] as? String == "tamper")
        #expect(branch.last?["action"] as? String == "refuse")
        #expect(steps.filter { $0["branch"] == nil }.count == steps.count - branch.count)
        #expect(object["attacks"] as? [String] == ["send:R_MESSAGE_2:flip:V.MAC"])
        let plain = try CommandLineTests.run(["run", "--scenario", "basic", "--params", "toy", "--seed", "1", "--format", "json"])
        let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.output.utf8)) as? [String: Any])
        #expect(plainObject["attacks"] == nil && plainObject["steps"] != nil)
    }

    @Test func badAttackSpecsAreUsageErrorsThatListWhatWouldDo() throws {
        let action = try CommandLineTests.run(["run", "--params", "toy", "--seed", "1", "--attack", "9:zap"])
        #expect(action.status == mikey_ibake.ExitStatus.usage.rawValue)
        #expect(action.output.contains("flip:FIELD[:BIT]") && action.output.contains("replay:MESSAGE"))
        let field = try CommandLineTests.run(["run", "--params", "toy", "--seed", "1", "--attack", "send:I_MESSAGE_1:flip:NOPE"])
        #expect(field.status == mikey_ibake.ExitStatus.usage.rawValue)
        #expect(field.output.contains("IBAKE.U") && field.output.contains("HDR.SSRC_1"))
        let step = try CommandLineTests.run(["run", "--params", "toy", "--seed", "1", "--attack", "99:drop"])
        #expect(step.status == mikey_ibake.ExitStatus.usage.rawValue)
    }

    @Test func theListingNamesTheFieldsWhereEachMessageIsSent() throws {
        let result = try CommandLineTests.run(["attacks", "--scenario", "basic", "--params", "toy", "--seed", "1"])
        #expect(result.status == 0)
        #expect(result.output.contains("in transit: I_MESSAGE_1 (this step)") && result.output.contains("IBAKE.W"))
        #expect(result.output.contains("replay:R_MESSAGE_2[:AFTER_SECONDS]"))
    }
}
