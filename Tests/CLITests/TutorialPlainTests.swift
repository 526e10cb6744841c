import Foundation
import Testing

/// `mikey-ibake tutorial NAME --plain` on the real binary: claims read as the panel's
/// sentences, a section that goes back in its run says so, a section's inspected field
/// comes with its octets, and no directive syntax reaches the reader.
@Suite struct TutorialPlainTests {
    static func plain(_ name: String) throws -> String {
        let (status, output) = try CommandLineTests.run(["tutorial", name, "--plain"])
        #expect(status == 0, "\(output)")
        return output
    }

    @Test func claimsReadAsSentences() throws {
        let escrow = try Self.plain("escrow")
        #expect(escrow.contains("Checked on the ledger: The KMS holds s, I_PrK and R_PrK."))
        #expect(escrow.contains("Checked on the ledger: Eve cannot compute aP."))
        #expect(escrow.contains("Checked on the ledger: The responder does not hold I_PrK."))
        let claims = escrow.split(separator: "\n").filter { $0.contains("Checked on the ledger:") }
        #expect(!claims.isEmpty && claims.allSatisfy { $0.hasSuffix(".") })
        for document in try Self.ids() {
            let text = try Self.plain(document)
            let raw = text.split(separator: "\n").filter { line in
                line.contains("Checked on the ledger:") && [" knows ", " lacks ", " cannot "].contains { line.contains($0) }
                    && !line.contains("cannot compute")
            }
            #expect(raw.isEmpty, "\(document): \(raw)")
            #expect(!text.contains("<!--") && !text.contains("action:refuse#"), "\(document)")
        }
    }

    @Test func goingBackIsSaid() throws {
        let escrow = try Self.plain("escrow")
        let lines = escrow.split(separator: "\n").map(String.init)
        let section = try #require(lines.firstIndex { $0.hasPrefix("4/11. ") })
        #expect(lines[section + 1] == "  The demo goes back from step 22 to step 9.")
        #expect(escrow.components(separatedBy: "The demo goes back").count - 1 == 1, "once: the malicious KMS's sections are another run")
    }

    @Test func inspectedFieldsComeWithTheirOctets() throws {
        let bytes = try Self.plain("bytes")
        #expect(bytes.contains("[inspector: step 9, I_MESSAGE_1, opened as the responder: IBAKE > ECCPT, 16 octets: "
                               + "0e f0 04 66 cc e1 f1 22 3f 7e d7 00 02 00 20 00]"))
        #expect(bytes.components(separatedBy: "[inspector: ").count - 1 == 15, "every section of the bytes tour inspects")
    }

    static func ids() throws -> [String] {
        let (_, list) = try CommandLineTests.run(["tutorial"])
        return list.split(separator: "\n").compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
    }
}
