import IBAKE
import MIKEY

/// MIKEY's key-management modes side by side (issue 13): each named as its RFC names it,
/// with the runs the comparison reads.
public enum MIKEYMode: String, CaseIterable, Sendable, Codable {
    case psk
    case pk
    case rsaR = "rsa-r"
    case dhSign = "dh-sign"
    case dhhmac
    case sakke
    case ibake

    /// The name the RFCs and the table use.
    public var title: String {
        switch self {
        case .psk: "MIKEY-PSK"
        case .pk: "MIKEY-PK"
        case .rsaR: "MIKEY-RSA-R"
        case .dhSign: "MIKEY-DH-SIGN"
        case .dhhmac: "MIKEY-DHHMAC"
        case .sakke: "MIKEY-SAKKE"
        case .ibake: "MIKEY-IBAKE"
        }
    }

    /// Where the mode is defined.
    public var reference: SpecReference {
        switch self {
        case .psk: .rfc(3830, "3.1")
        case .pk: .rfc(3830, "3.2")
        case .rsaR: .rfc(4738)
        case .dhSign: .rfc(3830, "3.3")
        case .dhhmac: .rfc(4650)
        case .sakke: .rfc(6509)
        case .ibake: .rfc(6267)
        }
    }

    /// The run whose exchange the comparison measures, and the one the modes view opens.
    public var exchange: ScenarioName {
        switch self {
        case .psk: .modePSK
        case .pk: .modePK
        case .rsaR: .modeRSAR
        case .dhSign: .modeDHSign
        case .dhhmac: .modeDHHMAC
        case .sakke: .modeSAKKE
        case .ibake: .basic
        }
    }

    /// The run whose ledger says whether the long-term keys, leaked after the call, open
    /// it: a mode's own scenario ends with that leak; IBAKE's is `forward-secrecy`.
    var leak: ScenarioName { self == .ibake ? .forwardSecrecy : exchange }

    /// The run in which the parties other than I and R try for the TGK with all they hold:
    /// a mode's own scenario; IBAKE's is `curious-kms`.
    var escrow: ScenarioName { self == .ibake ? .curiousKMS : exchange }

    /// Every run the comparison reads, each once.
    public var runs: [ScenarioName] {
        [exchange, leak, escrow].reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
