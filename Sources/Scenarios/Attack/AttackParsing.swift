import IBAKE

/// Why an attack spec cannot be used; its text lists what would be.
public struct AttackSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problem and what would do instead, as the command line prints it.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}

extension AttackAction {
    /// The actions as the command line writes them, for help and errors.
    public static let forms = ["flip:FIELD[:BIT]", "replay:MESSAGE[:AFTER_SECONDS]", "drop", "delay:SECONDS",
                               "leak:KEY (\(LeakedKey.allCases.map(\.rawValue).joined(separator: ", ")))",
                               "redirect:PARTY", "impersonate:initiator|responder", "substitute-share", "rogue-kms"]

    /// Parses `flip:IBAKE.U:3`, `replay:I_MESSAGE_1:60`, `drop`, `delay:400`, `leak:s`
    /// (the part after the step of `--attack AT:ACTION[:ARG...]`).
    public init(parsing text: String) throws(AttackSpecError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let arguments = Array(parts.dropFirst())
        func number(_ text: String, _ what: String) throws(AttackSpecError) -> UInt64 {
            guard let value = UInt64(text) else { throw AttackSpecError("\(what) \"\(text)\" is not a whole number of seconds or bits") }
            return value
        }
        func arity(_ range: ClosedRange<Int>) throws(AttackSpecError) {
            guard range.contains(arguments.count) else {
                throw AttackSpecError("\"\(text)\": \(parts[0]) takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument(s); actions: \(Self.forms.joined(separator: ", "))")
            }
        }
        switch parts[0] {
        case "flip":
            try arity(1...2)
            self = .flip(field: arguments[0], bit: try arguments.count > 1 ? Int(number(arguments[1], "BIT")) : nil)
        case "replay":
            try arity(1...2)
            guard let kind = MessageKind(named: arguments[0]) else {
                throw AttackSpecError("replay: unknown message \"\(arguments[0])\"; messages: \(MessageKind.attackable.map(\.name).joined(separator: ", "))")
            }
            self = .replay(kind, afterSeconds: try arguments.count > 1 ? number(arguments[1], "AFTER_SECONDS") : 0)
        case "drop":
            try arity(0...0)
            self = .drop
        case "delay":
            try arity(1...1)
            self = .delay(seconds: try number(arguments[0], "SECONDS"))
        case "leak":
            try arity(1...1)
            guard let key = LeakedKey(rawValue: arguments[0]) else {
                throw AttackSpecError("leak: unknown key \"\(arguments[0])\"; keys: \(LeakedKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .leak(key)
        case "redirect", "impersonate":
            try arity(1...1)
            let party = PartyID(rawValue: arguments[0])
            let allowed: [PartyID] = parts[0] == "redirect" ? [.initiator, .responder, .kms, .eve] : [.initiator, .responder]
            guard allowed.contains(party) else {
                throw AttackSpecError("\(parts[0]): unknown party \"\(arguments[0])\"; parties: \(allowed.map(\.rawValue).joined(separator: ", "))")
            }
            self = parts[0] == "redirect" ? .redirect(party) : .impersonate(party)
        case "rogue-kms", "substitute-share":
            try arity(0...0)
            self = parts[0] == "rogue-kms" ? .rogueKMS : .substituteShare
        default:
            throw AttackSpecError("unknown action \"\(parts[0])\"; actions: \(Self.forms.joined(separator: ", "))")
        }
    }
}

extension MessageKind {
    /// The messages whose delivery runs the receiver's checks on the stage, so an attack
    /// in transit can reach them (RFC 6267 §4.2.2).
    public static let attackable: [MessageKind] = [.iMessage1, .rMessage1, .iMessage2, .rMessage2]
}

extension Attack {
    /// Parses `AT:ACTION[:ARG...]`: AT a step reference (`9`, `first`, `last`,
    /// `send:I_MESSAGE_1`, `receive:R_MESSAGE_1#2`, `action:refuse`), ACTION one of
    /// ``AttackAction/forms``. The reference takes two colon-separated parts when they read
    /// as one (`send:I_MESSAGE_1`), else one.
    public init(parsing text: String) throws(AttackSpecError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        for length in [2, 1] where parts.count > length {
            guard let at = StepReference(parsing: parts.prefix(length).joined(separator: ":")) else { continue }
            self.init(at: at, action: try AttackAction(parsing: parts.dropFirst(length).joined(separator: ":")))
            return
        }
        throw AttackSpecError("\"\(text)\": an attack is AT:ACTION[:ARG...], AT a step (\(StepReference.forms)), ACTION one of: \(AttackAction.forms.joined(separator: ", "))")
    }
}
