import Foundation
import Testing
import TUI

/// Golden-file snapshots: compares `text` with `__Snapshots__/<name>.txt` beside
/// the calling test file.
///
/// When the file is missing, or the environment has `SNAPSHOT_RECORD=1`, the text
/// is written to the file and the test fails with "recorded", so a new or changed
/// golden screen is always looked at (in the diff) before it is trusted.
public func assertSnapshot(
    _ text: String, named name: String,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = directory.appendingPathComponent(name + ".txt")
    let content = text + "\n"
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    if record || !FileManager.default.fileExists(atPath: file.path) {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try content.write(to: file, atomically: true, encoding: .utf8)
        Issue.record(
            "Recorded snapshot \(name) at \(file.path); review it, then run again without SNAPSHOT_RECORD",
            sourceLocation: sourceLocation
        )
        return
    }
    let golden = try String(contentsOf: file, encoding: .utf8)
    if content != golden {
        Issue.record(
            "Snapshot \(name) differs from \(file.path)\n\(lineDiff(expected: golden, actual: content))",
            sourceLocation: sourceLocation
        )
    }
}

/// A canvas's plain text, plus its non-plain style runs when `styles` is true
/// (what distinguishes the colour theme from the mono theme in a snapshot).
public func assertSnapshot(
    _ canvas: Canvas, named name: String, styles: Bool = false,
    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var text = canvas.plainText()
    if styles { text += "\n--- styles (row,column+length style \"text\") ---\n" + canvas.styleSummary() }
    try assertSnapshot(text, named: name, filePath: filePath, sourceLocation: sourceLocation)
}

/// The lines that differ, numbered, so a failure says where without a diff tool.
func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "<none>", al = i < a.count ? String(a[i]) : "<none>"
        if el != al { out.append("line \(i + 1):\n  golden: \(el)\n  actual: \(al)") }
    }
    return out.prefix(10).joined(separator: "\n")
}
