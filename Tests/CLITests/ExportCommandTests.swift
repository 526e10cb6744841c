import Foundation
import IBE
@testable import mikey_ibake
import Scenarios
import Testing

/// `export --scenario`: every message of the run on disk, decodable, with the timeline.
@Suite struct ExportCommandTests {
    @Test(arguments: [ScenarioName.deferred, .tamper]) func everyMessageOfTheRunIsWritten(name: ScenarioName) throws {
        let timeline = try Scenario.build(name, options: ScenarioOptions(parameterSet: try ParameterSet.named("toy"), seed: 4))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ScenarioExport(timeline: timeline, directory: directory, parameterSummary: "toy").write()
        let messages = timeline.steps.compactMap(\.message)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.filter { $0.hasSuffix(".bin") }.count == messages.count)
        #expect(files.contains("capture.pcap") && files.contains("timeline.json") && files.contains("timeline.md"))
        for (index, message) in messages.enumerated() {
            let name = "\(index + 1 < 10 ? "0" : "")\(index + 1)-\(message.kind).bin"
            #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == Data(message.octets), "\(name)")
        }
    }
}
