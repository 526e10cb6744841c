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
            var attacks = [Attack]()
            for text in (fields["attack"] ?? "").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                do {
                    attacks.append(try Attack(parsing: text))
                } catch {
                    report(line, "`at`: attack=\(error.description)")
                    return
                }
            }
            let unknown = Set(fields.keys).subtracting(["scenario", "step", "params", "seed", "policy", "attack"])
            if !unknown.isEmpty { report(line, "`at`: unknown key \(unknown.sorted().joined(separator: ", "))") }
            scene = Scene(scenario: scenario, step: step, params: fields["params"] ?? "toy",
                          seed: fields["seed"].flatMap(UInt64.init) ?? 1, policy: policy, attacks: attacks, line: line)
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
                report(line, "`claim`: PARTY knows|lacks|cannot VALUE[, VALUE...] expected, with values such as aP, abP, K_SESSION; or PARTY refuses MESSAGE: CHECK (\(IBAKECheck.allCases.map(\.title).joined(separator: ", "))); or PARTY accepts MESSAGE")
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

    /// `PARTY knows|lacks|cannot VALUE[, VALUE...]`, `PARTY refuses MESSAGE: CHECK` (the
    /// check by its title, "IBE decryption", or its name, `decryption`), `PARTY accepts MESSAGE`.
    static func claim(_ text: String, line: Int) -> Claim? {
        let words = text.split(separator: " ", maxSplits: 2).map(String.init)
        guard words.count == 3 else { return nil }
        let party = PartyID(rawValue: words[0])
        switch words[1] {
        case "refuses":
            let parts = words[2].split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let kind = MessageKind(named: parts[0]),
                  let check = IBAKECheck.allCases.first(where: { $0.title == parts[1] || $0.rawValue == parts[1] }) else { return nil }
            return Claim(party: party, statement: .refuses(kind, check), line: line)
        case "accepts":
            guard let kind = MessageKind(named: words[2]) else { return nil }
            return Claim(party: party, statement: .accepts(kind), line: line)
        default:
            guard let relation = Claim.Relation(rawValue: words[1]) else { return nil }
            let names = words[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let values = names.compactMap { ValueName(named: $0) }
            guard !values.isEmpty, values.count == names.count else { return nil }
            return Claim(party: party, statement: .values(relation, values), line: line)
        }
    }
}
