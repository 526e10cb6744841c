import Foundation
import IBE
import Scenarios
import Testing

/// The typed identifiers that cross from the scenarios to the screens and the JSON.
@Suite("Scenarios: typed parties, messages and values")
struct SeamTypeTests {
    static func timeline(_ name: ScenarioName) throws -> Timeline {
        try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
    }

    @Test("every scenario has one KMS, and Eve (when present) is the outsider, whichever role she plays")
    func roles() throws {
        for name in ScenarioName.allCases {
            let timeline = try Self.timeline(name)
            if !name.isMode { #expect(timeline.parties.filter(\.kind.isKMS).map(\.id) == [.kms], "\(name)") }
            #expect(timeline.parties.filter(\.kind.isOutsider).map(\.id) == [.eve], "\(name)")
        }
        #expect(Party.Kind.maliciousKMS.jsonName == "attacker" && Party.activeEve.kind.jsonName == "attacker")
    }

    @Test("ids, message kinds and value names encode as the strings the JSON always had")
    func encodings() throws {
        let encoded = try JSONEncoder().encode([PartyID.device(2).rawValue, MessageKind.rMessage2.name, ValueName.groupKey.rawValue])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["device-2","R_MESSAGE_2","group_key"]"#)
        #expect(try JSONEncoder().encode(MessageKind.srtp) == JSONEncoder().encode("SRTP"))
        #expect(try JSONDecoder().decode(MessageKind.self, from: Data(#""I_MESSAGE_2""#.utf8)) == .iMessage2)
        #expect(try JSONEncoder().encode(PartyID.targetC) == JSONEncoder().encode("target-c"))
        for kind in MessageKind.known { #expect(MessageKind(named: kind.name) == kind) }
        for value in ValueName.vocabulary { #expect(ValueName(named: value.rawValue) == value) }
        #expect(MessageKind(named: "NOPE") == nil && ValueName(named: "nope") == nil)
    }

    @Test("steps are found by meaning: where R learns abP, where I_MESSAGE_2 is sent")
    func queries() throws {
        let timeline = try Self.timeline(.basic)
        let learns = try #require(timeline.step(where: .responder, learns: .abP))
        #expect(learns.revealed.contains { $0.party == .responder && $0.value.name == .abP })
        #expect(timeline.steps(sending: .iMessage2).map(\.actor) == [.initiator])
        #expect(timeline.steps(sending: .srtp).count == 1)
    }
}
