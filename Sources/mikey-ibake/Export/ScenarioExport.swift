import Foundation
import IBAKE
import MIKEY
import Network
import Scenarios

/// `export --scenario NAME`: every message of a scenario's run as files, a pcap, and
/// the timeline as JSON and Markdown.
struct ScenarioExport {
    let timeline: Timeline
    let directory: URL
    let parameterSummary: String
    /// Also write `sip.pcap`: the SIP messages that carry the MIKEY messages (`--sip`, PROFILE D23).
    var sip = false

    func write() throws {
        // Refuse before writing anything: a scenario whose messages do not ride in SIP.
        let dialogue: [SIPMessage]? = try sip ? sipDialogue() : nil
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
            capture.append(PacketCapture.Datagram(source: address(message.from), destination: address(message.to),
                                                  payload: message.octets, kind: message.transport,
                                                  ntpTime: time(of: step.index, start: start)))
        }
        try save(Data(capture.bytes), "capture.pcap")
        if let dialogue { try save(Data(sipCapture(dialogue, start: start).bytes), "sip.pcap") }
        try save(Data((try TimelineJSON(timeline).text() + "\n").utf8), "timeline.json")
        let markdown = TimelineMarkdown(timeline: timeline, parameterSummary: parameterSummary).lines.joined(separator: "\n")
        try save(Data((markdown + "\n").utf8), "timeline.md")
        print("wrote \(count) messages, timeline.json, timeline.md and capture.pcap\(dialogue == nil ? "" : ", sip.pcap") to \(directory.path)")
    }

    /// 127.0.0.N for the N-th party of the scenario.
    private func address(_ party: PartyID) -> [UInt8] { SIPCarriage.address(of: party, in: timeline) }

    /// The NTP time of step `index` in both captures: the run's start plus 20 ms a step
    /// (non-MIKEY messages have no T of their own).
    private func time(of index: Int, start: UInt64) -> UInt64 { (start << 32) + UInt64(index) * ((20 << 32) / 1000) }

    /// The SIP dialogue of the timeline, or why the scenario has none (PROFILE D23).
    private func sipDialogue() throws -> [SIPMessage] {
        let dialogue: [SIPMessage]
        do {
            dialogue = try SIPCarriage.dialogue(for: timeline)
        } catch {
            throw CommandFailure.usage("--sip: scenario \(timeline.scenario.rawValue) has no SIP carriage (PROFILE D23): \(error)")
        }
        guard !dialogue.isEmpty else {
            throw CommandFailure.usage("--sip: scenario \(timeline.scenario.rawValue) sends no MIKEY-IBAKE message, so nothing rides in SIP (PROFILE D23)")
        }
        return dialogue
    }

    /// `sip.pcap`: each SIP message one UDP datagram from and to port 5060, at its step's
    /// time (as in capture.pcap) plus 1 ms for each message before it at that step.
    private func sipCapture(_ dialogue: [SIPMessage], start: UInt64) -> PacketCapture {
        var capture = PacketCapture()
        var previous = (step: 0, count: 0)
        for message in dialogue {
            previous = message.step == previous.step ? (message.step, previous.count + 1) : (message.step, 0)
            capture.append(PacketCapture.Datagram(source: address(message.from), destination: address(message.to),
                                                  payload: message.octets, ports: (SIPCarriage.port, SIPCarriage.port),
                                                  ntpTime: time(of: message.step, start: start) + UInt64(previous.count) * ((1 << 32) / 1000)))
        }
        return capture
    }

    private func save(_ data: Data, _ name: String) throws {
        do {
            try data.write(to: directory.appendingPathComponent(name))
        } catch {
            throw CommandFailure.cannotCreate("--out: cannot write \(name): \(error.localizedDescription)")
        }
    }
}
