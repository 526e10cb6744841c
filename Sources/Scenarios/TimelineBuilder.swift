import IBAKE
import MIKEY

/// Records a timeline step by step, keeping the ledger up to date: scenarios say what
/// happened and to whom values were revealed; the builder derives the knowledge. What
/// a party cannot compute is stated once the whole run is known (``timeline``), so no
/// step says "cannot" of a value the party learns later.
final class TimelineBuilder {
    let scenario: ScenarioName
    let options: ScenarioOptions
    private(set) var parties: [Party]
    private var knowledge: [PartyID: [KnownValue]] = [:]
    private var wipes: [PartyID: [WipedValue]] = [:]
    private var recordings: [PartyID: [MessageKind]] = [:]
    private var interference: [PartyID: [Interference]] = [:]
    /// The values whose absence is stated, per party.
    private var watched: [PartyID: [ValueName]]
    /// The steps so far, their ledgers without impossibilities.
    private(set) var steps: [Step] = []
    /// The first step of a branch (issue 12): from it on, the run differs from the plain one.
    var branchFrom: Int?
    /// A mode's own reasons why a party cannot compute a value (issue 13); nil: the
    /// IBAKE scenarios' table (``Impossibilities``).
    var reasons: ModeReasons?
    /// What a mode's run used instead of the IBE parameter set (``Timeline/cryptography``).
    var cryptography: Timeline.Cryptography?
    /// When the last step was recorded: the next step's actor computed since then.
    private var lastRecorded = ContinuousClock.now

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

    /// The step that last put a message of `kind` addressed to `party` on the wire.
    func lastMessageStep(_ kind: MessageKind, to party: PartyID) -> Int? {
        steps.last { $0.message?.kind == kind && $0.message?.to == party }?.index
    }

    /// The phase the next steps belong to, until a script or a standard move sets another.
    var phase = Phase.provisioning

    /// The index the next step will have.
    var nextIndex: Int { steps.count + 1 }

    /// The value `party` holds under `name`, if any.
    func value(_ party: PartyID, _ name: ValueName) -> [UInt8]? { knowledge[party]?.last { $0.name == name }?.octets }

    /// Every value `party` holds under `name`, oldest first (a malicious KMS holds two MPKs).
    func values(_ party: PartyID, _ name: ValueName) -> [[UInt8]] {
        knowledge[party]?.filter { $0.name == name }.map(\.octets) ?? []
    }

    /// Whether `parties` hold a common value called `name` now, or once `revealing` (the
    /// values the step being recorded reveals) is learned: the comparison a sentence about
    /// "the same" value is built on.
    func compare(_ name: ValueName, _ parties: [PartyID], revealing: [(PartyID, LearnedValue)] = []) -> SameValue {
        let held = parties.map { party in
            values(party, name) + revealing.filter { $0.0 == party && $0.1.name == name }.map(\.1.octets)
        }
        return SameValue(value: name, parties: parties, same: SameValue.common(name, held))
    }

    /// Records one step and the values it reveals; returns its index. `forget` wipes the
    /// party's latest value of that name; `interfering` says what the actor did to the
    /// message of an earlier step; `refusing` names the step whose message is refused;
    /// `comparing` lists the statements of sameness the text makes (from ``compare(_:_:)``).
    @discardableResult
    func step(_ actor: PartyID, _ action: StepAction, _ title: String, message: WireMessage? = nil,
              reveal: [(PartyID, LearnedValue)] = [], forget: [(PartyID, ValueName)] = [], checks: [CheckOutcome] = [],
              recordedBy: [PartyID] = [], interfering: [(Interference.Act, Int)] = [], refusing: Int? = nil,
              comparing: [SameValue] = [], notes: [String] = [], narration: String, references: [SpecReference]) -> Int {
        let index = nextIndex
        for (party, name) in forget { wipe(name, of: party, at: index) }
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
        for (act, target) in interfering {
            let kind = target == index ? message?.kind : steps[safe: target - 1]?.message?.kind
            guard let kind else { continue }
            interference[actor, default: []].append(Interference(act: act, message: kind, messageStep: target, step: index))
        }
        steps.append(Step(index: index, actor: actor, action: action, title: title, message: message, revealed: revealed,
                          checks: checks, narration: narration, notes: notes, references: references, ledger: ledger(),
                          refusedMessage: refusing, comparisons: comparing, phase: phase,
                          branch: branchFrom.map { index >= $0 } ?? false, elapsed: ContinuousClock.now - lastRecorded))
        lastRecorded = ContinuousClock.now
        return index
    }

    /// RFC 6539 §3.2: a role erases its ephemeral secret once the exchange is over.
    private func wipe(_ name: ValueName, of party: PartyID, at index: Int) {
        guard let position = knowledge[party]?.lastIndex(where: { $0.name == name }),
              let value = knowledge[party]?.remove(at: position) else { return }
        wipes[party, default: []].append(WipedValue(name: name, learned: value.step, step: index))
    }

    private func ledger() -> Ledger {
        Ledger(parties: parties.map { party in
            PartyLedger(party: party.id, knows: knowledge[party.id] ?? [], cannot: [], recorded: recordings[party.id] ?? [],
                        wiped: wipes[party.id] ?? [], interference: interference[party.id] ?? [])
        })
    }

    var timeline: Timeline {
        Timeline(scenario: scenario, seed: options.seed, parameterSet: options.parameterSet.name, parties: parties,
                 steps: ImpossibilityPass.state(in: steps, parties: parties, watched: watched,
                                                reasons: reasons ?? Impossibilities.reason),
                 cryptography: cryptography)
    }
}

extension Array {
    /// The element at `index`, or `nil` outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
