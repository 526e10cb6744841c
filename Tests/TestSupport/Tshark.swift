import Foundation

/// tshark, the command-line Wireshark, run on a capture the lab wrote (scripts/setup
/// installs it; tests that need it are skipped, saying so, where it is absent).
public enum Tshark {
    public static let path: String? = ["/usr/bin/tshark", "/usr/local/bin/tshark"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Why a test that needs tshark is skipped.
    public static let absent = "tshark is not installed (scripts/setup installs it)"

    /// Expert info severity "error" (Wireshark's PI_ERROR, 0x00800000), as `_ws.expert.severity` prints it.
    public static let errorSeverity = 0x0080_0000

    /// `tshark -r FILE OPTIONS -T fields -e FIELD...`: one row a frame, one column a field,
    /// several occurrences of a field joined by ",". Fails if tshark exits with an error.
    public static func fields(_ fields: [String], of file: URL, options: [String] = []) throws -> [[String]] {
        let (status, output) = try ToolRun.run(path ?? "tshark", ["-r", file.path] + options + [
            "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,",
        ] + fields.flatMap { ["-e", $0] }, errors: false)
        guard status == 0 else { throw Failure(status: status) }
        return output.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The lab's Wireshark dissector, Assets/wireshark/mikey-ibake.lua, and the options that load it.
    public static let dissector = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Assets/wireshark/mikey-ibake.lua").standardizedFileURL
    public static let dissectorOptions = ["-X", "lua_script:\(dissector.path)"]

    /// `tshark -r FILE OPTIONS`: standard output and standard error together (where tshark
    /// reports a script that fails to load). Fails if tshark exits with an error.
    public static func output(of file: URL, options: [String]) throws -> String {
        let (status, output) = try ToolRun.run(path ?? "tshark", ["-r", file.path] + options)
        guard status == 0 else { throw Failure(status: status) }
        return output
    }

    public struct Failure: Error, CustomStringConvertible {
        public let status: Int32
        public var description: String { "tshark exited with status \(status)" }
    }
}
