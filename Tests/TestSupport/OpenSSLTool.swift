import Foundation

/// The `openssl` command-line tool, run on files a test wrote, to check the lab's DER against
/// an independent reader (tests that need it are skipped, saying so, where it is absent).
public enum OpenSSLTool {
    public static let path: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Why a test that needs the tool is skipped.
    public static let absent = "the openssl command-line tool is not installed (Debian package openssl)"

    /// `openssl ARGUMENTS`: exit status and standard output and standard error together.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ToolRun.run(path ?? "openssl", arguments)
    }
}
