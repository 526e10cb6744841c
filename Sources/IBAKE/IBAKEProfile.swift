import IBE
import MIKEY

/// The algorithm choices one exchange runs with (PROFILE D4, D5, D7, D8, D9).
public struct IBAKEProfile: Sendable {
    /// The IBE parameter set, which also fixes the ECDH group (PROFILE D4).
    public let parameterSet: ParameterSet
    /// Where a, b, aP, bP, abP live (PROFILE D5).
    public let group: DiffieHellmanGroup
    /// PRF func in HDR: HMAC-SHA-256 by default, MIKEY-1 selectable (PROFILE D7).
    public let prf: PRFFunction

    /// RAND length in octets (PROFILE D7).
    public static let randLength = 16
    /// The one crypto session's CS ID (PROFILE D9: #CS = 1).
    public static let cryptoSessionID: UInt8 = 1
    /// SK length in octets (PROFILE D12).
    public static let secretKeyLength = 16

    public init(parameterSet: ParameterSet, prf: PRFFunction = .hmacSHA256) {
        self.parameterSet = parameterSet
        group = DiffieHellmanGroup(parameterSet: parameterSet)
        self.prf = prf
    }

    /// R_MESSAGE_2's MAC: HMAC-SHA-256-256 with PRF 1, HMAC-SHA-1-160 with MIKEY-1 (PROFILE D8).
    public var macAlgorithm: MACAlgorithm { prf == .mikey1 ? .hmacSHA1_160 : .hmacSHA256_256 }
}
