import Scenarios

/// One SIP request or response (RFC 3261 §7) as the lab writes it into `sip.pcap` and
/// the inspector shows it: a start line, header fields in order, and an optional SDP
/// body. Content-Type and Content-Length are not stored: ``text`` writes them from the
/// body, so Content-Length always counts the body's octets exactly (RFC 3261 §20.14).
/// PROFILE D23.
public struct SIPMessage: Sendable, Equatable {
    /// The first line: a request (`INVITE sip:bob@ims.example SIP/2.0`, RFC 3261 §7.1) or
    /// a response (`SIP/2.0 183 Session Progress`, §7.2).
    public enum StartLine: Sendable, Equatable {
        case request(method: String, uri: String)
        case response(status: Int, reason: String)
    }

    /// A header field: its name and value, written `Name: value`.
    public struct Header: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public let startLine: StartLine
    /// Every header field but Content-Type and Content-Length, in the order written.
    public let headers: [Header]
    /// The SDP body (RFC 4566), if any.
    public let body: SessionDescription?
    /// The party that sends it and the one it reaches (their hosts are the datagram's addresses).
    public let from: PartyID
    public let to: PartyID
    /// The step of the timeline whose MIKEY message its SDP carries; nil for the SIP
    /// messages between them (PRACK, the 200 OKs without a body, ACK).
    public let carries: Int?
    /// The step it belongs to: the step it carries, or the one whose message it follows.
    public let step: Int

    public init(_ startLine: StartLine, headers: [Header], body: SessionDescription? = nil, from: PartyID, to: PartyID,
                carries: Int? = nil, step: Int) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
        self.from = from
        self.to = to
        self.carries = carries
        self.step = step
    }

    /// The method of a request, or of the request a response answers (its CSeq's method).
    public var method: String {
        switch startLine {
        case .request(let method, _): method
        case .response: header("CSeq")?.split(separator: " ").last.map(String.init) ?? ""
        }
    }

    /// The Request-URI of a request; nil for a response.
    public var requestURI: String? {
        if case .request(_, let uri) = startLine { uri } else { nil }
    }

    /// The status code of a response; nil for a request.
    public var status: Int? {
        if case .response(let status, _) = startLine { status } else { nil }
    }

    /// The value of the first header field called `name` (case-insensitive, RFC 3261 §7.3.1).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The start line as written.
    public var firstLine: String {
        switch startLine {
        case .request(let method, let uri): "\(method) \(uri) SIP/2.0"
        case .response(let status, let reason): "SIP/2.0 \(status) \(reason)"
        }
    }

    /// The header section's lines, Content-Type (with a body) and Content-Length last.
    public var headerLines: [String] {
        let bodyLength = body?.octets.count ?? 0
        var lines = [firstLine] + headers.map { "\($0.name): \($0.value)" }
        if body != nil { lines.append("Content-Type: application/sdp") }
        lines.append("Content-Length: \(bodyLength)")
        return lines
    }

    /// The whole message: the header lines ended by CRLF, an empty line, the body (RFC 3261 §7).
    public var text: String {
        headerLines.map { $0 + "\r\n" }.joined() + "\r\n" + (body?.text ?? "")
    }

    /// The message's octets, UTF-8 (all of it is ASCII).
    public var octets: [UInt8] { Array(text.utf8) }
}
