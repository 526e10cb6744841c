import IBAKE
import IBE
import Primitives
@testable import Scenarios
import Testing

/// The `group` scenario (PROFILE D14), checked on the ledger: every agreement's members
/// hold one key, each join and leave changes it, and neither the server nor Eve ever
/// knows one.
@Suite struct GroupScenarioTests {
    static let runs: [(String, UInt64)] = [("toy", 1), ("toy", 7), ("ibe-80", 1), ("ibe-80", 7)]

    func build(_ set: String, seed: UInt64) throws -> Timeline {
        try Scenario.build(.group, options: ScenarioOptions(parameterSet: try ParameterSet.named(set), seed: seed))
    }

    /// The distinct group_key values `party` ever held, in the order learned.
    func groupKeys(_ ledger: Ledger, _ party: PartyID) -> [[UInt8]] {
        (ledger[party]?.knows ?? []).filter { $0.name == .groupKey }.map(\.octets)
    }

    /// Four members agree; five after the join; four after member-2 leaves. Each member
    /// holds exactly the keys of the agreements it took part in, and the three differ.
    @Test(arguments: runs)
    func everyAgreementHasOneKeyAndEachChangeMakesANewOne(set: String, seed: UInt64) throws {
        let timeline = try build(set, seed: seed)
        let ledger = try #require(timeline.finalLedger)
        let first = groupKeys(ledger, .member(1))
        try #require(first.count == 3)
        let (before, joined, left) = (first[0], first[1], first[2])
        #expect(Set(first).count == 3)
        #expect(groupKeys(ledger, .member(3)) == [before, joined, left])
        #expect(groupKeys(ledger, .member(4)) == [before, joined, left])
        #expect(groupKeys(ledger, .member(2)) == [before, joined])   // left before the third
        #expect(groupKeys(ledger, .member(5)) == [joined, left])     // joined for the second
        #expect(first.allSatisfy { $0.count == 32 })                  // SHA-256 of K
        #expect(timeline.parties.map(\.id) == [.kms, .server, .member(1), .member(2), .member(3), .member(4), .eve, .member(5)])
    }

    /// At no step do the server or Eve hold a group key, under any name; once a member
    /// holds one, their ledgers say why; Eve recorded the group frames.
    @Test(arguments: runs)
    func serverAndEveNeverKnowAGroupKey(set: String, seed: UInt64) throws {
        let timeline = try build(set, seed: seed)
        let final = try #require(timeline.finalLedger)
        let keys = Set(groupKeys(final, .member(1)) + groupKeys(final, .member(5)))
        for step in timeline.steps {
            for outsider in [PartyID.server, .eve] {
                let ledger = try #require(step.ledger[outsider])
                #expect(ledger.value(.groupKey) == nil, "step \(step.index): \(outsider) knows group_key")
                #expect(!ledger.knows.contains { keys.contains($0.octets) }, "step \(step.index): \(outsider) holds a key's octets")
                let exists = step.ledger.parties.contains { $0.value(.groupKey) != nil }
                let reason = ledger.cannot.first { $0.name == .groupKey }
                #expect(exists == (reason != nil), "step \(step.index): \(outsider)")
                #expect(reason?.why.isEmpty != true)
            }
        }
        #expect(final[.eve]?.recorded.contains(.groupX) == true)
        #expect(final[.eve]?.recorded.contains(.groupZ) == true)
    }

    /// Same seed, same timeline byte for byte; another seed, another timeline.
    @Test(arguments: ["toy", "ibe-80"])
    func seededRunsRepeat(set: String) throws {
        let one = Self.fingerprint(try build(set, seed: 3))
        #expect(one == Self.fingerprint(try build(set, seed: 3)))
        #expect(one != Self.fingerprint(try build(set, seed: 4)))
    }

    /// Every field of every step, ledgers included, as text.
    static func fingerprint(_ timeline: Timeline) -> String {
        var lines = [timeline.scenario.rawValue, timeline.parameterSet, "\(timeline.seed ?? 0)"]
        lines += timeline.parties.map { "\($0.id) \($0.identity ?? "-") \($0.kind.jsonName) \($0.tag)" }
        for step in timeline.steps {
            lines.append("\(step.index) \(step.actor) \(step.action.rawValue) \(step.title) | \(step.narration) | \(step.references)")
            if let message = step.message {
                lines.append("\(message.kind) \(message.from) \(message.to) \(message.notation) \(Hex.encode(message.octets))")
            }
            lines += step.revealed.map { "+ \($0.party) \($0.value.name.rawValue) \(Hex.encode($0.value.octets)) \($0.value.source)" }
            lines += step.checks.map { "check \($0.check.rawValue) \($0.passed) \($0.detail)" }
            for party in step.ledger.parties {
                lines.append(party.party.rawValue + " knows " + party.knows.map { "\($0.name.rawValue)=\(Hex.encode($0.octets))@\($0.step)" }.joined(separator: ","))
                lines.append(party.party.rawValue + " cannot " + party.cannot.map { "\($0.name.rawValue): \($0.why)" }.joined(separator: ";"))
                lines.append(party.party.rawValue + " recorded " + party.recorded.map(\.name).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The pieces under the scenario: the Burmester-Desmedt algebra and the frame.
@Suite struct BurmesterDesmedtTests {
    /// For rings of 3 to 6, every member's K equals Σ r_i·r_{i+1}·P, and the X sum to zero.
    @Test(arguments: 3...6)
    func everyMemberComputesTheRingSum(n: Int) throws {
        let random = HMACDRBG(seed: UInt64(n))
        let members = try (0..<n).map { _ in try BurmesterDesmedt.contribute(using: random) }
        let z = members.map(\.z)
        let x = try (0..<n).map { i in
            try BurmesterDesmedt.crossValue(members[i], next: z[(i + 1) % n], previous: z[(i + n - 1) % n])
        }
        #expect(try BurmesterDesmedt.sumsToZero(x))
        var expected = try z[1].multiplied(by: members[0].secret)
        for i in 1..<n { expected = try expected.adding(z[(i + 1) % n].multiplied(by: members[i].secret)) }
        for i in 0..<n {
            let ordered = (0..<(n - 1)).map { x[(i + $0) % n] }
            #expect(try BurmesterDesmedt.key(members[i], previous: z[(i + n - 1) % n], crossValues: ordered) == expected)
        }
        // A changed X no longer sums to zero.
        var changed = x
        changed[0] = try changed[0].adding(BurmesterDesmedt.curve.generator)
        #expect(try !BurmesterDesmedt.sumsToZero(changed))
    }

    @Test func frameRoundTripsAndDecodesStrictly() throws {
        let frame = GroupFrame(round: 2, agreement: 3, entries: [
            GroupFrame.Entry(sender: 1, recipient: 4, ciphertext: [0x04, 1, 2, 3]),
            GroupFrame.Entry(sender: 5, recipient: 4, ciphertext: Array(repeating: 0xAB, count: 300)),
        ])
        #expect(try GroupFrame(decoding: frame.encoded) == frame)
        #expect(throws: GroupFailure.self) { try GroupFrame(decoding: frame.encoded + [0]) }           // trailing octet
        #expect(throws: GroupFailure.self) { try GroupFrame(decoding: Array(frame.encoded.dropLast())) } // overrun
        #expect(throws: GroupFailure.self) { try GroupFrame(decoding: [0x42, 0x44, 2, 1, 1, 0]) }      // version
    }
}
