import IBAKE
import MIKEY

/// Records a timeline step by step, keeping the ledger up to date: scenarios say what
/// happened and to whom values were revealed; the builder derives the knowledge.
final class TimelineBuilder {
    let scenario: ScenarioName
    let options: ScenarioOptions
    private(set) var parties: [Party]
    private var knowledge: [PartyID: [KnownValue]] = [:]
    private var recordings: [PartyID: [MessageKind]] = [:]
    /// The values whose absence is stated, per party.
    private var watched: [PartyID: [ValueName]]
    private var steps: [Step] = []

    init(scenario: ScenarioName, options: ScenarioOptions, parties: [Party], watch: [PartyID: [ValueName]]) {
        self.scenario = scenario
        self.options = options
        self.parties = parties
        watched = watch
    }

    /// Adds a party that joins later (a fifth conference member).
    func add(_ party: Party, watching: [ValueName] = []) {
        parties.append(party)
        if !watching.isEmpty { watched[party.id] = watching }
    }

    /// The octets of the last message of `kind` on the wire.
    func lastMessage(_ kind: MessageKind) -> [UInt8]? { steps.last { $0.message?.kind == kind }?.message?.octets }

    /// The value `party` holds under `name`, if any.
    func value(_ party: PartyID, _ name: ValueName) -> [UInt8]? { knowledge[party]?.last { $0.name == name }?.octets }

    /// Records one step and the values it reveals; returns its index.
    @discardableResult
    func step(_ actor: PartyID, _ action: StepAction, _ title: String, message: WireMessage? = nil,
              reveal: [(PartyID, LearnedValue)] = [], forget: [(PartyID, ValueName)] = [], checks: [CheckOutcome] = [],
              recordedBy: [PartyID] = [], notes: [String] = [], narration: String, references: [SpecReference]) -> Int {
        let index = steps.count + 1
        // Values wiped at this step (RFC 6539 §3.2: a and b once the exchange is over).
        for (party, name) in forget { knowledge[party]?.removeAll { $0.name == name } }
        var revealed = [Revelation]()
        for (party, value) in reveal {
            let known = knowledge[party, default: []]
            // A value already known with the same octets is not news.
            if known.contains(where: { $0.name == value.name && $0.octets == value.octets }) { continue }
            knowledge[party, default: []].append(KnownValue(name: value.name, octets: value.octets, source: value.source, step: index))
            revealed.append(Revelation(party: party, value: value))
        }
        if let message {
            for party in recordedBy { recordings[party, default: []].append(message.kind) }
        }
        steps.append(Step(index: index, actor: actor, action: action, title: title, message: message, revealed: revealed,
                          checks: checks, narration: narration, notes: notes, references: references, ledger: ledger()))
        return index
    }

    private func ledger() -> Ledger {
        Ledger(parties: parties.map { party in
            let known = knowledge[party.id] ?? []
            let missing = (watched[party.id] ?? []).filter { name in !known.contains { $0.name == name } }
            return PartyLedger(party: party.id, knows: known,
                               cannot: missing.map { Impossibility(name: $0, why: Impossibilities.reason($0, for: party.kind)) },
                               recorded: recordings[party.id] ?? [])
        })
    }

    var timeline: Timeline {
        Timeline(scenario: scenario, seed: options.seed, parameterSet: options.parameterSet.name, parties: parties, steps: steps)
    }
}
