import IBAKE
import IBE
import Scenarios
import Testing

/// `compare`'s cells come from the runs: each mode's row says what its run showed, and
/// the contrasts the comparison exists for hold (issue 13).
@Suite struct ModeComparisonTests {
    static func rows() throws -> [MIKEYMode: ModeComparison] {
        let options = ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 13)
        return try Dictionary(uniqueKeysWithValues: MIKEYMode.allCases.map { ($0, try ModeComparison.measure($0, options: options)) })
    }

    @Test("messages, data types and octets are those on the wire")
    func wire() throws {
        let rows = try Self.rows()
        #expect(rows[.psk]?.dataTypes == [0, 1] && rows[.psk]?.messages == 2 && rows[.psk]?.roundTrips == 1)
        #expect(rows[.sakke]?.dataTypes == [26] && rows[.sakke]?.roundTrips == 0.5)
        #expect(rows[.ibake]?.dataTypes == [22, 23, 24, 25] && rows[.ibake]?.roundTrips == 2)
        let basic = try Scenario.build(.basic, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 13))
        let octets = basic.steps.filter { $0.phase == .exchange && $0.action == .send }.compactMap(\.message?.octets.count).reduce(0, +)
        #expect(rows[.ibake]?.octets == octets)
    }

    @Test("only IBAKE has both forward secrecy and no escrow; SAKKE's KMS holds the TGK; PSK falls to its key")
    func theContrasts() throws {
        let rows = try Self.rows()
        #expect(rows[.ibake]?.forwardSecrecy == true && rows[.ibake]?.escrow == [])
        #expect(rows[.ibake]?.contributors == ["I", "R"] && rows[.ibake]?.mutualAuthentication == true)
        #expect(rows[.sakke]?.escrow == ["KMS"] && rows[.sakke]?.forwardSecrecy == false)
        #expect(rows[.sakke]?.mutualAuthentication == false && rows[.sakke]?.contributors == ["I"])
        #expect(rows[.psk]?.forwardSecrecy == false && rows[.psk]?.needs == ["pre-shared key"])
        #expect(rows[.psk]?.mutualAuthentication == true && rows[.psk]?.contributors == ["I"])
        #expect(rows[.sakke]?.needs == ["KMS"] && rows[.ibake]?.needs.contains("KMS") == true)
    }
}
