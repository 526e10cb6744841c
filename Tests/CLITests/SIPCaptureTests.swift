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
          arguments: [ScenarioName.basic, .forking, .retargeting, .deferred])
    func tsharkDecodesSIPThenSDPThenMIKEY(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy", sip: true).write()
        let rows = try Tshark.fields(Self.fields, of: directory.appendingPathComponent("sip.pcap"))
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
                #expect(row[5] == "mikey" && row[10].contains("sip") && row[10].hasSuffix(":sdp:mikey"),
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

    /// A scenario whose messages do not ride in SIP is refused before anything is written.
    @Test func modeScenarioIsRefused() throws {
        let timeline = try Scenario.build(.modePSK, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: CommandFailure.self) {
            try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy", sip: true).write()
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("sip.pcap").path))
    }
}
