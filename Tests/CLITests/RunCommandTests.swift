import Foundation
import IBE
@testable import mikey_ibake
import Scenarios
import Testing

/// `mikey-ibake run`: the golden text of `run --scenario basic --seed 1`, and the JSON shape.
@Suite struct RunCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/run-basic-seed-1.txt")

    static func basic() throws -> (Timeline, ParameterSet) {
        let set = try ParameterSet.named(ParameterSet.defaultName)
        return (try Scenario.build(.basic, options: ScenarioOptions(parameterSet: set, seed: 1)), set)
    }

    @Test func basicSeed1MatchesTheGoldenText() throws {
        let (timeline, set) = try Self.basic()
        let text = TimelineText(timeline: timeline, parameterSummary: set.summary).allLines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["FIXTURE_RECORD"] == "1" || !FileManager.default.fileExists(atPath: Self.fixture.path) {
            try text.write(to: Self.fixture, atomically: true, encoding: .utf8)
            Issue.record("recorded \(Self.fixture.lastPathComponent); review it and run again")
            return
        }
        #expect(try String(contentsOf: Self.fixture, encoding: .utf8) == text)
    }

    @Test func jsonHasTheAgreedShape() throws {
        let (timeline, _) = try Self.basic()
        let data = Data(try TimelineJSON(timeline).text().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["scenario"] as? String == "basic" && object["seed"] as? Int == 1 && object["params"] as? String == "ibe-128")
        let parties = try #require(object["parties"] as? [[String: Any]])
        #expect(parties.compactMap { $0["id"] as? String } == ["initiator", "responder", "kms", "eve"])
        let steps = try #require(object["steps"] as? [[String: Any]])
        #expect(steps.count == timeline.steps.count)
        let send = try #require(steps.first { ($0["message"] as? [String: Any])?["name"] as? String == "I_MESSAGE_1" })
        let message = try #require(send["message"] as? [String: Any])
        #expect(message["from"] as? String == "initiator" && message["to"] as? String == "responder")
        #expect((message["hex"] as? String)?.hasPrefix("011605") == true)
        #expect(message["transport"] as? String == "mikey" && send["phase"] as? String == "exchange")
        let media = try #require(steps.last?["message"] as? [String: Any] ?? steps.dropLast().last?["message"] as? [String: Any])
        #expect(media["name"] as? String == "SRTP" && media["transport"] as? String == "rtp")
        let receive = try #require(steps.first { ($0["learned"] as? [String: [String]])?["responder"]?.contains("aP") == true })
        #expect((receive["values"] as? [String: String])?["aP"]?.hasPrefix("04") == true)
        // abP exists once R computes it; from then on Eve's ledger says why she cannot.
        let computed = try #require(steps.first { ($0["learned"] as? [String: [String]])?["responder"]?.contains("abP") == true })
        let ledger = try #require(computed["ledger"] as? [String: [String: Any]])
        let eve = try #require(ledger["eve"])
        #expect((eve["cannot"] as? [[String: Any]])?.contains { $0["value"] as? String == "abP" && !(($0["why"] as? String) ?? "").isEmpty } == true)
        let last = try #require(steps.last?["ledger"] as? [String: [String: Any]])
        let wiped = try #require(last["initiator"]?["wiped"] as? [[String: Any]])
        #expect(wiped.contains { $0["value"] as? String == "a" && $0["step"] is Int })
        #expect(steps.first?["message"] is NSNull)
    }
}
