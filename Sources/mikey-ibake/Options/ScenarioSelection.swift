import ArgumentParser
import IBAKE
import IBE
import Scenarios

/// `--scenario --seed --params --policy`: which run, shared by `run`, the demonstrator
/// (the default command) and `export`.
struct ScenarioSelection: ParsableArguments {
    @Option(help: "The scenario (`mikey-ibake run --list` says what each shows); default: basic (export: the bare exchange).")
    var scenario: ScenarioName?

    @Option(parsing: .unconditional, help: "Seed for a reproducible run (PROFILE D15); none: fresh randomness.",
            transform: WholeNumber.seed)
    var seed: UInt64?

    @Option(help: "Parameter set (PROFILE D4).") var params = ParameterSetName.default

    @Option(help: "Initiator's policy when another identity answers (PROFILE D13).")
    var policy: Initiator.Policy = .continue

    /// The scenario asked for, basic when none is.
    var name: ScenarioName { scenario ?? .basic }

    func options() throws -> ScenarioOptions {
        ScenarioOptions(parameterSet: try params.load(), seed: seed, policy: policy)
    }

    /// The timeline of the run asked for; a scenario that does not complete is a failure.
    func build() throws -> Timeline {
        let options = try options()
        do {
            return try Scenario.build(name, options: options)
        } catch {
            throw CommandFailure.failed("scenario \(name.rawValue) failed: \(error)")
        }
    }

    /// The branch of the run under `attacks` (issue 12), each placed on the plain run;
    /// the plain run itself when there are none. A spec that does not fit the run (a
    /// step it lacks, a field its message lacks) is a usage error listing what would do.
    func build(attacks: [Attack]) throws -> Timeline {
        guard !attacks.isEmpty else { return try build() }
        do {
            return try Scenario.build(name, options: try options(), attacks: attacks)
        } catch let error as AttackSpecError {
            throw CommandFailure.usage("--attack: \(error)")
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure.failed("scenario \(name.rawValue) failed: \(error)")
        }
    }
}
