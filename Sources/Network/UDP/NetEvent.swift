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
    /// What the party's role did, for a screen that follows the party (issue 14); none
    /// for an event that is no protocol step (listening, a message sent again). Lines
    /// and JSON do not show them, and equality ignores them.
    public let steps: [NetStep]

    public init(_ event: String, _ fields: [(String, String)] = [], step: NetStep? = nil) {
        self.init(event, fields, steps: step.map { [$0] } ?? [])
    }

    public init(_ event: String, _ fields: [(String, String)], steps: [NetStep]) {
        self.event = event
        self.fields = fields
        self.steps = steps
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

    /// A datagram from `sender` dropped because it failed `check`: the event and its step.
    public static func dropped(_ octets: [UInt8], from sender: String, check: IBAKECheck, reason: String,
                               message: String? = nil, reply: [UInt8]? = nil) -> NetEvent {
        NetEvent("dropped", [("from", sender)] + (message.map { [("message", $0)] } ?? []) + [("octets", "\(octets.count)"),
                 ("check", check.title), ("reason", reason)],
                 step: .refused(octets, from: sender, check: check, reason: reason, reply: reply))
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

/// A protocol step of a network party, as its role recorded it: what the demonstrator
/// draws for the party (``NetEvent/step``). Addresses are `HOST:PORT`.
public enum NetStep: Sendable {
    /// The party made a message and sent it to each address.
    case sent(StepRecord, to: [String])
    /// A message from the address passed the party's checks.
    case received(StepRecord, from: String)
    /// A datagram from the address failed `check`; `reply` is the Error message sent back, if any.
    case refused([UInt8], from: String, check: IBAKECheck, reason: String, reply: [UInt8]?)
    /// The KMS answered a key request from the address.
    case served(request: [UInt8], answer: StepRecord, to: String)
    /// The party sent a record of the lab's own (not MIKEY, PROFILE D20) to each address,
    /// with the values it chose or made for it.
    case sentRecord(LabRecord, to: [String], learned: [LearnedValue])
    /// A record of the lab's own came from the address; what the party read in it.
    case receivedRecord(LabRecord, from: String, learned: [LearnedValue])
}

/// One of the lab's own records on the wire, as a screen shows it.
public struct LabRecord: Sendable {
    /// DEPOSIT, KEPT, PICKUP, HELD, CALL-TAKEN.
    public let name: String
    public let octets: [UInt8]
    /// What it carries, in the notation of the wire: "AES-CM_SK(content)".
    public let notation: String
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
