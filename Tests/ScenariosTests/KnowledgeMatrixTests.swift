import IBAKE
import Scenarios
import Testing

/// The who-knows matrix reads one step's ledger: each standing and each agreement
/// mark must say what the ledger says at that step, not what the run does later.
@Suite struct KnowledgeMatrixTests {
    static func matrix(_ name: ScenarioName, at step: (Timeline) -> Step?) throws -> (KnowledgeMatrix, Timeline) {
        let timeline = try LedgerInvariantTests.timeline(name, "toy", 1)
        let step = try #require(step(timeline), "\(name): no such step")
        return (KnowledgeMatrix(step: step, parties: timeline.parties, names: [.a, .b, .aP, .bP, .abP, .mpk]), timeline)
    }

    static func column(_ matrix: KnowledgeMatrix, _ party: PartyID) throws -> Int {
        try #require(matrix.parties.firstIndex { $0.id == party })
    }

    @Test func basicWhereTheInitiatorLearnsAbP() throws {
        let (matrix, timeline) = try Self.matrix(.basic) { $0.step(where: .initiator, learns: .abP) }
        let abP = try #require(matrix.row(.abP))
        guard case .knows(let held) = abP[try Self.column(matrix, .initiator)] else { Issue.record("I holds abP"); return }
        #expect(held.map(\.step) == [matrix.step], "learned at this very step")
        guard case .knows = abP[try Self.column(matrix, .responder)] else { Issue.record("R holds abP"); return }
        #expect(abP.agreement == .same)
        guard case .cannot(let why) = abP[try Self.column(matrix, .eve)] else { Issue.record("Eve cannot compute abP"); return }
        #expect(why == timeline.steps[matrix.step - 1].ledger[.eve]?.impossibility(.abP)?.why)
        #expect(abP[try Self.column(matrix, .kms)] == .notYet, "the honest KMS never holds abP, nor is it said not to")
        // a is the initiator's alone: one holder, nothing to compare.
        #expect(try #require(matrix.row(.a)).agreement == .single)
    }

    @Test func beforeTheExchangeNobodyHoldsAbP() throws {
        let (matrix, _) = try Self.matrix(.basic) { timeline in
            timeline.step(where: .initiator, learns: .a).map { timeline.steps[$0.index - 2] }
        }
        let abP = try #require(matrix.row(.abP))
        for party in [PartyID.initiator, .responder, .kms] {
            #expect(abP[try Self.column(matrix, party)] == .notYet, "\(party)")
        }
        #expect(abP.agreement == .single)
    }

    @Test func theMaliciousKMSLeavesTheTwoEndsWithDifferentKeys() throws {
        let (matrix, _) = try Self.matrix(.maliciousKMS) { $0.steps.last }
        for name in [ValueName.abP, .mpk] {
            let row = try #require(matrix.row(name))
            #expect(row.agreement == .different, "\(name): I and R believe they share it; they do not")
            guard case .knows(let kms) = row[try Self.column(matrix, .kms)] else { Issue.record("the KMS holds \(name)"); continue }
            #expect(Set(kms.map(\.octets)).count == kms.count, "distinct values only")
        }
        let abP = try #require(matrix.row(.abP))
        guard case .knows(let kms) = abP[try Self.column(matrix, .kms)] else { return }
        #expect(kms.count == 2, "the KMS holds one abP per side")
    }
}
