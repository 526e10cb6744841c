/// A named part of a scenario's run, so a long run (group's 137 steps) can be walked
/// part by part: the status line names the phase of the step on screen, and `}` and
/// `{` jump between phases. Scripts set it where a part begins; the stage's standard
/// moves set the common ones (provisioning, exchange, media).
public struct Phase: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }

    /// The KMS set-up and REQUEST_KEY: private keys reach their holders.
    public static let provisioning = Phase("provisioning")
    /// The four MIKEY-IBAKE messages (or what is left of them).
    public static let exchange = Phase("exchange")
    /// SRTP media under the keys the exchange gave.
    public static let media = Phase("media")
    /// A group agreement among the members there are.
    public static let agreement = Phase("agreement")
    /// A member joins the group: its key, then a fresh agreement.
    public static let join = Phase("join")
    /// A member leaves the group: a fresh agreement without it.
    public static let leave = Phase("leave")
    /// Content left for an offline user, and its pickup.
    public static let deposit = Phase("deposit")
    public static let pickup = Phase("pickup")
    /// Long-term keys leak, and what an attacker does with them.
    public static let leak = Phase("leak")
}
