import Foundation
import IBAKE
import IBE
@testable import MIKEY
import TestSupport
import Testing

/// The pcap of an exchange opens in tshark, which reads each header's data type and
/// CSB ID as we sent them and marks nothing malformed.
@Suite struct CaptureTests {
    static func capture(_ run: BasicExchange) -> PacketCapture {
        var capture = PacketCapture()
        for (index, transfer) in run.transfers.enumerated() {
            capture.append(PacketCapture.Datagram(source: [127, 0, 0, 1], destination: [127, 0, 0, UInt8(2 + index % 2)],
                                                  payload: transfer.sent.message, ntpTime: transfer.time))
        }
        return capture
    }

    @Test func headersCarryValidChecksums() throws {
        let run = try BasicExchange.run(parameterSet: try ParameterSet.named("toy"), seed: 5)
        let packet = PacketCapture.ipv4Packet(Self.capture(run).datagrams[0], identification: 1)
        #expect(PacketCapture.internetChecksum(Array(packet.prefix(20))) == 0)          // header sums to 0xffff
        let udp = Array(packet.dropFirst(20))
        let pseudo: [UInt8] = Array(packet[12..<20]) + [0, 17, UInt8(udp.count >> 8), UInt8(udp.count & 0xff)]
        #expect(PacketCapture.internetChecksum(pseudo + udp) == 0)
        #expect(Array(udp[0..<4]) == [0x08, 0xdd, 0x08, 0xdd])                             // port 2269 both ways
    }

    /// Only MIKEY goes to 2269: RTP from 5006 to 5004, the lab's own records on 52269 both ways.
    @Test func thePortsSayWhatADatagramIs() {
        let expected: [DatagramKind: [UInt8]] = [.mikey: [0x08, 0xdd, 0x08, 0xdd], .rtp: [0x13, 0x8e, 0x13, 0x8c],
                                                 .labRecord: [0xcc, 0x2d, 0xcc, 0x2d]]
        for kind in DatagramKind.allCases {
            let datagram = PacketCapture.Datagram(source: [127, 0, 0, 1], destination: [127, 0, 0, 2], payload: [1, 2, 3],
                                                  kind: kind, ntpTime: 0)
            let packet = PacketCapture.ipv4Packet(datagram, identification: 1)
            #expect(Array(packet[20..<24]) == expected[kind], "\(kind)")
            let udp = Array(packet.dropFirst(20))
            #expect(PacketCapture.internetChecksum(Array(packet[12..<20]) + [0, 17, 0, UInt8(udp.count)] + udp) == 0, "\(kind)")
        }
    }

    @Test(.enabled(if: Tshark.path != nil, .init(rawValue: Tshark.absent)))
    func tsharkReadsDataTypeAndCSBID() throws {
        let run = try BasicExchange.run(parameterSet: try ParameterSet.named("ibe-80"), seed: 9)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mikey-ibake-\(UUID().uuidString).pcap")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(Self.capture(run).bytes).write(to: file)

        let rows = try Tshark.fields(["mikey.type", "mikey.csb_id", "_ws.malformed", "_ws.expert.severity"], of: file)
        let expected = try run.transfers.map { try MIKEYMessage(decoding: $0.sent.message).header }
        #expect(rows.count == expected.count)
        for (row, header) in zip(rows, expected) {
            #expect(row.count >= 3)
            #expect(row[0] == "\(header.dataType.rawValue)")
            #expect(row[1] == "0x" + String(format: "%08x", header.csbID))
            #expect(row[2].isEmpty, "tshark marked a message malformed")
        }
    }
}
