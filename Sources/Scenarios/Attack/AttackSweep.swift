import IBAKE
import IBE

/// Every field of every message of a run, one bit flipped in each (issue 12): which check
/// refuses it, and which flips no check catches. The tests keep the basic run's table as a
/// golden file, so a change in what catches what shows in review.
public enum AttackSweep {
    /// One flip and what came of it.
    public struct Row: Sendable, Equatable {
        /// The message flipped.
        public let message: MessageKind
        /// The step of the plain run that sent the message.
        public let step: Int
        /// The field's path (``AttackSurface``); its last bit was flipped.
        public let field: String
        /// What the branch computed.
        public let outcome: BranchOutcome
    }

    /// Flips the last bit of each field of each message the stage delivers in the plain
    /// run of `name` (one branch per flip), in wire order.
    public static func run(_ name: ScenarioName, options: ScenarioOptions) throws -> [Row] {
        // One seed and one memo for the plain run and every branch (PROFILE D15, D21): each
        // branch finds the KMS set-up and the keys the plain run computed.
        var options = options
        options.seed = options.seed ?? UInt64.random(in: .min ... .max)
        options.memo = options.memo ?? IBEMemo()
        let plain = try Scenario.build(name, options: options)
        var rows = [Row]()
        for step in plain.steps where step.action == .send {
            guard let message = step.message, MessageKind.attackable.contains(message.kind) else { continue }
            for field in AttackSurface(message.octets, parameterSet: options.parameterSet).fields {
                let attack = Attack(step: step.index, action: .flip(field: field.path, bit: nil))
                var branch = options
                branch.plan = [PlannedAttack(attack: attack, step: step.index, messageStep: step.index)]
                let timeline = try Scenario.build(name, options: branch)
                // Eve's tamper step names the step of the message she altered.
                let altered = timeline.steps.first { $0.action == .tamper }?.ledger[.eve]?.interference.first?.messageStep
                rows.append(Row(message: message.kind, step: step.index, field: field.path,
                                outcome: BranchOutcome(timeline, attackedStep: altered)))
            }
        }
        return rows
    }
}
