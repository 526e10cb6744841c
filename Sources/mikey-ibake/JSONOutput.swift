import Foundation

extension Encodable {
    /// Pretty-printed JSON with sorted keys: the shape of `run --format json`, `decode
    /// --json` and the exported transcript.
    func prettyJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}
