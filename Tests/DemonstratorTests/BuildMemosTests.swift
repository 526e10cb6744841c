import Demonstrator
import IBE
import Scenarios
import Testing

/// The session's memos (issue 12): a branch built in the background finds its main
/// line's IBE work, since both come from one configuration's memo.
@Suite("Demonstrator: build memos")
struct BuildMemosTests {
    static func config(seed: UInt64?, policy: InitiatorPolicy = .standard) throws -> AppConfig {
        AppConfig(parameterSet: try ParameterSet.named("toy"), seed: seed, policy: policy)
    }

    @Test("one memo per parameter set and seed; none without a seed")
    func onePerConfiguration() throws {
        let memos = BuildMemos()
        let memo = try #require(memos.memo(for: Self.config(seed: 1)))
        #expect(memos.memo(for: try Self.config(seed: 1)) === memo)
        // The policy changes no IBE result, so it shares the memo.
        #expect(memos.memo(for: try Self.config(seed: 1, policy: .refuse)) === memo)
        #expect(memos.memo(for: try Self.config(seed: 2)) !== memo)
        #expect(memos.memo(for: AppConfig(parameterSet: try ParameterSet.named("ibe-80"), seed: 1)) !== memo)
        #expect(memos.memo(for: try Self.config(seed: nil)) == nil)
    }

    @Test("a branch built after its main line computes no IBE work the main line did")
    func branchFindsTheMainLinesWork() throws {
        let memos = BuildMemos()
        let config = try Self.config(seed: 1)
        let memo = try #require(memos.memo(for: config))
        #expect(ScenarioModel.build(BuildKey(.basic, config), memos: memos).model != nil)
        let computed = memo.statistics.computed
        #expect(computed > 0)
        // R_MESSAGE_2 has no IBE layer: up to it the branch repeats the main line.
        let attack = Attack(at: .send(.rMessage2, occurrence: 1), action: .flip(field: "V.MAC", bit: nil))
        let branch = try #require(ScenarioModel.build(BuildKey(.basic, config, attacks: [attack]), memos: memos).model)
        #expect(branch.timeline.steps.contains { $0.branch })
        #expect(memo.statistics.computed == computed)
    }
}
