import Foundation

/// Runs a command-line tool (tshark, openssl) to its end: its exit status and what it
/// printed, standard error included unless `errors` is false.
enum ToolRun {
    static func run(_ executable: String, _ arguments: [String], errors: Bool = true) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors ? output : FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
