import Scenarios

/// A guided tutorial: a Markdown file whose HTML-comment directives drive the
/// demonstrator (format: Tutorials/README.md).
public struct TutorialDocument: Sendable {
    public let id: String
    public let file: String
    public let title: String
    public let minutes: Int
    public let summary: String
    public let sections: [TutorialSection]
}

/// One section: text to read, the scenario and step the demo shows, what to look at,
/// an optional question with its answer, and claims checked against the ledger.
public struct TutorialSection: Sendable {
    public let title: String
    public let line: Int
    /// The Markdown between the directives, directives removed.
    public let body: [String]
    /// The file's line number of each line of `body`.
    public let bodyLines: [Int]
    public let scene: Scene?
    public let focus: [Focus]
    /// What the inspector shows when the section is entered, if the section says.
    public let inspection: Inspection?
    public let question: String?
    public let answer: String?
    public let claims: [Claim]
}

/// Where the demo goes: `<!-- at: scenario=basic step=receive:I_MESSAGE_1 params=toy seed=1 -->`,
/// and with `attack="send:I_MESSAGE_1:flip:IBAKE.U"` the "what if" branch of that run
/// (issue 12), its steps numbered as the branch numbers them.
public struct Scene: Sendable, Equatable, Hashable {
    public let scenario: ScenarioName
    public let step: StepReference
    public let params: String
    public let seed: UInt64
    public let policy: InitiatorPolicy
    /// Eve's attacks, placed on the plain run; empty for the plain run itself.
    public let attacks: [Attack]
    public let line: Int

    public init(scenario: ScenarioName, step: StepReference, params: String, seed: UInt64, policy: InitiatorPolicy,
                attacks: [Attack] = [], line: Int) {
        self.scenario = scenario
        self.step = step
        self.params = params
        self.seed = seed
        self.policy = policy
        self.attacks = attacks
        self.line = line
    }

    /// The run the scene shows, whatever its step: scenes that differ only in step and
    /// line share one timeline.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(scenario)
        hasher.combine(params)
        hasher.combine(seed)
        hasher.combine(policy)
        hasher.combine(attacks)
    }

    public static func == (lhs: Scene, rhs: Scene) -> Bool {
        lhs.scenario == rhs.scenario && lhs.params == rhs.params && lhs.seed == rhs.seed && lhs.policy == rhs.policy
            && lhs.attacks == rhs.attacks
    }
}

/// A value a section points at: `<!-- focus: responder aP -->`.
public struct Focus: Sendable, Equatable {
    public let party: PartyID
    public let value: ValueName
}

/// The inspector as a section sets it up:
/// `<!-- inspect: message=send:I_MESSAGE_1 field="IBAKE > ECCPT" as=responder mode=hex -->`.
/// The message is the one a step put on the wire; its IBE layers are opened as the party
/// with the keys it holds at the section's step, the field is chosen and shown.
public struct Inspection: Sendable, Equatable {
    /// The inspector's decoded fields, or its hex dump (the chosen field's octets highlighted).
    public enum Mode: String, Sendable {
        case fields, hex
    }

    /// The step that put the message on the wire; nil: the message the inspector shows
    /// at the section's step anyway (the latest one so far).
    public let message: StepReference?
    /// The line to choose, by its payload and field names; nil: none.
    public let field: FieldPath?
    /// The party whose keys open the IBE layers (`as=`); nil: as sent.
    public let party: PartyID?
    public let mode: Mode
    /// The directive's line in the file.
    public let line: Int
}

/// A checkable statement about the section's step: `<!-- claim: kms knows aP, bP -->`,
/// `lacks` (does not know), `cannot` (listed with a reason) on the ledger there; and on
/// the steps so far, `refuses MESSAGE: CHECK` (the party refused it, that check failing)
/// or `accepts MESSAGE` (it received it with every check passing).
public struct Claim: Sendable, Equatable {
    public enum Relation: String, Sendable {
        case knows, lacks, cannot
    }

    /// What the claim says of its party.
    public enum Statement: Sendable, Equatable {
        /// Values the party holds, lacks, or cannot compute.
        case values(Relation, [ValueName])
        /// The party refused a message of this kind, `check` the one that failed.
        case refuses(MessageKind, IBAKECheck)
        /// The party received a message of this kind and every check passed.
        case accepts(MessageKind)
    }

    public let party: PartyID
    public let statement: Statement
    public let line: Int

    /// "kms knows aP, bP", "responder refuses I_MESSAGE_1: IBE decryption", as written.
    public var text: String {
        switch statement {
        case .values(let relation, let values): "\(party) \(relation.rawValue) \(values.map(\.rawValue).joined(separator: ", "))"
        case .refuses(let kind, let check): "\(party) refuses \(kind.name): \(check.title)"
        case .accepts(let kind): "\(party) accepts \(kind.name)"
        }
    }
}

/// A problem in a tutorial file, located to the line.
public struct TutorialIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}
