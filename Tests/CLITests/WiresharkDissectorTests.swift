import Foundation
import IBE
import MIKEY
import Primitives
@testable import mikey_ibake
import Scenarios
import TestSupport
import Testing

/// The lab's Wireshark dissector (Assets/wireshark/mikey-ibake.lua) on `export --scenario`'s
/// capture.pcap, for every scenario (toy, seed 1): tshark loads it without a Lua error, marks
/// nothing malformed, names every MIKEY frame's data type, and its filterable fields hold what
/// the lab's own decoder reads from the same octets.
@Suite struct WiresharkDissectorTests {
    static let fields = ["mikeyibake.hdr.data_type", "mikeyibake.hdr.csb_id", "mikeyibake.hdr.srtp.ssrc",
                         "mikeyibake.idr.id_role", "mikeyibake.idr.id_data", "mikeyibake.rand.value",
                         "mikeyibake.ibake.encr_data_len", "mikeyibake.esk.encr_data_len", "mikeyibake.kemac.encr_data_len",
                         "mikeyibake.err.error_no", "mikeyibake.v.mac", "_ws.expert.severity"]

    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)), arguments: ScenarioName.allCases)
    func dissectorReadsEveryMessageAsTheLabDoes(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dissector-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy").write()
        let capture = directory.appendingPathComponent("capture.pcap")
        let messages = timeline.steps.compactMap(\.message)

        // The full tree (-V): no Lua error, nothing malformed, every MIKEY frame named by its data type.
        let verbose = try Tshark.output(of: capture, options: Tshark.dissectorOptions + ["-V"])
        for mark in ["Lua Error", "LUA ERROR", "Lua: Error", "Malformed"] {
            let lines = verbose.split(separator: "\n").filter { $0.localizedCaseInsensitiveContains(mark) }
            #expect(lines.isEmpty, "\(name): tshark -V prints \"\(mark)\": \(lines.prefix(3).joined(separator: " | "))")
        }
        let frames = Self.frames(verbose)
        try #require(frames.count == messages.count, "\(name): \(frames.count) frames for \(messages.count) messages")
        for (index, (frame, message)) in zip(frames, messages).enumerated() where message.transport == .mikey {
            let dataType = try MIKEYMessage(decoding: message.octets).header.dataType
            #expect(frame.contains("MIKEY-IBAKE: \(dataType.name)\n"), "\(name) frame \(index + 1): no MIKEY-IBAKE tree for \(dataType.name)")
            #expect(frame.contains("Data type: \(dataType.name) (\(dataType.rawValue))"),
                    "\(name) frame \(index + 1): data type \(dataType.name) not shown")
        }

        // Filterable fields (-T fields) against the lab's decoder.
        let rows = try Tshark.fields(Self.fields, of: capture, options: Tshark.dissectorOptions)
        try #require(rows.count == messages.count, "\(name): \(rows.count) rows for \(messages.count) messages")
        for (index, (row, message)) in zip(rows, messages).enumerated() {
            let frame = "\(name) frame \(index + 1) (\(message.kind))"
            try #require(row.count == Self.fields.count, "\(frame): \(row)")
            guard message.transport == .mikey else {
                #expect(row.dropLast().allSatisfy { $0.isEmpty }, "\(frame): a \(message.transport) datagram read as MIKEY: \(row)")
                continue
            }
            let decoded = try MIKEYMessage(decoding: message.octets)
            let header = decoded.header
            #expect(row[0] == "\(header.dataType.rawValue)", "\(frame): data type \(row[0])")
            #expect(row[1] == String(format: "0x%08x", header.csbID), "\(frame): CSB ID \(row[1])")
            if case .srtp(let sessions) = header.cryptoSessions {
                #expect(row[2] == sessions.map { String(format: "0x%08x", $0.ssrc) }.joined(separator: ","), "\(frame): SSRC \(row[2])")
            } else {
                #expect(row[2].isEmpty, "\(frame): SSRC \(row[2]) without an SRTP-ID map")
            }
            let idrs = decoded.payloads.compactMap { payload -> IDRPayload? in
                if case .idr(let idr) = payload { return idr } else { return nil }
            }
            #expect(row[3] == idrs.map { "\($0.role.rawValue)" }.joined(separator: ","), "\(frame): ID roles \(row[3])")
            #expect(row[4] == idrs.map { $0.text ?? "" }.joined(separator: ","), "\(frame): ID data \(row[4])")
            #expect(row[5] == (decoded.rand.map(Hex.encode) ?? ""), "\(frame): RAND \(row[5])")
            var ibake = [String](), esk = [String](), kemac = [String](), errors = [String](), macs = [String]()
            for payload in decoded.payloads {
                switch payload {
                case .ibake(let value): ibake.append("\(value.encryptedData.count)")
                case .esk(let value): esk.append("\(value.encryptedData.count)")
                case .kemac(let value): kemac.append("\(value.encryptedData.count)")
                case .error(let value): errors.append("\(value.error.rawValue)")
                case .verification(let value): macs.append(Hex.encode(value.mac))
                default: break
                }
            }
            #expect(row[6] == ibake.joined(separator: ","), "\(frame): IBAKE encr data len \(row[6]), lab \(ibake)")
            #expect(row[7] == esk.joined(separator: ","), "\(frame): ESK encr data len \(row[7]), lab \(esk)")
            #expect(row[8] == kemac.joined(separator: ","), "\(frame): KEMAC encr data len \(row[8]), lab \(kemac)")
            #expect(row[9] == errors.joined(separator: ","), "\(frame): error no \(row[9]), lab \(errors)")
            #expect(row[10] == macs.joined(separator: ","), "\(frame): V MAC \(row[10])")
            #expect(row[11].isEmpty, "\(frame): expert info \(row[11]) (truncation, unknown payload or trailing octets)")
        }
    }

    /// tshark -V's text, one element a frame (from its "Frame N:" line to the next).
    static func frames(_ verbose: String) -> [String] {
        var frames: [String] = []
        for line in verbose.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Frame ") { frames.append("") }
            if !frames.isEmpty { frames[frames.count - 1] += line + "\n" }
        }
        return frames
    }
}
