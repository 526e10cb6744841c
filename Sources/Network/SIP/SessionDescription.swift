import Foundation

/// An SDP body (RFC 4566) with one audio stream over SRTP (`m=audio PORT RTP/SAVP 0`,
/// RFC 3711 §12) and the MIKEY message as a session-level `a=key-mgmt:mikey` attribute
/// (RFC 4567 §3: the protocol id, a space, the message in base64), which covers every
/// stream of the session: the one the HDR's SRTP-ID map names. PROFILE D23.
public struct SessionDescription: Sendable, Equatable {
    /// The key management protocol identifier of MIKEY (RFC 4567 §3.1, §7.1).
    public static let mikeyProtocol = "mikey"
    /// The key-mgmt attribute's line up to its data: `a=key-mgmt:mikey `.
    public static let keyManagementPrefix = "a=key-mgmt:\(mikeyProtocol) "

    /// The lines, in order, without line ends.
    public let lines: [String]

    /// The description sent by the host at `address` (dotted IPv4), receiving its audio
    /// on `port`, for a session `sessionID` at `version` (raised by each new offer or
    /// answer from the same party, RFC 3264 §8), carrying `mikey` base64 encoded; with
    /// no `mikey`, a plain answer with no key-mgmt line (MIKEY-SAKKE's, PROFILE D23).
    public init(address: String, port: UInt16, sessionID: UInt64, version: Int, mikey: [UInt8]?) {
        let keyManagement = mikey.map { Self.keyManagementPrefix + Data($0).base64EncodedString() }
        lines = [
            "v=0",
            "o=- \(sessionID) \(version) IN IP4 \(address)",
            "s=-",
            "c=IN IP4 \(address)",
            "t=0 0",
        ] + (keyManagement.map { [$0] } ?? []) + [
            "m=audio \(port) RTP/SAVP 0",
            "a=rtpmap:0 PCMU/8000",
        ]
    }

    /// The base64 of the key-mgmt attribute (the MIKEY message), if there is one.
    public var keyManagementData: String? {
        lines.first { $0.hasPrefix(Self.keyManagementPrefix) }.map { String($0.dropFirst(Self.keyManagementPrefix.count)) }
    }

    /// The body as sent: each line ended by CRLF (RFC 4566 §5).
    public var text: String { lines.map { $0 + "\r\n" }.joined() }

    /// The body's octets, which Content-Length counts.
    public var octets: [UInt8] { Array(text.utf8) }
}
