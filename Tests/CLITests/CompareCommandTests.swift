import Foundation
import Scenarios
import Testing

/// `mikey-ibake compare` on the real binary: the JSON shape the issue fixes, one row per
/// mode, and the cells read from the runs.
@Suite struct CompareCommandTests {
    @Test("the JSON has one row per mode with exactly the documented keys, its cells those of the runs")
    func json() throws {
        let (status, output) = try CommandLineTests.run(["compare", "--params", "toy", "--seed", "1", "--format", "json"])
        #expect(status == 0, "\(output)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(Set(document.keys) == ["modes"])
        let modes = try #require(document["modes"] as? [[String: Any]])
        #expect(modes.compactMap { $0["mode"] as? String } == MIKEYMode.allCases.map(\.title))
        let keys: Set<String> = ["mode", "data_types", "messages", "round_trips", "octets", "initiator_us", "responder_us",
                                 "mutual_auth", "contributors", "forward_secrecy", "escrow", "needs"]
        for row in modes { #expect(Set(row.keys) == keys, "\(row["mode"] ?? "?")") }
        func row(_ title: String) -> [String: Any] { modes.first { $0["mode"] as? String == title } ?? [:] }
        #expect(row("MIKEY-SAKKE")["escrow"] as? [String] == ["KMS"] && row("MIKEY-SAKKE")["data_types"] as? [Int] == [26])
        #expect(row("MIKEY-IBAKE")["forward_secrecy"] as? Bool == true && row("MIKEY-IBAKE")["contributors"] as? [String] == ["I", "R"])
        #expect(row("MIKEY-RSA-R")["contributors"] as? [String] == ["R"] && row("MIKEY-PK")["forward_secrecy"] as? Bool == false)
        #expect(row("MIKEY-DH-SIGN")["needs"] as? [String] == ["CA"] && row("MIKEY-DHHMAC")["needs"] as? [String] == ["pre-shared key"])
        #expect((row("MIKEY-PSK")["initiator_us"] as? Int ?? 0) > 0, "times are measured")
    }

    @Test("the text table has a row per mode under the headings, and says what its columns mean")
    func text() throws {
        let (status, output) = try CommandLineTests.run(["compare", "--params", "toy", "--seed", "1"])
        #expect(status == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("mode ") && $0.contains("fwd secrecy") && $0.contains("escrow") })
        for mode in MIKEYMode.allCases { #expect(lines.contains { $0.hasPrefix(mode.title + " ") }, "\(mode.title)") }
        #expect(output.contains("escrow: who else computed the TGK"))
    }
}
