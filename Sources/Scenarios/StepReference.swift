import IBAKE

/// A step of a timeline named by what happens there: a tutorial's `at: step=`, the
/// demonstrator's `:` prompt, `snapshot --step`, and where an attack acts (`--attack AT:...`).
public enum StepReference: Sendable, Hashable {
    case number(Int)
    case first
    case last
    /// The n-th step (from 1) that sends a message of this kind.
    case send(MessageKind, occurrence: Int)
    /// The first receive or refuse step after the n-th send of a message of this kind.
    case receive(MessageKind, occurrence: Int)
    /// The n-th step with this action (refuse, leak, tamper, check...).
    case action(StepAction, occurrence: Int)
}

extension StepReference: CustomStringConvertible {
    /// What `init(parsing:)` accepts, for messages that refuse something else.
    public static let forms = "N, first, last, send:MESSAGE, receive:MESSAGE or action:ACTION (add #N for the N-th)"

    /// `12`, `first`, `last`, `send:I_MESSAGE_1`, `receive:R_MESSAGE_1#2`, `action:refuse`:
    /// a tutorial's `at: step=`, and `mikey-ibake snapshot --step`.
    public init?(parsing text: String) {
        let (base, occurrence): (Substring, Int) = {
            guard let hash = text.firstIndex(of: "#"), let count = Int(text[text.index(after: hash)...]), count > 0 else {
                return (Substring(text), 1)
            }
            return (text[..<hash], count)
        }()
        if let number = Int(base), number > 0 { self = .number(number); return }
        switch base {
        case "first": self = .first
        case "last": self = .last
        default:
            let parts = base.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch (parts[0], MessageKind(named: parts[1])) {
            case ("send", let kind?): self = .send(kind, occurrence: occurrence)
            case ("receive", let kind?): self = .receive(kind, occurrence: occurrence)
            case ("action", _):
                guard let action = StepAction(rawValue: parts[1]) else { return nil }
                self = .action(action, occurrence: occurrence)
            default: return nil
            }
        }
    }

    /// The reference as `init(parsing:)` reads it: `send:I_MESSAGE_1#2`.
    public var description: String {
        func nth(_ n: Int) -> String { n > 1 ? "#\(n)" : "" }
        switch self {
        case .number(let number): return "\(number)"
        case .first: return "first"
        case .last: return "last"
        case .send(let kind, let occurrence): return "send:\(kind.name)" + nth(occurrence)
        case .receive(let kind, let occurrence): return "receive:\(kind.name)" + nth(occurrence)
        case .action(let action, let occurrence): return "action:\(action.rawValue)" + nth(occurrence)
        }
    }

    /// The 0-based index of the step in `steps`, or nil when it does not resolve.
    public func resolve(in steps: [Step]) -> Int? {
        func nth(_ matches: [Int], _ n: Int) -> Int? { n <= matches.count ? matches[n - 1] : nil }
        switch self {
        case .number(let number): return number <= steps.count ? number - 1 : nil
        case .first: return steps.isEmpty ? nil : 0
        case .last: return steps.isEmpty ? nil : steps.count - 1
        case .send(let name, let occurrence):
            return nth(steps.indices.filter { steps[$0].action == .send && steps[$0].message?.kind == name }, occurrence)
        case .receive(let name, let occurrence):
            guard let sent = StepReference.send(name, occurrence: occurrence).resolve(in: steps) else { return nil }
            return steps.indices.first { $0 > sent && (steps[$0].action == .receive || steps[$0].action == .refuse) }
        case .action(let action, let occurrence):
            return nth(steps.indices.filter { steps[$0].action == action }, occurrence)
        }
    }
}
