import Foundation
import IBE
import MIKEY
@testable import mikey_ibake
import Scenarios
import TestSupport
import Testing

/// `export --scenario`'s capture.pcap, read by tshark for every scenario (toy, seed 1):
/// nothing malformed, only MIKEY on UDP 2269 and with a registered data type, the SRTP
/// sample as RTP with the SSRC the HDR announced, the lab's own records as plain data.
@Suite struct CaptureExportTests {
    static let fields = ["udp.srcport", "udp.dstport", "frame.protocols", "mikey.type", "rtp.ssrc", "_ws.malformed",
                         "_ws.expert.severity"]

    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)), arguments: ScenarioName.allCases)
    func tsharkReadsEveryDatagramAsWhatItIs(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 1))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("capture-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy").write()
        let rows = try Tshark.fields(Self.fields, of: directory.appendingPathComponent("capture.pcap"),
                                     options: ["-d", "udp.port==\(PacketCapture.rtpPort),rtp"])

        let messages = timeline.steps.compactMap(\.message)
        try #require(rows.count == messages.count, "\(name): \(rows.count) frames for \(messages.count) messages")
        let announced = try Self.announcedSSRC(in: messages)
        for (index, (row, message)) in zip(rows, messages).enumerated() {
            let frame = "\(name) frame \(index + 1) (\(message.kind))"
            try #require(row.count == Self.fields.count, "\(frame): \(row)")
            let (source, destination, protocols, dataType, ssrc) = (row[0], row[1], row[2], row[3], row[4])
            #expect(row[5].isEmpty, "\(frame): tshark marks it malformed")
            let severities = row[6].split(separator: ",").compactMap { Int($0) }
            #expect(severities.allSatisfy { $0 < Tshark.errorSeverity }, "\(frame): expert info of error severity")

            let ports = PacketCapture.ports(message.transport)
            #expect(source == "\(ports.source)" && destination == "\(ports.destination)", "\(frame): ports \(source) -> \(destination)")
            // Whatever is on UDP 2269 is MIKEY, dissected as such, with a registered data type.
            if [source, destination].contains("\(PacketCapture.mikeyPort)") {
                #expect(message.transport == .mikey, "\(frame): a \(message.transport) record on the MIKEY port")
                // tshark's MIKEY dissector hands a CERT payload's certificate to its X.509
                // dissectors (MIKEY-PK, RSA-R): those, and nothing else, may follow.
                let layers = protocols.components(separatedBy: ":udp:mikey")
                let carriesCertificate = try MIKEYMessage(decoding: message.octets).payloads.contains {
                    if case .cert = $0 { true } else { false }
                }
                let after = layers.count == 2 ? layers[1].split(separator: ":") : ["?"]
                #expect(layers.count == 2 && after.allSatisfy { carriesCertificate && $0.hasPrefix("x509") },
                        "\(frame): \(protocols)")
                #expect(UInt8(dataType).flatMap(DataType.init(rawValue:)) != nil, "\(frame): data type \(dataType) is not registered")
            }
            switch message.transport {
            case .mikey:
                let sent = try MIKEYMessage(decoding: message.octets).header.dataType
                #expect(dataType == "\(sent.rawValue)", "\(frame): tshark reads data type \(dataType), the lab wrote \(sent.rawValue)")
            case .rtp:
                #expect(protocols.hasSuffix(":udp:rtp"), "\(frame): \(protocols)")
                #expect(ssrc == announced, "\(frame): RTP SSRC \(ssrc), announced \(announced ?? "none")")
            case .labRecord:
                #expect(protocols.hasSuffix(":udp:data") && dataType.isEmpty, "\(frame): \(protocols)")
            }
        }
    }

    /// The SSRC of CS ID 1 in the SRTP-ID map of the I_MESSAGE_1 on the wire, as tshark
    /// prints it (`0x5ca9b4d5`); nil when the run sends no I_MESSAGE_1.
    static func announcedSSRC(in messages: [WireMessage]) throws -> String? {
        for message in messages where message.transport == .mikey {
            let header = try MIKEYMessage(decoding: message.octets).header
            guard header.dataType == .iMessage1, case .srtp(let sessions) = header.cryptoSessions,
                  let session = sessions.first else { continue }
            return "0x" + String(format: "%08x", session.ssrc)
        }
        return nil
    }
}
