import Foundation

/// The tutorial files (`Tutorials/tutorials/*.md`), shipped as resources so the binary
/// finds them wherever it runs. This is the only Swift file in Tutorials/.
public enum TutorialFiles {
    /// (file name, text) of every tutorial, in file-name order (the files are numbered).
    public static var all: [(name: String, text: String)] {
        guard let directory = Bundle.module.url(forResource: "tutorials", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
            (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
        }
    }
}
