import ArgumentParser
import Scenarios

/// `mikey-ibake attacks`: what Eve can do at each step of a scenario, or (`--sweep`) one
/// bit flipped in every field of every message and the check that catches each (issue 12).
struct AttacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attacks",
        abstract: "List what can be attacked at each step of a scenario, or sweep every field with a bit flip.",
        discussion: "An attack is given to `run` as --attack AT:ACTION[:ARG...]: AT a step reference "
            + "(a number, first, last, send:MESSAGE, receive:MESSAGE), ACTION one of "
            + AttackAction.forms.joined(separator: ", ") + ". `--sweep` runs one branch per field and "
            + "tabulates which check refuses each flip and which are not caught."
    )

    @OptionGroup var selection: ScenarioSelection
    @Flag(help: "Flip one bit in every field of every message, one branch each, and tabulate the outcomes.")
    var sweep = false

    func run() throws {
        try reportingFailures {
            if let refusal = selection.name.attackRefusal { throw CommandFailure.usage("--scenario \(selection.name.rawValue): \(refusal)") }
            var options = try selection.options()
            if sweep {
                // The table names the seed, so a sweep without one can be repeated.
                options.seed = options.seed ?? UInt64.random(in: .min ... .max)
                let rows: [AttackSweep.Row]
                do {
                    rows = try AttackSweep.run(selection.name, options: options)
                } catch {
                    throw CommandFailure.failed("scenario \(selection.name.rawValue) failed: \(error)")
                }
                SweepTable(scenario: selection.name, options: options, rows: rows).lines.forEach { print($0) }
            } else {
                AttackListing(timeline: try selection.build(), parameterSet: options.parameterSet).lines.forEach { print($0) }
            }
        }
    }
}
