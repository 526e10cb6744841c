import IBAKE
import IBE
import Scenarios
import Testing

/// Runs sharing an IBE memo (issue 12): a run is the same, byte for byte, whether the
/// memo it uses is new or full of other runs' work, and a branch finds its plain run's.
@Suite struct MemoTests {
    static func options(seed: UInt64?, _ set: String = "toy", memo: IBEMemo? = nil) throws -> ScenarioOptions {
        var options = ScenarioOptions(parameterSet: try ParameterSet.named(set), seed: seed)
        options.memo = memo
        return options
    }

    /// Everything a step says and carries, as text: equal fingerprints are equal steps.
    static func fingerprint(_ timeline: Timeline) -> [String] {
        timeline.steps.map { step in
            [String(step.index), step.actor.rawValue, step.action.rawValue, step.title, step.narration,
             step.notes.joined(separator: "; "), step.message.map { "\($0.kind.name) \($0.octets)" } ?? "-",
             "\(step.revealed)", "\(step.checks)", "\(step.ledger.parties.map(\.knows))"].joined(separator: " | ")
        }
    }

    /// A memo that already holds other runs' work: another seed of the set, and another set.
    static func usedMemo() throws -> IBEMemo {
        let memo = IBEMemo()
        _ = try Scenario.build(.basic, options: options(seed: 8, memo: memo))
        _ = try Scenario.build(.basic, options: options(seed: 7, "ibe-80", memo: memo))
        return memo
    }

    @Test(arguments: ScenarioName.ibakeScenarios)
    func aRunIsTheSameWithAUsedMemo(name: ScenarioName) throws {
        let fresh = try Scenario.build(name, options: Self.options(seed: 7))
        let memo = try Self.usedMemo()
        let first = try Scenario.build(name, options: Self.options(seed: 7, memo: memo))
        let reused = memo.statistics.reused
        let again = try Scenario.build(name, options: Self.options(seed: 7, memo: memo))
        #expect(memo.statistics.reused > reused, "the second run found the first one's work")
        #expect(Self.fingerprint(first) == Self.fingerprint(fresh))
        #expect(Self.fingerprint(again) == Self.fingerprint(fresh))
    }

    @Test(arguments: [AttackAction.flip(field: "IBAKE.U", bit: nil), .rogueKMS, .leak(.masterSecret)])
    func aBranchIsTheSameWithAUsedMemo(action: AttackAction) throws {
        let attack = Attack(at: .send(.iMessage1, occurrence: 1), action: action)
        let fresh = try Scenario.build(.basic, options: Self.options(seed: 7), attacks: [attack])
        let memo = try Self.usedMemo()
        let branch = try Scenario.build(.basic, options: Self.options(seed: 7, memo: memo), attacks: [attack])
        #expect(fresh.steps.contains { $0.branch })
        #expect(Self.fingerprint(branch) == Self.fingerprint(fresh))
    }

    /// Flips and the IBE work their branch does that its plain run did not: the altered
    /// I_MESSAGE_1's decryption; nothing for R_MESSAGE_2, which has no IBE layer.
    static let flips: [(MessageKind, String, Int)] = [(.iMessage1, "IBAKE.U", 1), (.rMessage2, "V.MAC", 0)]

    @Test(arguments: flips)
    func aBranchOfAMemoizedPlainRunComputesOnlyWhatTheAttackChanged(kind: IBAKE.MessageKind, field: String, computed: Int) throws {
        let memo = IBEMemo()
        let options = try Self.options(seed: 1, "ibe-80", memo: memo)
        let plain = try Scenario.build(.basic, options: options)
        let before = memo.statistics
        let attack = Attack(at: .send(kind, occurrence: 1), action: .flip(field: field, bit: nil))
        let branch = try Scenario.branch(of: plain, options: options, attacks: [attack])
        #expect(branch.steps.contains { $0.branch && $0.action == .refuse })
        #expect(memo.statistics.computed == before.computed + computed)
        #expect(memo.statistics.reused > before.reused)
    }

    @Test func aBranchRepeatsOnlyASeededPlainRunOfItsOptions() throws {
        let attack = Attack(at: .send(.iMessage1, occurrence: 1), action: .flip(field: "IBAKE.U", bit: nil))
        let unseeded = try Scenario.build(.basic, options: Self.options(seed: nil))
        #expect(throws: AttackSpecError.self) { try Scenario.branch(of: unseeded, options: Self.options(seed: nil), attacks: [attack]) }
        let seeded = try Scenario.build(.basic, options: Self.options(seed: 3))
        #expect(throws: AttackSpecError.self) { try Scenario.branch(of: seeded, options: Self.options(seed: 4), attacks: [attack]) }
        #expect(throws: AttackSpecError.self) { try Scenario.branch(of: seeded, options: Self.options(seed: 3, "ibe-80"), attacks: [attack]) }
        #expect(try Scenario.branch(of: seeded, options: Self.options(seed: nil), attacks: [attack]).seed == 3)
    }
}
