import Foundation
import Scenarios

/// A section while its lines are read.
struct SectionDraft {
    let title: String
    let line: Int
    var body: [(line: Int, text: String)] = []
    var scene: Scene?
    var focus: [Focus] = []
    var inspection: Inspection?
    var question: String?
    var answer: String?
    var claims: [Claim] = []

    init(title: String, line: Int) {
        self.title = title
        self.line = line
    }

    var section: TutorialSection {
        // Trim blank lines at both ends of the body.
        var lines = body
        while lines.first?.text.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.text.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return TutorialSection(title: title, line: line, body: lines.map(\.text), bodyLines: lines.map(\.line), scene: scene,
                               focus: focus, inspection: inspection, question: question, answer: answer, claims: claims)
    }

    mutating func apply(_ directive: Directive, line: Int, report: (Int, String) -> Void) {
        switch directive.name {
        case "at":
            let fields = KeyValues.parse(directive.argument)
            guard let name = fields["scenario"], let scenario = ScenarioName(rawValue: name) else {
                report(line, "`at`: scenario=NAME expected, one of \(ScenarioName.allCases.map(\.rawValue).joined(separator: ", "))")
                return
            }
            guard let step = StepReference(parsing: fields["step"] ?? "first") else {
                report(line, "`at`: step=\(fields["step"] ?? "") is not \(StepReference.forms)")
                return
            }
            guard let policy = InitiatorPolicy(rawValue: fields["policy"] ?? "continue") else {
                report(line, "`at`: policy must be continue or refuse")
                return
            }
            let unknown = Set(fields.keys).subtracting(["scenario", "step", "params", "seed", "policy"])
            if !unknown.isEmpty { report(line, "`at`: unknown key \(unknown.sorted().joined(separator: ", "))") }
            scene = Scene(scenario: scenario, step: step, params: fields["params"] ?? "toy",
                          seed: fields["seed"].flatMap(UInt64.init) ?? 1, policy: policy, line: line)
        case "focus":
            let words = directive.argument.split(separator: " ").map(String.init)
            guard words.count == 2, let value = ValueName(named: words[1]) else {
                report(line, "`focus`: PARTY VALUE expected, e.g. `responder aP`")
                return
            }
            focus.append(Focus(party: PartyID(rawValue: words[0]), value: value))
        case "inspect":
            guard inspection == nil else {
                report(line, "`inspect`: one per section")
                return
            }
            inspection = Self.inspection(directive.argument, line: line, report: report)
        case "question":
            question = directive.argument
        case "answer":
            answer = directive.argument
        case "claim":
            guard let claim = Self.claim(directive.argument, line: line) else {
                report(line, "`claim`: PARTY knows|lacks|cannot VALUE[, VALUE...] expected, with values such as aP, abP, K_SESSION")
                return
            }
            claims.append(claim)
        default:
            report(line, "unknown directive `\(directive.name)` (tutorial, at, focus, inspect, question, answer, claim)")
        }
    }

    /// `message=STEP field="PAYLOAD > FIELD" as=PARTY mode=fields|hex`, every key optional.
    static func inspection(_ text: String, line: Int, report: (Int, String) -> Void) -> Inspection? {
        let fields = KeyValues.parse(text)
        let unknown = Set(fields.keys).subtracting(["message", "field", "as", "mode"])
        if !unknown.isEmpty { report(line, "`inspect`: unknown key \(unknown.sorted().joined(separator: ", ")) (message, field, as, mode)") }
        // Absent: .some(nil); present but unreadable: reported, and nil.
        func read<T>(_ key: String, _ parse: (String) -> T?, _ expected: String) -> T?? {
            guard let text = fields[key] else { return .some(nil) }
            guard let value = parse(text) else {
                report(line, "`inspect`: \(key)=\"\(text)\" is not \(expected)")
                return nil
            }
            return value
        }
        guard let message = read("message", StepReference.init(parsing:), StepReference.forms),
              let path = read("field", FieldPath.init(parsing:), "a path such as \"IDR#2 > ID data\" or \"IBAKE > ECCPT\"") else {
            return nil
        }
        guard let mode = Inspection.Mode(rawValue: fields["mode"] ?? "fields") else {
            report(line, "`inspect`: mode must be fields or hex")
            return nil
        }
        return Inspection(message: message, field: path, party: fields["as"].map(PartyID.init(rawValue:)), mode: mode, line: line)
    }

    static func claim(_ text: String, line: Int) -> Claim? {
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3, let relation = Claim.Relation(rawValue: words[1]) else { return nil }
        let names = words[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = names.compactMap { ValueName(named: $0) }
        guard !values.isEmpty, values.count == names.count else { return nil }
        return Claim(party: PartyID(rawValue: words[0]), relation: relation, values: values, line: line)
    }
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
