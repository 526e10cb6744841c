import Foundation
import Testing
import TUI
import TUITestSupport

/// `mikey-ibake snapshot` on the real binary: its text is the demonstrator's golden screen
/// for the same run, step, size and view; its SVG is well-formed and holds that text; the
/// step is named as tutorials name it.
@Suite struct SnapshotCommandTests {
    static let goldens = EndToEnd.packageRoot.appendingPathComponent("Tests/DemonstratorTests/__Snapshots__")
    static let run = ["snapshot", "--params", "toy", "--seed", "1"]

    static func snapshot(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try CommandLineTests.run(run + arguments + ["--out", "-"])
    }

    struct Golden: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let golden: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// The goldens were recorded by the demonstrator's tests from the same state: the toy
    /// set, seed 1, the step where the initiator opens R_MESSAGE_1 (13), a view opened by key.
    static let frames: [Golden] = [
        Golden(arguments: ["--step", "receive:R_MESSAGE_1", "--size", "120x40"], golden: "basic-abP-at-I-120x40"),
        Golden(arguments: ["--step", "13", "--size", "80x24"], golden: "basic-abP-at-I-80x24"),
        Golden(arguments: ["--step", "13", "--view", "eve"], golden: "basic-abP-at-I-eve-view-120x40"),
        Golden(arguments: ["--step", "receive:R_MESSAGE_1", "--size", "80x24", "--view", "eve"], golden: "basic-abP-at-I-eve-view-80x24"),
        Golden(arguments: ["--step", "13", "--view", "kms", "--format", "txt"], golden: "basic-abP-at-I-kms-view-120x40"),
        Golden(arguments: ["--step", "13", "--view", "presenter"], golden: "presenter-abP-at-I-120x40"),
    ]

    @Test(arguments: frames) func textIsTheDemonstratorsScreen(frame: Golden) throws {
        let (status, text) = try Self.snapshot(frame.arguments)
        #expect(status == 0)
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent(frame.golden + ".txt"), encoding: .utf8)
        #expect(text == golden)
    }

    @Test func svgIsWellFormedAndHoldsTheFrameText() throws {
        let (status, svg) = try Self.snapshot(["--step", "13", "--size", "80x24", "--format", "svg"])
        #expect(status == 0)
        let reading = try SVGReading.parse(svg)
        let golden = try String(contentsOf: Self.goldens.appendingPathComponent("basic-abP-at-I-80x24.txt"), encoding: .utf8)
        #expect(reading.grid(width: 80, height: 24) + "\n" == golden)
        #expect(reading.root["width"] == "672" && reading.root["height"] == "408")
        #expect(reading.title == "MIKEY-IBAKE Lab: basic, step 13")
        // The colour theme: the new values' green, the focused pane's yellow border.
        #expect(reading.rects.contains { $0["fill"] == SVGPalette.standard.green })
        #expect(reading.pieces.contains { $0.fill == SVGPalette.standard.yellow && $0.row == 0 && $0.column == 0 && $0.text.hasPrefix("┌─") })
        let (_, mono) = try Self.snapshot(["--step", "13", "--size", "80x24", "--format", "svg", "--no-color"])
        #expect(!mono.contains(SVGPalette.standard.green) && !mono.contains(SVGPalette.standard.yellow))
    }

    @Test func theFormatFollowsTheFileAndTheFileNameTheFrame() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("slide.svg")
        let (status, output) = try CommandLineTests.run(Self.run + ["--step", "last", "--out", file.path])
        #expect(status == 0 && output.isEmpty)
        let reading = try SVGReading.parse(try String(contentsOf: file, encoding: .utf8))
        #expect(reading.grid(width: 120, height: 40).contains("basic · step 19/19"))
    }

    @Test func stepReferencesNameTheSameStepsAsNumbers() throws {
        for (reference, number) in [("first", "1"), ("last", "19"), ("send:I_MESSAGE_1", "9"), ("action:receive#2", "13")] {
            let (_, named) = try Self.snapshot(["--step", reference, "--size", "80x24"])
            let (_, numbered) = try Self.snapshot(["--step", number, "--size", "80x24"])
            #expect(named == numbered && named.contains("basic · \(number)/19"), "--step \(reference)")
        }
        let (status, refusal) = try Self.snapshot(["--scenario", "tamper", "--step", "action:refuse#3", "--size", "80x24"])
        #expect(status == 0 && refusal.contains("tamper · "), "\(refusal)")
    }
}
