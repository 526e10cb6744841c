import Foundation
import Testing
import TestSupport

/// `mikey-ibake lab sakke-*` and `lab eccsi-*` on the real binary: RFC 6508 and RFC 6507
/// Appendix A from the command line, line for line against the vector files, and bad input
/// refused with exit status 65 and a message that says what, where and what was expected.
@Suite struct LabMIKEYSAKKETests {
    let sakke = VectorFile("rfc6508-sakke.txt")
    let eccsi = VectorFile("rfc6507-eccsi.txt")

    /// The `name = value` lines of a successful run.
    private func values(_ arguments: [String]) throws -> [String: String] {
        let (status, output) = try CommandLineTests.run(["lab"] + arguments)
        #expect(status == 0, "\(arguments.first ?? ""): exit status \(status)\n\(output)")
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        return values
    }

    private func point(_ file: VectorFile, _ name: String) throws -> String {
        "\(try file.text(name + ".x")),\(try file.text(name + ".y"))"
    }

    @Test func sakkeAppendixA() throws {
        let key = try values(["sakke-key", "--z", sakke.text("z"), "--id-hex", sakke.text("b_octets")])
        for name in ["Z.x", "Z.y", "K_bS.x", "K_bS.y"] { #expect(key[name] == (try sakke.text(name)), "\(name)") }

        let sent = try values(["sakke-encapsulate", "--Z", point(sakke, "Z"), "--id-hex", sakke.text("b_octets"),
                               "--ssv", sakke.text("SSV_octets")])
        for name in ["r", "R_bS.x", "R_bS.y", "g_pow_r", "mask_octets", "H_octets"] {
            #expect(sent[name] == (try sakke.text(name)), "\(name)")
        }
        let data = try #require(sent["encapsulated_octets"])
        let received = try values(["sakke-decapsulate", "--Z", point(sakke, "Z"), "--id-hex", sakke.text("b_octets"),
                                   "--rsk", point(sakke, "K_bS"), "--data", data])
        #expect(received["w"] == (try sakke.text("w")))
        #expect(received["SSV_octets"] == (try sakke.text("SSV_octets")))

        let pairing = try values(["sakke-pairing", "--A", point(sakke, "P"), "--B", point(sakke, "P")])
        #expect(pairing["pairing"] == (try sakke.text("g")))
    }

    @Test func eccsiAppendixA() throws {
        let kms = try values(["eccsi-provision", "--ksak", eccsi.text("KSAK"), "--id-hex", eccsi.text("ID_octets"), "--v", eccsi.text("v")])
        for name in ["KPAK_octets", "PVT_octets", "HS_octets", "SSK_octets"] { #expect(kms[name] == (try eccsi.text(name)), "\(name)") }
        let signed = try values(["eccsi-sign", "--kpak", eccsi.text("KPAK_octets"), "--id-hex", eccsi.text("ID_octets"),
                                 "--ssk", eccsi.text("SSK_octets"), "--pvt", eccsi.text("PVT_octets"),
                                 "--message-hex", eccsi.text("M_octets"), "--j", eccsi.text("j")])
        for name in ["r_octets", "s_octets", "Sig_octets"] { #expect(signed[name] == (try eccsi.text(name)), "\(name)") }
        #expect(signed["HE_octets"] == (try eccsi.text("derived.HE_octets")))
        let (status, output) = try CommandLineTests.run(["lab", "eccsi-verify", "--kpak", eccsi.text("KPAK_octets"),
                                                         "--id-hex", eccsi.text("ID_octets"), "--message-hex", eccsi.text("M_octets"),
                                                         "--signature", eccsi.text("Sig_octets")])
        #expect(status == 0 && output.contains("valid"))
    }

    @Test func badInputIsRefusedWithWhatWhereAndExpected() throws {
        let id = try eccsi.text("ID_octets")
        var signature = Array(try eccsi.text("Sig_octets"))
        signature[10] = signature[10] == "0" ? "1" : "0"
        let cases: [([String], [String])] = [
            (["sakke-key", "--z", "0", "--id-hex", id], ["--z", "[2, q-1]"]),
            (["sakke-key", "--z", "12", "--id-hex", "abc"], ["--id-hex", "\"abc\"", "hex digits"]),
            (["sakke-pairing", "--A", "1,1", "--B", "1,1"], ["--A", "not on y^2 = x^3 - 3x"]),
            (["sakke-encapsulate", "--Z", try point(sakke, "Z"), "--id-hex", id, "--ssv", "0102"], ["--ssv", "16 expected"]),
            (["eccsi-sign", "--kpak", try eccsi.text("KPAK_octets"), "--id-hex", "00", "--ssk", try eccsi.text("SSK_octets"),
              "--pvt", try eccsi.text("PVT_octets"), "--message-hex", "00", "--j", "1"], ["--ssk", "§5.1.2", "KPAK"]),
            (["eccsi-verify", "--kpak", try eccsi.text("KPAK_octets"), "--id-hex", id, "--message-hex", try eccsi.text("M_octets"),
              "--signature", String(signature)], ["--signature", "§5.2.2", "step"]),
            (["eccsi-verify", "--kpak", "0401", "--id-hex", id, "--message-hex", "00", "--signature", "00"], ["--kpak", "65 octets expected"]),
        ]
        for (arguments, says) in cases {
            let (status, output) = try CommandLineTests.run(["lab"] + arguments)
            #expect(status == 65, "\(arguments.first ?? ""): exit status \(status)\n\(output)")
            for piece in says { #expect(output.contains(piece), "\(arguments.first ?? ""): missing \(piece):\n\(output)") }
        }
    }
}
