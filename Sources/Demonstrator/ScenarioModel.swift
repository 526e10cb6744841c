import Network
import Scenarios

/// A scenario's timeline, run for real, with what the screen derives from it computed
/// once, off the main loop: which parties get panes, the lanes of the wire, the
/// decoded messages for the inspector, and which messages the eavesdropper recorded.
/// Everything here is read from the timeline's steps and ledgers.
public struct ScenarioModel: Sendable {
    public let timeline: Timeline
    public let config: AppConfig
    /// Parties shown side by side, in scenario order (the eavesdropper has its own view).
    public let paneParties: [Party]
    /// The passive or active outsider shown by the eavesdropper view, if the scenario has one.
    public let eve: Party?
    /// The key management service (honest, curious or malicious).
    public let kms: Party?
    /// Parties that send or receive at least one message, in scenario order: the wire's lanes.
    public let lanes: [Party]
    /// The 1-based indexes of the steps that put a message on the wire.
    public let messageSteps: [Int]
    /// Per party id: every value it holds, or is said not to be able to compute, at any
    /// step of the run, in display order. A pane lists these rows from the first step on,
    /// so a value appears as a dash until the party learns it.
    public let rowNames: [PartyID: [ValueName]]
    /// The decoded message of each message step, for the inspector.
    public let inspector: [Int: InspectorDocument]
    /// The SIP carriage of each message step (PROFILE D23), for the inspector's SIP view.
    public let sip: [Int: SIPCarriageText]
    /// What the SIP view says at a step of a mode run that is no SIP traffic (its set-up, its end).
    public let sipAsides: [Int: String]
    /// Steps whose message the eavesdropper recorded: where her ledger's recording grows.
    public let recordedByEve: Set<Int>
    /// Whether the eavesdropper acts in some step (then her pane opens by default).
    public let eveActs: Bool

    public init(timeline: Timeline, config: AppConfig) {
        self.timeline = timeline
        self.config = config
        let eve = timeline.parties.first { $0.kind.isOutsider }
        self.eve = eve
        kms = timeline.parties.first { $0.kind.isKMS }
        // A network party sees its own values only: the others' panes would be empty.
        paneParties = timeline.parties.filter { party in
            party.id != eve?.id && timeline.viewpoint.map { $0 == party.id } ?? true
        }

        let messages = timeline.steps.compactMap { step in step.message.map { (step.index, $0) } }
        messageSteps = messages.map(\.0)
        let ends = Set(messages.flatMap { [$0.1.from, $0.1.to] })
        lanes = timeline.parties.filter { ends.contains($0.id) }

        var names = [PartyID: Set<ValueName>]()
        for step in timeline.steps {
            for party in step.ledger.parties {
                names[party.party, default: []].formUnion(party.knows.map(\.name))
                names[party.party, default: []].formUnion(party.cannot.map(\.name))
            }
        }
        rowNames = names.mapValues { ValueOrder.sorted($0) }

        var documents = [Int: InspectorDocument]()
        for (index, message) in messages { documents[index] = InspectorDocument(message: message) }
        inspector = documents
        // A network party's messages crossed as bare UDP datagrams: no SIP carried them.
        sip = timeline.viewpoint == nil ? SIPCarriageText.all(for: timeline) : Dictionary(uniqueKeysWithValues: messages.map { index, _ in
            (index, SIPCarriageText.none("The net commands send each message as one bare UDP datagram (PROFILE D20), not in SIP. `mikey-ibake export --sip` shows how SIP carries the lab's runs (D23)."))
        })
        sipAsides = timeline.viewpoint == nil ? SIPCarriageText.asides(for: timeline) : [:]

        var recorded = Set<Int>()
        if let eve {
            var previous = 0
            for step in timeline.steps {
                let count = step.ledger[eve.id]?.recorded.count ?? 0
                if count > previous, step.message != nil { recorded.insert(step.index) }
                previous = count
            }
        }
        recordedByEve = recorded
        eveActs = eve.map { eve in timeline.steps.contains { $0.actor == eve.id } } ?? false
    }

    /// Builds `name` with `config`, under `attacks` for a "what if" branch: the real
    /// protocol, so it takes a while at large parameter sets. `memos` lets the builds of
    /// one configuration share their IBE work (a branch and its main line). A scenario
    /// (or an attack) that cannot be built yields its error as text.
    public static func build(_ name: ScenarioName, config: AppConfig, attacks: [Attack] = [],
                             memos: BuildMemos? = nil) -> ScenarioLoad {
        do {
            var options = ScenarioOptions(parameterSet: config.parameterSet, seed: config.seed, policy: config.policy)
            options.memo = memos?.memo(for: config)
            let timeline = attacks.isEmpty ? try Scenario.build(name, options: options)
                : try Scenario.build(name, options: options, attacks: attacks)
            return .ready(ScenarioModel(timeline: timeline, config: config))
        } catch {
            return .failed("\(error)")
        }
    }

    public var scenario: ScenarioName { timeline.scenario }
    public var stepCount: Int { timeline.steps.count }

    /// The step at 1-based `index`, clamped into the timeline.
    /// The SIP view at step `current`, the message of step `inspected` in the inspector: that
    /// message's carriage, after what step `current` is when it is no SIP traffic (PROFILE D23).
    public func sipView(at current: Int, inspected: Int?) -> SIPCarriageText? {
        let carriage = inspected.flatMap { sip[$0] }
        guard let aside = sipAsides[current] else { return carriage }
        guard let carriage, let inspected else { return .none(aside) }
        return carriage.noting(aside + " Below: the SIP view of step \(inspected)'s message.")
    }

    public func step(_ index: Int) -> Step? {
        guard !timeline.steps.isEmpty else { return nil }
        return timeline.steps[min(max(index, 1), timeline.steps.count) - 1]
    }

    /// The short tag of a party id (`I`, `R`, `KMS`, `D1`), or the id itself.
    public func tag(_ id: PartyID) -> String { timeline.tag(id) }

    /// Message steps up to and including `index`.
    public func messageSteps(through index: Int) -> [Int] { messageSteps.filter { $0 <= index } }
}

/// The outcome of building a scenario: its model, or why it could not be built.
public enum ScenarioLoad: Sendable {
    case ready(ScenarioModel)
    case failed(String)

    public var model: ScenarioModel? {
        if case .ready(let model) = self { return model }
        return nil
    }
}
