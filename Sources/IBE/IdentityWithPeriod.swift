/// The string a public key is derived from (PROFILE D3): the key period and the
/// user's URI, as "YYYY-MM" 0x00 URI 0x00 (the RFC 6509 style), e.g.
/// "2026-11\0sip:alice@ims.example\0". A key period is one calendar month.
public struct IdentityWithPeriod: Hashable, Sendable, CustomStringConvertible {
    public let uri: String
    public let year: Int
    public let month: Int

    public init(uri: String, year: Int, month: Int) throws(IBEError) {
        guard !uri.isEmpty, !uri.utf8.contains(0) else {
            throw .invalidParameters("identity URI must be non-empty and contain no NUL octet")
        }
        guard (0...9999).contains(year), (1...12).contains(month) else {
            throw .invalidParameters("key period \(year)-\(month): year 0000-9999 and month 01-12 expected")
        }
        self.uri = uri
        self.year = year
        self.month = month
    }

    /// "YYYY-MM".
    public var period: String {
        let yearText = String(year)
        let monthText = String(month)
        return String(repeating: "0", count: 4 - yearText.count) + yearText + "-" + (month < 10 ? "0" : "") + monthText
    }

    /// The octets hashed to the public key.
    public var octets: [UInt8] { Array(period.utf8) + [0] + Array(uri.utf8) + [0] }

    /// The octets with each NUL shown as `\0`.
    public var description: String { "\(period)\\0\(uri)\\0" }
}
