import Primitives
import Scenarios
import TUI

/// How a value's octets read on screen: lower-case hex, or quoted text for values
/// that are text (content, identities); shortened in the middle to fit.
enum ValueText {
    /// The whole value as one string.
    static func full(_ name: ValueName, _ octets: [UInt8]) -> String {
        if ValueOrder.isText(name), let text = String(validating: octets, as: UTF8.self) {
            return "\"\(text)\""
        }
        return Hex.encode(octets)
    }

    /// The value in at most `width` columns: text cut at the end, hex in the middle.
    static func fitted(_ name: ValueName, _ octets: [UInt8], width: Int, glyphs: Glyphs) -> String {
        let text = full(name, octets)
        if text.hasPrefix("\"") { return TextFit.end(text, width: width, ellipsis: glyphs.ellipsis) }
        return TextFit.middle(text, width: width, ellipsis: glyphs.ellipsis)
    }

    /// Where a value came from, longest form first: the view uses the first that fits.
    static func sourceForms(_ source: ValueSource, glyphs: Glyphs) -> [String] {
        let arrow = glyphs.arrowLeft
        switch source {
        case .message(let kind): return ["\(arrow) from \(kind)", "\(arrow) \(kind)"]
        case .leak: return ["\(arrow) from leak", "\(arrow) leak"]
        case .computed: return ["\(arrow) computed"]
        case .generated: return ["\(arrow) chosen at random", "\(arrow) random"]
        case .provisioned: return ["\(arrow) issued by the KMS", "\(arrow) from KMS"]
        case .created: return ["\(arrow) its own"]
        case .issued(let authority): return ["\(arrow) issued by the \(authority)", "\(arrow) from \(authority)"]
        case .outOfBand: return ["\(arrow) agreed out of band", "\(arrow) out of band"]
        }
    }
}
