import Scenarios

/// What `attacks --scenario NAME` prints: each step of the plain run and the attacks that
/// apply there, the fields of each message where it is sent (issue 12).
struct AttackListing {
    let timeline: Timeline
    let parameterSet: ParameterSet

    var lines: [String] {
        var lines = ["Attacks on scenario \(timeline.scenario.rawValue) (\(timeline.steps.count) steps); give them to `run` as --attack AT:ACTION[:ARG...].",
                     "At any step: " + LeakedKey.allCases.map { "leak:\($0.rawValue)" }.joined(separator: ", ")
                        + ", impersonate:initiator|responder (Eve's own exchange, once the step is over)."]
        for step in timeline.steps {
            lines += ["", "step \(step.index) [\(timeline.tag(step.actor)) \(step.action.rawValue)] \(step.title)"]
            let attack = Attack(step: step.index, action: .drop)
            if let sent = attack.messageStep(in: timeline.steps), let message = timeline.steps[sent - 1].message {
                if sent == step.index {
                    let fields = AttackSurface(message.octets, parameterSet: parameterSet).paths
                    let others = timeline.parties.map(\.id).filter { $0 != message.to }.map(\.rawValue).joined(separator: "|")
                    lines.append("  in transit: \(message.kind) (this step): drop, delay:SECONDS, redirect:\(others)"
                                 + (AttackAction.substituteShare.applies(to: message.kind) ? ", substitute-share" : "")
                                 + (AttackAction.rogueKMS.applies(to: message.kind) ? ", rogue-kms" : "") + ", flip:FIELD[:BIT] with FIELD one of \(fields.count):")
                    lines.append("    " + fields.joined(separator: ", "))
                } else {
                    lines.append("  in transit: \(message.kind) of step \(sent) (its fields are listed there)")
                }
            }
            let recorded = timeline.steps.prefix(step.index).filter { $0.action == .send }.compactMap(\.message?.kind)
            let replays = MessageKind.attackable.filter(recorded.contains)
            if !replays.isEmpty {
                lines.append("  after it: " + replays.map { "replay:\($0.name)[:AFTER_SECONDS]" }.joined(separator: ", "))
            }
        }
        return lines
    }
}
