/// The stable id of a party, as JSON, tests and tutorial directives spell it:
/// `initiator`, `responder`, `kms`, `eve`, `device-1`, `target-c`, `mailbox`, `server`,
/// `member-1`. Declared here once; it encodes as that string.
public struct PartyID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// The id spelled `rawValue`, as read from a tutorial directive or JSON.
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let initiator = PartyID(rawValue: "initiator")
    public static let responder = PartyID(rawValue: "responder")
    public static let kms = PartyID(rawValue: "kms")
    /// The outsider on the path, passive or active (one id, whichever she plays).
    public static let eve = PartyID(rawValue: "eve")
    /// The retarget target (retargeting).
    public static let targetC = PartyID(rawValue: "target-c")
    public static let mailbox = PartyID(rawValue: "mailbox")
    public static let server = PartyID(rawValue: "server")

    /// One of a user's devices (forking), from 1.
    public static func device(_ number: Int) -> PartyID { PartyID(rawValue: "device-\(number)") }
    /// A conference member (group), from 1.
    public static func member(_ number: Int) -> PartyID { PartyID(rawValue: "member-\(number)") }

    public var description: String { rawValue }

    public static func < (lhs: PartyID, rhs: PartyID) -> Bool { lhs.rawValue < rhs.rawValue }
}
