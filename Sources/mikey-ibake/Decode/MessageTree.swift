import MIKEY
import Primitives

/// Prints a decoded message as a tree: each payload with its offset, each field with
/// its value in words, the section that defines it, and its octets in hex beside it.
struct MessageTree {
    let octets: [UInt8]
    /// Longest hex shown beside a field before it is cut.
    var hexLimit = 16

    func lines(for trace: DecodeTrace<MessageElement>) -> [String] {
        var lines = ["MIKEY message, \(octets.count) octets"] + payloadLines(trace.descriptions)
        if let failure = trace.failure {
            lines.append("")
            lines.append("error at offset \(failure.fieldOffset): \(failure.description)")
        }
        return lines
    }

    /// Each payload with its offset and reference, then its fields, offsets into `octets`.
    func payloadLines(_ payloads: [PayloadDescription]) -> [String] {
        payloads.flatMap { payload in
            let summary = payload.summary.isEmpty ? "(incomplete)" : payload.summary
            return ["", "\(offset(payload.range.lowerBound))  \(payload.name) — \(payload.title)  [\(payload.reference)]",
                    "        \(summary)"] + payload.fields.flatMap { fieldLines($0, depth: 1) }
        }
    }

    private func fieldLines(_ field: FieldDescription, depth: Int) -> [String] {
        let indent = String(repeating: "  ", count: depth)
        let bits = field.bits.map { " bits \($0.lowerBound)-\($0.upperBound - 1)" } ?? ""
        let label = "\(indent)\(field.name)\(bits)"
        let padded = label.count < 34 ? label + String(repeating: " ", count: 34 - label.count) : label + " "
        var line = "\(offset(field.range.lowerBound))  \(padded)\(field.value)  [\(field.reference)]"
        if field.children.isEmpty { line += "  | \(hex(field.range))" }
        return [line] + field.children.flatMap { fieldLines($0, depth: depth + 1) }
    }

    private func offset(_ value: Int) -> String { "+" + Hex.offset(value) }

    private func hex(_ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<octets.count)
        let shown = octets[clamped].prefix(hexLimit)
        let text = shown.map { Hex.encode([$0]) }.joined(separator: " ")
        return clamped.count > hexLimit ? "\(text) … (\(clamped.count) octets)" : text
    }
}
