import Demonstrator
import Foundation
import IBAKE
import IBE
import Network
import Primitives
import Scenarios
import Testing
import TUI
import Tutorials

/// Timelines for the tests: the toy parameter set with seed 1, so every screen is
/// the same on every run and builds in milliseconds. Each scenario is built once.
enum Fixtures {
    static let config: AppConfig = {
        // Invariant: the toy set ships with the package.
        guard let set = try? ParameterSet.named("toy") else { preconditionFailure("the toy parameter set is missing") }
        return AppConfig(parameterSet: set, seed: 1)
    }()

    static let loads: [ScenarioName: ScenarioLoad] = Dictionary(
        uniqueKeysWithValues: ScenarioName.allCases.map { ($0, ScenarioModel.build($0, config: config)) }
    )

    static func model(_ name: ScenarioName) -> ScenarioModel? { loads[name]?.model }

    /// A state showing `name` at `step`, as the shell would have it once the build arrived.
    static func state(_ name: ScenarioName = .basic, step: Int = 1, size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = AppState(config: config, scenario: name, step: step, size: size)
        if let load = loads[name] { state = AppUpdate.update(state, .built(BuildKey(name, config), load)).state }
        return state
    }

    /// The shipped tutorials, parsed once.
    static let tutorials: [TutorialDocument] = TutorialLibrary.load().documents

    /// A build as the shell's queue would deliver it (the cached one for the tests' configuration,
    /// unless it is a "what if" branch).
    static func build(_ key: BuildKey) -> ScenarioLoad {
        key.config == config && key.attacks.isEmpty ? loads[key.scenario] ?? ScenarioModel.build(key) : ScenarioModel.build(key)
    }

    /// Delivers every build the state asks for, as the shell does, until it asks for none.
    static func deliverBuilds(_ state: AppState) -> AppState {
        var state = state
        while let key = state.wantedBuilds.first { state = AppUpdate.update(state, .built(key, build(key))).state }
        return state
    }

    /// A session playing the tutorial `id`, its timelines built, at `section` (0-based).
    static func tutorial(_ id: String, section: Int = 0, size: Size = Size(width: 120, height: 40),
                         presenter: Bool = false) throws -> AppState {
        guard let document = tutorials.first(where: { $0.id == id }) else { throw Missing(what: "tutorial \(id)") }
        let play = try TutorialPlay(document: document, parameterSet: ParameterSet.named)
        let state = deliverBuilds(AppState(tutorial: play, size: size, presenter: presenter))
        return send(state, Array(repeating: .key(.enter), count: section))
    }

    /// A realm of the toy set on disk, as `net init` makes it, for network parties' screens.
    static func realm(users: [String] = ["sip:alice@ims.example", "sip:bob@ims.example"]) throws -> Realm {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("realm-\(UUID().uuidString)")
        return try Realm.create(at: directory, users: users, parameterSet: config.parameterSet, using: HMACDRBG(seed: 14))
    }

    /// A network caller's screen before its first datagram: the realm loaded.
    static func liveCaller(size: Size = Size(width: 120, height: 40)) throws -> AppState {
        let party = try LiveParty(identity: "sip:alice@ims.example", role: .caller(to: "sip:bob@ims.example", devices: ["127.0.0.1:2270"]),
                                  realm: try realm(), kmsAddress: "127.0.0.1:2269", seed: nil)
        return AppState(live: party.model, size: size)
    }

    struct Missing: Error {
        let what: String
    }

    /// Feeds events in order; returns the final state.
    static func send(_ state: AppState, _ events: [Event]) -> AppState {
        events.reduce(state) { AppUpdate.update($0, $1).state }
    }

    static func keys(_ keys: Key...) -> [Event] { keys.map { .key($0) } }

    /// A moment of a scenario, named by what happens there rather than by its number,
    /// so a fixture still means the same thing when a scenario gains or loses a step.
    enum Moment {
        /// The first step where the ledger says the party holds the value.
        case learns(PartyID, ValueName)
        /// The step that puts the first message of this kind on the wire.
        case sends(MessageKind)
        case firstRefusal, lastRefusal
        case last
    }

    /// The step of `moment` in `name`, if the scenario has one.
    static func step(_ name: ScenarioName, _ moment: Moment) -> Int? {
        guard let model = model(name) else { return nil }
        switch moment {
        case .learns(let party, let value): return firstStep(name, where: party, knows: value)
        case .sends(let kind): return model.timeline.steps.first { $0.action == .send && $0.message?.kind == kind }?.index
        case .firstRefusal: return refusals(name).first
        case .lastRefusal: return refusals(name).last
        case .last: return model.stepCount
        }
    }

    /// A state showing `name` at `moment`; a missing moment is a test failure (and the
    /// state shows step 1, so the test goes on to report what else differs).
    static func state(_ name: ScenarioName, at moment: Moment, size: Size = Size(width: 120, height: 40),
                      sourceLocation: SourceLocation = #_sourceLocation) -> AppState {
        guard let step = step(name, moment) else {
            Issue.record("\(name.rawValue) has no step for \(moment)", sourceLocation: sourceLocation)
            return state(name, step: 1, size: size)
        }
        return state(name, step: step, size: size)
    }

    /// The basic run where the initiator learns abP: both ends hold the key, the
    /// exchange's turning point, and the screen most tests start from.
    static let keyAgreed = Moment.learns(.initiator, .abP)

    /// The first step of `name` where the ledger says `party` holds `value`.
    static func firstStep(_ name: ScenarioName, where party: PartyID, knows value: ValueName) -> Int? {
        model(name)?.timeline.step(where: party, learns: value)?.index
    }

    /// Steps of `name` where a message was refused.
    static func refusals(_ name: ScenarioName) -> [Int] {
        model(name)?.timeline.steps.filter { $0.action == .refuse }.map(\.index) ?? []
    }
}
