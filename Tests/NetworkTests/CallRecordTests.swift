import Foundation
import MIKEY
@testable import Network
import TestSupport
import Testing

/// The lab's text records between network parties (PROFILE D20): each reads back as
/// written, what is not one is refused, none decodes as MIKEY, and the lab's Wireshark
/// dissector shows each record's fields.
@Suite struct CallRecordTests {
    static let records: [CallRecord] = [
        .taken(csbID: 0x0A0B_0C0D),
        .deposit(csbID: 0x0A0B_0C0D, content: [0x00, 0x11, 0x22, 0x33]),
        .kept(csbID: 0x0A0B_0C0D),
        .declined(csbID: 0x0A0B_0C0D),
        .pickup(identity: "sip:bob@ims.example"),
        .held(index: 1, count: 2, caller: "sip:alice@ims.example", esk: [0xAA, 0xBB, 0xCC], content: [0x00, 0x11]),
        .held(index: 0, count: 0, caller: "", esk: [], content: []),
    ]

    @Test("every record reads back as written, and none decodes as MIKEY")
    func roundTrip() {
        for record in Self.records {
            #expect(CallRecord(record.octets) == record, "\(String(decoding: record.octets, as: UTF8.self))")
            #expect(MIKEYMessage.kindAndSession(record.octets) == nil)
        }
        #expect(String(decoding: Self.records[1].octets, as: UTF8.self) == "mikey-ibake-lab deposit 0x0a0b0c0d 00112233")
    }

    @Test("a wrong kind, a missing or extra field, a CSB ID without 0x, odd hex or a deposit beyond the count is no record",
          arguments: ["mikey-ibake-lab call-taken", "mikey-ibake-lab call-taken 0x0a0b0c0d extra", "mikey-ibake-lab kept 0a0b0c0d",
                      "mikey-ibake-lab deposit 0x0a0b0c0d 001", "mikey-ibake-lab held 3/2 sip:a@b aa bb", "mikey-ibake-lab held 1/1 sip:a@b",
                      "mikey-ibake-lab hello 0x0a0b0c0d", "mikey-ibake-lab  kept 0x0a0b0c0d", "MIKEY-IBAKE-LAB kept 0x0a0b0c0d"])
    func refusals(text: String) {
        #expect(CallRecord(Array(text.utf8)) == nil)
    }

    @Test("the dissector shows each record's kind and fields on the MIKEY port, nothing malformed",
          .enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)))
    func dissected() throws {
        var capture = PacketCapture()
        for record in Self.records {
            capture.append(.init(source: [10, 77, 0, 2], destination: [10, 77, 0, 31], payload: record.octets, seconds: 0, microseconds: 0))
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(capture.bytes).write(to: file)
        let fields = ["mikeyibake_lab.text.kind", "mikeyibake_lab.text.csb_id", "mikeyibake_lab.text.identity", "mikeyibake_lab.text.deposit",
                      "mikeyibake_lab.text.esk_len", "mikeyibake_lab.text.content_len", "_ws.col.Info", "_ws.expert.severity"]
        let rows = try Tshark.fields(fields, of: file, options: Tshark.dissectorOptions)
        let expected = [
            ["call-taken", "0x0a0b0c0d", "", "", "", "", "Lab record: call-taken, CSB ID 0x0a0b0c0d", ""],
            ["deposit", "0x0a0b0c0d", "", "", "", "4", "Lab record: deposit, CSB ID 0x0a0b0c0d, 4 octets of content under SK", ""],
            ["kept", "0x0a0b0c0d", "", "", "", "", "Lab record: kept, CSB ID 0x0a0b0c0d", ""],
            ["declined", "0x0a0b0c0d", "", "", "", "", "Lab record: declined, CSB ID 0x0a0b0c0d", ""],
            ["pickup", "", "sip:bob@ims.example", "", "", "", "Lab record: pickup for sip:bob@ims.example", ""],
            ["held", "", "sip:alice@ims.example", "1/2", "3", "2",
             "Lab record: held 1/2, left by sip:alice@ims.example: ESK 3 octets, content 2 octets", ""],
            ["held", "", "", "0/0", "", "", "Lab record: held 0/0", ""],
        ]
        #expect(rows == expected)
    }
}
