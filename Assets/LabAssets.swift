import Foundation

/// The files shipped under `Assets/`, reachable from any module through the
/// SwiftPM resource bundle, so the binary finds them wherever it is run from.
public enum LabAssets {
    /// Names of the shipped parameter sets (`Assets/params/NAME.txt`), sorted.
    public static var parameterSetNames: [String] {
        guard let directory = parameterDirectory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The text of `Assets/params/NAME.txt`, or nil if there is no such set.
    public static func parameterSetText(named name: String) -> String? {
        guard parameterSetNames.contains(name), let directory = parameterDirectory else { return nil }
        return try? String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    private static var parameterDirectory: URL? {
        Bundle.module.url(forResource: "params", withExtension: nil)
    }
}
