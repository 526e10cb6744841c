import MIKEY

/// The catalogue: every scenario the demonstrator can run (names are the CLI's `--scenario` values).
public enum ScenarioName: String, Sendable, CaseIterable, Codable {
    case basic
    case forking
    case retargeting
    case deferred
    case eavesdropper
    case curiousKMS = "curious-kms"
    case maliciousKMS = "malicious-kms"
    case tamper
    case replay
    case forwardSecrecy = "forward-secrecy"
    case group
    case modePSK = "mode-psk"
    case modePK = "mode-pk"
    case modeRSAR = "mode-rsa-r"
    case modeDHSign = "mode-dh-sign"
    case modeDHHMAC = "mode-dhhmac"
    case modeSAKKE = "mode-sakke"

    /// Whether the scenario runs one of MIKEY's other key-management modes (issue 13)
    /// rather than MIKEY-IBAKE.
    public var isMode: Bool { rawValue.hasPrefix("mode-") }

    /// Why the attack lab (issue 12) does not run on this scenario, or nil when it does:
    /// its adversary acts on MIKEY-IBAKE's messages and roles.
    public var attackRefusal: String? {
        isMode ? "the attack lab plays Eve against MIKEY-IBAKE's roles; \(rawValue) runs another MIKEY mode (its leak at the end is its own attack); choose one of \(Self.ibakeScenarios.map(\.rawValue).joined(separator: ", "))" : nil
    }

    /// The scenarios of MIKEY-IBAKE itself: the scenario menu's list.
    public static var ibakeScenarios: [ScenarioName] { allCases.filter { !$0.isMode } }

    /// One line for `run --list` and the scenario menu.
    public var summary: String {
        switch self {
        case .basic: "provisioning, the four messages, the keys, and SRTP media protected with them"
        case .forking: "one call, three devices of one user: all read aP, only the answering device gets abP"
        case .retargeting: "the call for B lands at C, who cannot read it; the initiator sees who answered and decides"
        case .deferred: "a mailbox answers for absent B; SK for B's content is deposited where the mailbox cannot read it"
        case .eavesdropper: "Eve records every byte on the wire and still cannot compute aP, bP or abP"
        case .curiousKMS: "the KMS opens every IBE layer, learns aP and bP, and still cannot compute abP (no escrow)"
        case .maliciousKMS: "an active KMS impersonates both sides and succeeds: the trust assumption made visible"
        case .tamper: "a bit flipped in each message in turn, and the check that catches it"
        case .replay: "I_MESSAGE_1 replayed later, and a message from another session: both refused"
        case .forwardSecrecy: "long-term keys leak after the call; the recorded session still does not yield abP"
        case .group: "extension beyond RFC 6267: a conference key the server never knows, new at every join and leave"
        case .modePSK: "MIKEY-PSK: the TGK sent under a pre-shared key; once the PSK leaks, every recorded call opens"
        case .modeSAKKE: "MIKEY-SAKKE (3GPP mission-critical): one signed message; the KMS can open every call by design"
        case .modeDHSign: "MIKEY-DH signed: g^xi and g^xr under RSA signatures; the keys and the CA leak, the recorded call stays closed"
        case .modeDHHMAC: "MIKEY-DHHMAC: g^xi and g^xr under HMACs from a pre-shared key; the PSK leaks, the recorded call stays closed"
        case .modePK: "MIKEY-PK: the TGK sent under an envelope key encrypted to R's certificate; R's RSA key opens every recorded call"
        case .modeRSAR: "MIKEY-RSA-R: R, the key server, sends the TGK to I's certificate key; I's RSA key opens every recorded call"
        }
    }

    /// The RFC sections the scenario shows.
    public var references: [SpecReference] {
        switch self {
        case .basic: [.rfc(6267, "4.2")]
        case .forking: [.rfc(6267, "3.1"), .rfc(6267, "7.3")]
        case .retargeting: [.rfc(6267, "3.2"), .rfc(6267, "7.4")]
        case .deferred: [.rfc(6267, "3.3"), .rfc(6267, "7.5")]
        case .eavesdropper: [.rfc(6267, "7"), .rfc(6539, "4")]
        case .curiousKMS: [.rfc(6267, "7.1"), .rfc(6539, "4")]
        case .maliciousKMS: [.rfc(6539, "4")]
        case .tamper: [.rfc(6267, "4.2.2"), .rfc(3830, "5.2")]
        case .replay: [.rfc(3830, "5.4"), .profile("D10")]
        case .forwardSecrecy: [.rfc(6539, "3.3")]
        case .group: [.profile("D14")]
        case .modePSK: [.rfc(3830, "3.1"), .profile("D22")]
        case .modeSAKKE: [.rfc(6509, "2.1"), .profile("D22")]
        case .modeDHSign: [.rfc(3830, "3.3"), .profile("D22")]
        case .modeDHHMAC: [.rfc(4650, "3"), .profile("D22")]
        case .modePK: [.rfc(3830, "3.2"), .profile("D22")]
        case .modeRSAR: [.rfc(4738, "3"), .profile("D22")]
        }
    }
}
