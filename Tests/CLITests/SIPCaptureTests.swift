import Foundation
import IBE
import MIKEY
@testable import mikey_ibake
import Network
import Scenarios
import TestSupport
import Testing

/// `export --scenario NAME --sip`'s sip.pcap, read by tshark (toy, seed 1): SIP on UDP
/// 5060, then SDP, then the MIKEY message in its key-mgmt attribute, in the timeline's
/// order, with the data type the lab sent; nothing malformed, no expert error (PROFILE D23).
@Suite struct SIPCaptureTests {
    static let fields = ["udp.srcport", "udp.dstport", "sip.Method", "sip.Status-Code", "sip.CSeq.method", "sdp.key_mgmt.kmpid",
                         "mikey.type", "_ws.malformed", "_ws.expert.severity", "sip.Content-Length", "frame.protocols"]

    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)),
          arguments: exported)
    func tsharkDecodesSIPThenSDPThenMIKEY(name: ScenarioName) throws {
        let (timeline, rows) = try Self.export(name, fields: Self.fields)
        let dialogue = try SIPCarriage.dialogue(for: timeline)
        try #require(rows.count == dialogue.count, "\(name): \(rows.count) frames for \(dialogue.count) SIP messages")

        var decodedTypes = [String]()
        for (index, (row, message)) in zip(rows, dialogue).enumerated() {
            let frame = "\(name) frame \(index + 1) (\(message.firstLine))"
            try #require(row.count == Self.fields.count, "\(frame): \(row)")
            #expect(row[0] == "5060" && row[1] == "5060", "\(frame): ports \(row[0]) -> \(row[1])")
            #expect(row[2] == (message.status == nil ? message.method : ""), "\(frame): tshark reads method \(row[2])")
            #expect(row[3] == message.status.map(String.init) ?? "", "\(frame): tshark reads status \(row[3])")
            #expect(row[4] == message.method, "\(frame): CSeq method \(row[4])")
            #expect(row[7].isEmpty, "\(frame): tshark marks it malformed")
            let severities = row[8].split(separator: ",").compactMap { Int($0) }
            #expect(severities.allSatisfy { $0 < Tshark.errorSeverity }, "\(frame): expert info of error severity")
            #expect(row[9] == "\(message.body?.octets.count ?? 0)", "\(frame): Content-Length \(row[9])")
            if message.carries != nil {
                // A certificate in the MIKEY message adds its X.509 layers after the SDP's MIKEY.
                #expect(row[5] == "mikey" && row[10].hasPrefix("raw:ip:udp:sip") && row[10].contains(":sdp:mikey"),
                        "\(frame): key-mgmt \(row[5]), layers \(row[10])")
                decodedTypes.append(row[6])
            } else {
                #expect(row[5].isEmpty && row[6].isEmpty, "\(frame): carries no MIKEY, yet tshark finds \(row[6])")
            }
        }
        let sent = try timeline.steps.compactMap(\.message).filter { SIPCarriage.ridesInSIP($0.kind) }
            .map { "\(try MIKEYMessage(decoding: $0.octets).header.dataType.rawValue)" }
        #expect(decodedTypes == sent, "\(name): tshark decodes data types \(decodedTypes), the lab sent \(sent)")
    }

    /// Every scenario that exports with --sip: MIKEY-IBAKE's but group (which sends none of
    /// its messages), and the other modes' (PROFILE D22), one offer/answer each.
    static let exported = ScenarioName.allCases.filter { $0 != .group }

    /// A mode's sip.pcap as tshark reads it: one Call-ID, the caller's CSeq numbers never
    /// going back, the initiator's message (data type 0, 2, 4, 7, 9 or 26) in the INVITE,
    /// the responder's (1, 3, 5, 8, 10) in the 200 OK to it on the INVITE's branch, or for
    /// MIKEY-SAKKE an SDP answer with no MIKEY; then the ACK, on a branch of its own.
    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)),
          arguments: ScenarioName.allCases.filter(\.isMode))
    func tsharkReadsAModeCallAsOneOfferAndAnswer(name: ScenarioName) throws {
        let fields = ["sip.Method", "sip.Status-Code", "sip.CSeq.seq", "sip.CSeq.method", "sip.Call-ID", "sip.Via.branch",
                      "mikey.type", "sdp.version", "ip.src"]
        let (timeline, rows) = try Self.export(name, fields: fields)
        try #require(rows.count == 3 && rows.allSatisfy { $0.count == fields.count }, "\(name): \(rows)")
        let (invite, ok, ack) = (rows[0], rows[1], rows[2])
        #expect([invite[0], ok[1], ack[0]] == ["INVITE", "200", "ACK"] && ok[3] == "INVITE", "\(name): \(rows)")
        #expect(Set(rows.map { $0[4] }).count == 1 && !invite[4].isEmpty, "\(name): one Call-ID")
        let caller = rows.filter { !$0[0].isEmpty }.compactMap { Int($0[2]) }
        #expect(caller.count == 2 && caller == caller.sorted() && ok[2] == invite[2], "\(name): CSeq \(rows.map { $0[2] })")
        #expect(ok[5] == invite[5] && ack[5] != invite[5], "\(name): branches \(rows.map { $0[5] })")
        #expect(invite[8] == "127.0.0.1" && ack[8] == invite[8] && ok[8] != invite[8], "\(name): sources")
        let sent = try timeline.steps.compactMap(\.message).map { "\(try MIKEYMessage(decoding: $0.octets).header.dataType.rawValue)" }
        #expect(invite[6] == sent.first && ["0", "2", "4", "7", "9", "26"].contains(invite[6]), "\(name): INVITE has \(invite[6])")
        if sent.count == 2 {
            #expect(ok[6] == sent[1] && ["1", "3", "5", "8", "10"].contains(ok[6]), "\(name): the 200 has \(ok[6])")
        } else {
            #expect(name == .modeSAKKE && ok[6].isEmpty && ok[7] == "0", "\(name): the 200's SDP \(ok[6]) \(ok[7])")
        }
        #expect(ack[6].isEmpty && ack[7].isEmpty, "\(name): the ACK carries nothing")
    }

    /// `name` (toy, seed 1) exported with --sip, and tshark's `fields` of sip.pcap, a row a frame.
    static func export(_ name: ScenarioName, fields: [String]) throws -> (Timeline, [[String]]) {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy", sip: true).write()
        return (timeline, try Tshark.fields(fields, of: directory.appendingPathComponent("sip.pcap")))
    }

    /// Forking: tshark reads a CANCEL to each device that did not answer, on the branch and
    /// CSeq number of that device's INVITE, then the 200 (CANCEL), the 487 and its ACK.
    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)))
    func tsharkReadsTheCancelOfEachUnansweredCopy() throws {
        let fields = ["ip.dst", "ip.src", "sip.Method", "sip.Status-Code", "sip.CSeq.method", "sip.CSeq.seq", "sip.Via.branch",
                      "sip.Call-ID", "_ws.malformed"]
        let (timeline, rows) = try Self.export(.forking, fields: fields)
        let answering = try #require(timeline.steps(sending: .rMessage1).first?.message?.from)
        let devices = timeline.parties.filter { $0.kind == .device && $0.id != answering }
            .map { SIPCarriage.address(of: $0.id, in: timeline).map(String.init).joined(separator: ".") }
        try #require(devices.count == 2)
        for device in devices {
            let invite = try #require(rows.first { $0[0] == device && $0[2] == "INVITE" }, "no INVITE to \(device)")
            let branch = try #require(invite[6].split(separator: ",").first.map(String.init))
            let frames = rows.filter { ($0[0] == device || $0[1] == device) && $0[2] != "INVITE" }
            #expect(frames.map { $0[2].isEmpty ? "\($0[3]) \($0[4])" : $0[2] } == ["CANCEL", "200 CANCEL", "487 INVITE", "ACK"],
                    "\(device): \(frames)")
            for frame in frames {
                #expect(frame[5] == invite[5] && frame[7] == invite[7], "\(device): CSeq number \(frame[5]), Call-ID \(frame[7])")
                #expect(frame[6].split(separator: ",").first.map(String.init) == branch, "\(device): branch \(frame[6]), not \(branch)")
                #expect(frame[8].isEmpty, "\(device): malformed")
            }
            #expect(frames.first?[1] == invite[1], "the CANCEL leaves where the INVITE copy did")
        }
        #expect(rows.filter { $0[2] == "CANCEL" }.count == 2)
    }

    /// A scenario whose messages do not ride in SIP is refused before anything is written,
    /// with its reason: group sends no MIKEY-IBAKE message, only the lab's own records.
    @Test(arguments: ScenarioName.allCases.filter { !exported.contains($0) })
    func scenarioOutsideTheMappingIsRefused(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let failure = try #require(throws: CommandFailure.self) {
            try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy", sip: true).write()
        }
        let reason = "\(failure)"
        #expect(name == .group && reason.contains("sends no MIKEY-IBAKE message"), "\(name): \(reason)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("sip.pcap").path))
    }
}
