import Foundation
import IBAKE
import IBE
import MIKEY
@testable import mikey_ibake
import Testing

/// `mikey-ibake decode`: the tree for valid messages, and for malformed ones what was
/// understood followed by the error at its offset.
@Suite struct DecodeCommandTests {
    /// Message `index` of a seeded toy exchange (0-3 provisioning, 4-7 the four IBAKE messages).
    static func message(_ index: Int) throws -> [UInt8] {
        try BasicExchange.run(parameterSet: try ParameterSet.named("toy"), seed: 21).transfers[index].sent.message
    }

    @Test func treeNamesEveryPayloadWithOffsetsAndSections() throws {
        let message = try Self.message(4)        // I_MESSAGE_1
        let lines = MessageTree(octets: message).lines(for: MIKEYMessage.trace(message))
        let text = lines.joined(separator: "\n")
        #expect(lines.first == "MIKEY message, \(message.count) octets")
        for expected in ["+0000  HDR — Common header  [RFC 3830 §6.1]", "data type                       22 (I_MESSAGE_1)",
                         "IBAKE", "[RFC 6267 §6.1.1]", "IDRi, URI \"sip:alice@ims.example\"", "SP", "22 (I_MESSAGE_1)  [RFC 3830 §6.1]  | 16"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        #expect(!text.contains("error at offset"))
    }

    @Test func truncatedMessageShowsWhatWasReadThenTheError() throws {
        let message = try Self.message(4)
        let cut = Array(message.prefix(40))
        let trace = MIKEYMessage.trace(cut)
        let lines = MessageTree(octets: cut).lines(for: trace)
        #expect(lines.contains { $0.hasPrefix("+0013  T — Timestamp") })
        let last = try #require(lines.last)
        #expect(last.hasPrefix("error at offset "))
        #expect(last.contains("RAND payload at offset 29"))
    }

    @Test func jsonCarriesTheSameTreeAndTheError() throws {
        let message = try Self.message(7)        // R_MESSAGE_2
        let json = try DecodeJSON(octets: message + [0xff], trace: MIKEYMessage.trace(message + [0xff])).text()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["complete"] as? Bool == false)
        #expect(object["length"] as? Int == message.count + 1)
        let payloads = try #require(object["payloads"] as? [[String: Any]])
        #expect(payloads.map { $0["name"] as? String } == ["HDR", "T", "IDR", "IDR", "V"])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["field_offset"] as? Int == message.count)
    }

    @Test func inputIsReadAsHexBase64OrRawOctets() throws {
        let octets: [UInt8] = [0x01, 0x16, 0x05]
        #expect(try MessageInput.octets(fromContent: Array("01 16\n05".utf8), source: "t") == octets)
        #expect(try MessageInput.octets(fromContent: Array("ARYF".utf8), source: "t") == octets)
        #expect(try MessageInput.octets(fromContent: [0x01, 0x16, 0x05, 0x00], source: "t") == octets + [0])
        #expect(throws: InputError.self) { try MessageInput.hex("0g", source: "HEX") }
        #expect(throws: InputError.self) { try MessageInput.octets(fromContent: [], source: "t") }
        // Fullwidth digits are hex digits to Character, not to Hex.decode: raw octets, not "odd hex".
        let fullwidth = Array("\u{FF10}\u{FF11}".utf8)
        #expect(try MessageInput.octets(fromContent: fullwidth, source: "t") == fullwidth)
    }

    /// gortsplib's published MIKEY-PSK test message "a" (pkg/mikey/message_test.go): a
    /// NULL-encrypted KEMAC with one 30-octet TEK.
    static let gortsplibA = "01000500e69d51f801000030685760000000000b00ebfe6f2db1c13fd00a10c2"
        + "dde443a84930a5757a7ed9c3a417fb010000001500010101011002010103010a"
        + "0701010801010a0101000000220020001e9091783dfce8ddcd443a53508b6450"
        + "9f35bd8a86bc4d8b7637a502493daf00"

    @Test("a NULL-encrypted KEMAC is opened below the message, in text and JSON; a --psk that is not hex is bad data")
    func nullKEMACIsOpened() throws {
        let text = try CommandLineTests.run(["decode", Self.gortsplibA])
        #expect(text.status == 0)
        for expected in ["KEMAC plaintext, 34 octets: NULL encryption", "MAC NULL, nothing protects it", "2 (TEK)",
                         "Key data len                    30 octets", "9091783dfce8ddcd443a53508b64509f35bd8a86bc4d8b7637a502493daf"] {
            #expect(text.output.contains(expected), "missing: \(expected)")
        }
        let json = try CommandLineTests.run(["decode", "--json", Self.gortsplibA])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let kemac = try #require(object["kemac"] as? [String: Any])
        #expect((kemac["payloads"] as? [[String: Any]])?.first?["name"] as? String == "Key data")
        let bad = try CommandLineTests.run(["decode", "--psk", "xyz", Self.gortsplibA])
        #expect(bad.status == mikey_ibake.ExitStatus.dataError.rawValue)
    }
}
