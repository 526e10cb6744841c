import Foundation
import IBAKE
import Primitives

/// One thing a network party did or saw, for its log: `--plain` prints a line, `--json`
/// one JSON object per line (PROFILE D20). The last event of a call that agreed keys is
/// `keys`: `{"event":"keys","peer":URI,"k_session_sha256":HEX,"tgk":HEX,"srtp_key":HEX,"srtp_salt":HEX}`.
public struct NetEvent: Sendable, Equatable {
    /// What happened: `listening`, `sent`, `received`, `dropped`, `provisioned`, `keys`, ...
    public let event: String
    /// Its fields, in the order a line prints them.
    public let fields: [(String, String)]

    public init(_ event: String, _ fields: [(String, String)] = []) {
        self.event = event
        self.fields = fields
    }

    public static func == (lhs: NetEvent, rhs: NetEvent) -> Bool {
        lhs.event == rhs.event && lhs.fields.map(\.0) == rhs.fields.map(\.0) && lhs.fields.map(\.1) == rhs.fields.map(\.1)
    }

    /// The keys of a call with `peer`.
    public static func keys(_ keys: SessionKeys, peer: String) -> NetEvent {
        NetEvent("keys", [("peer", peer), ("k_session_sha256", Hex.encode(HashFunction.sha256.digest(keys.kSession))),
                          ("tgk", Hex.encode(keys.tgk)), ("srtp_key", Hex.encode(keys.srtpMasterKey)),
                          ("srtp_salt", Hex.encode(keys.srtpMasterSalt))])
    }

    /// `[party] event: key=value, ...`
    public func line(party: String) -> String {
        "[\(party)] \(event)" + (fields.isEmpty ? "" : ": " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: ", "))
    }

    /// One JSON object, its keys in the event's order, "event" first.
    public var json: String {
        func quoted(_ text: String) -> String {
            let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        return "{" + ([("event", event)] + fields).map { "\(quoted($0.0)):\(quoted($0.1))" }.joined(separator: ",") + "}"
    }
}

/// Where a party's events go.
public typealias NetLog = @Sendable (NetEvent) -> Void

/// When to send a message again that got no answer: 200 ms, then twice as long each time,
/// at most 2 s apart, until the time allowed runs out (as SIP over UDP does, RFC 3261 §17.1.1.2).
public struct Retransmission: Sendable {
    public var first: Duration = .milliseconds(200)
    public var longest: Duration = .seconds(2)
    /// How long a party waits for an answer before it gives up.
    public var patience: Duration = .seconds(30)

    public init() {}

    /// The wait after the `attempt`-th send (1-based).
    func interval(after attempt: Int) -> Duration {
        var wait = first
        for _ in 1..<max(1, attempt) where wait < longest { wait = wait * 2 }
        return min(wait, longest)
    }
}
