import Foundation
import IBAKE
import Primitives
import Scenarios

/// The timeline as JSON: the full data (values in full hex), in the shape issue 4 fixes.
struct TimelineJSON: Encodable {
    struct PartyJSON: Encodable {
        let id: String
        let name: String
        let tag: String
        let identity: String?
        let kind: String
    }

    struct MessageJSON: Encodable {
        let name: String
        /// What it is on the wire: mikey, rtp or labRecord (decides its UDP ports in a capture).
        let transport: String
        let hex: String
        let octets: Int
        let from: String
        let to: String
        let notation: String
    }

    struct CheckJSON: Encodable {
        let check: String
        let passed: Bool
        let detail: String
    }

    struct Cannot: Encodable {
        let value: String
        let why: String
        /// The step of the event that lifts it, when the party learns the value later (added by issue 11).
        /// Left out when nil (synthesized `Encodable` skips nil optionals), as before issue 11.
        let until: Int?
    }

    /// A value the party held and erased, and the step it did (added by issue 11).
    struct Wiped: Encodable {
        let value: String
        let step: Int
    }

    /// What an attacker did to a message on the wire (added by issue 11): `act` is
    /// altered, replayed or dropped; an alteration says where (offset into the message).
    struct InterferenceJSON: Encodable {
        let act: String
        let message: String
        let messageStep: Int
        let step: Int
        let field: String?
        let offset: Int?
        let mask: Int?
        let original: Int?

        init(_ interference: Interference) {
            message = interference.message.name
            messageStep = interference.messageStep
            step = interference.step
            switch interference.act {
            case .altered(let field, let offset, let mask):
                (act, self.field, self.offset, self.mask, original) = ("altered", field, offset, Int(mask), nil)
            case .replayed(let original):
                (act, field, offset, mask, self.original) = ("replayed", nil, nil, nil, original)
            case .dropped:
                (act, field, offset, mask, original) = ("dropped", nil, nil, nil, nil)
            case .delayed:
                // How long is in the step's narration; the shape keeps issue 11's fields.
                (act, field, offset, mask, original) = ("delayed", nil, nil, nil, nil)
            case .substituted:
                (act, field, offset, mask, original) = ("substituted", "IBAKE", nil, nil, nil)
            }
        }
    }

    struct PartyKnowledge: Encodable {
        let knows: [String]
        let cannot: [Cannot]
        let recorded: [String]
        let wiped: [Wiped]
        let interference: [InterferenceJSON]
    }

    struct StepJSON: Encodable {
        let index: Int
        /// The part of the run (provisioning, exchange, media, join...).
        let phase: String
        let actor: String
        let action: String
        let title: String
        let message: MessageJSON?
        let learned: [String: [String]]
        let values: [String: String]
        let checks: [CheckJSON]
        let narration: String
        let notes: [String]
        let references: [String]
        let ledger: [String: PartyKnowledge]
        /// For a refusal, the step that put the refused message on the wire (added by issue 11).
        let refusedMessage: Int?
        /// True on the steps of an attack's branch (issue 12); left out of a plain run's steps.
        let branch: Bool?

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .index)
            try container.encode(phase, forKey: .phase)
            try container.encode(actor, forKey: .actor)
            try container.encode(action, forKey: .action)
            try container.encode(title, forKey: .title)
            try container.encode(message, forKey: .message)       // explicit null when there is none
            try container.encode(learned, forKey: .learned)
            try container.encode(values, forKey: .values)
            try container.encode(checks, forKey: .checks)
            try container.encode(narration, forKey: .narration)
            try container.encode(notes, forKey: .notes)
            try container.encode(references, forKey: .references)
            try container.encode(ledger, forKey: .ledger)
            try container.encodeIfPresent(refusedMessage, forKey: .refusedMessage)
            try container.encodeIfPresent(branch, forKey: .branch)
        }

        enum CodingKeys: String, CodingKey {
            case index, phase, actor, action, title, message, learned, values, checks, narration, notes, references, ledger, refusedMessage, branch
        }
    }

    let scenario: String
    let seed: UInt64?
    let params: String
    /// The attacks of a branch, as `--attack` takes them; left out of a plain run.
    let attacks: [String]?
    let parties: [PartyJSON]
    let steps: [StepJSON]

    init(_ timeline: Timeline, attacks: [Attack] = []) {
        self.attacks = attacks.isEmpty ? nil : attacks.map(\.description)
        scenario = timeline.scenario.rawValue
        seed = timeline.seed
        params = timeline.parameterSet
        parties = timeline.parties.map { PartyJSON(id: $0.id.rawValue, name: $0.name, tag: $0.tag, identity: $0.identity, kind: $0.kind.jsonName) }
        steps = timeline.steps.map { step in
            var learned = [String: [String]]()
            var values = [String: String]()
            for revelation in step.revealed {
                learned[revelation.party.rawValue, default: []].append(revelation.value.name.rawValue)
                values[revelation.value.name.rawValue] = Hex.encode(revelation.value.octets)
            }
            var ledger = [String: PartyKnowledge]()
            for party in step.ledger.parties {
                ledger[party.party.rawValue] = PartyKnowledge(knows: party.knows.map(\.name.rawValue).uniqued(),
                                                     cannot: party.cannot.map { Cannot(value: $0.name.rawValue, why: $0.why, until: $0.until?.step) },
                                                     recorded: party.recorded.map(\.name),
                                                     wiped: party.wiped.map { Wiped(value: $0.name.rawValue, step: $0.step) },
                                                     interference: party.interference.map(InterferenceJSON.init))
            }
            return StepJSON(index: step.index, phase: step.phase.name, actor: step.actor.rawValue, action: step.action.rawValue, title: step.title,
                            message: step.message.map {
                                MessageJSON(name: $0.kind.name, transport: $0.transport.rawValue, hex: Hex.encode($0.octets), octets: $0.octets.count, from: $0.from.rawValue,
                                            to: $0.to.rawValue, notation: $0.notation)
                            },
                            learned: learned, values: values,
                            checks: step.checks.map { CheckJSON(check: $0.check.rawValue, passed: $0.passed, detail: $0.detail) },
                            narration: step.narration, notes: step.notes, references: step.references.map(\.description), ledger: ledger,
                            refusedMessage: step.refusedMessage, branch: step.branch ? true : nil)
        }
    }

    func text() throws -> String {
        String(decoding: try prettyJSON(), as: UTF8.self)
    }
}
