import Foundation
import IBAKE
import MIKEY
import Scenarios

/// `export --scenario NAME`: every message of a scenario's run as files, a pcap, and
/// the timeline as JSON and Markdown.
struct ScenarioExport {
    let timeline: Timeline
    let directory: URL
    let parameterSummary: String

    func write() throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.cannotCreate("--out: cannot create \(directory.path): \(error.localizedDescription)")
        }
        let start = (timeline.seed == nil ? UInt64(Date().timeIntervalSince1970) : BasicExchange.seededStart) + Timestamp.ntpEpochOffset
        var capture = PacketCapture()
        var count = 0
        for step in timeline.steps {
            guard let message = step.message else { continue }
            count += 1
            let base = "\(count < 10 ? "0" : "")\(count)-\(message.kind)"
            try save(Data(message.octets), base + ".bin")
            try save(Data((Data(message.octets).base64EncodedString() + "\n").utf8), base + ".b64")
            // Time: the run's start plus 20 ms a step (non-MIKEY messages have no T of their own).
            capture.append(PacketCapture.Datagram(source: address(message.from), destination: address(message.to),
                                                  payload: message.octets, kind: message.transport,
                                                  ntpTime: (start << 32) + UInt64(step.index) * ((20 << 32) / 1000)))
        }
        try save(Data(capture.bytes), "capture.pcap")
        try save(Data((try TimelineJSON(timeline).text() + "\n").utf8), "timeline.json")
        let markdown = TimelineMarkdown(timeline: timeline, parameterSummary: parameterSummary).lines.joined(separator: "\n")
        try save(Data((markdown + "\n").utf8), "timeline.md")
        print("wrote \(count) messages, timeline.json, timeline.md and capture.pcap to \(directory.path)")
    }

    /// 127.0.0.N for the N-th party of the scenario.
    private func address(_ party: PartyID) -> [UInt8] {
        let index = timeline.parties.firstIndex { $0.id == party } ?? 250
        return [127, 0, 0, UInt8(index + 1)]
    }

    private func save(_ data: Data, _ name: String) throws {
        do {
            try data.write(to: directory.appendingPathComponent(name))
        } catch {
            throw CommandFailure.cannotCreate("--out: cannot write \(name): \(error.localizedDescription)")
        }
    }
}
