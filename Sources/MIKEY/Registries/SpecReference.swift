/// Where a value, field or rule is defined: an RFC and a section, or a decision of the
/// project's profile (`docs/PROFILE.md`). Shown beside every field an inspector prints.
public struct SpecReference: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `RFC 3830`, `RFC 6267`, ... or `PROFILE`.
    public let document: String
    /// A section number such as `6.1.4`, a profile decision such as `D5`, or empty when
    /// only the document is known.
    public let section: String

    /// A reference to `section` of `document`.
    public init(document: String, section: String) {
        self.document = document
        self.section = section
    }

    /// `RFC 3830 §6.1`, `RFC 4563` (no section) or `PROFILE D5`.
    public var description: String {
        if section.isEmpty { return document }
        return document == "PROFILE" ? "PROFILE \(section)" : "\(document) §\(section)"
    }

    /// `RFC <number> §<section>`; an empty section cites the whole document.
    public static func rfc(_ number: Int, _ section: String = "") -> SpecReference {
        SpecReference(document: "RFC \(number)", section: section)
    }

    /// A decision of the project's MIKEY-IBAKE profile, for example `D5`.
    public static func profile(_ decision: String) -> SpecReference {
        SpecReference(document: "PROFILE", section: decision)
    }
}
