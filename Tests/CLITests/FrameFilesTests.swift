import Demonstrator
import Foundation
import IBE
@testable import mikey_ibake
import Testing
import TUI

/// The save key's side effect, as the full-screen session carries it out: both files in
/// the directory, or a reason on screen when they cannot be written.
@Suite struct FrameFilesTests {
    static func frame() throws -> (SnapshotRequest, Canvas) {
        var canvas = Canvas(width: 80, height: 24)
        canvas.put("abP 0428 < & >", x: 2, y: 1, style: Style(foreground: .green, bold: true))
        let config = AppConfig(parameterSet: try ParameterSet.named("toy"), seed: 1)
        let state = AppState(config: config, scenario: .basic, step: 13, size: canvas.size)
        return (SnapshotRequest(state), canvas)
    }

    @Test func bothFormatsLandInTheDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frames-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (request, canvas) = try Self.frame()
        let outcome = FrameFiles.save(request, frame: canvas, title: "basic, step 13", in: directory.path)
        #expect(outcome == .saved(request, directory: directory.path))
        let text = try String(contentsOf: directory.appendingPathComponent("mikey-ibake-basic-step13-80x24.txt"), encoding: .utf8)
        #expect(text == canvas.plainText() + "\n")
        let svg = try String(contentsOf: directory.appendingPathComponent("mikey-ibake-basic-step13-80x24.svg"), encoding: .utf8)
        #expect(svg == canvas.svg(title: "basic, step 13"))
    }

    @Test func aDirectoryThatRefusesFilesGivesTheReason() throws {
        let (request, canvas) = try Self.frame()
        let outcome = FrameFiles.save(request, frame: canvas, title: "x", in: "/proc")
        #expect(outcome == .failed("/proc/mikey-ibake-basic-step13-80x24.txt: No such file or directory"))
    }
}
