#if canImport(Glibc)
import Glibc
#endif
import Demonstrator
import Scenarios
import TerminalBackend

/// Plain mode: the lines of `mikey-ibake run` (no box drawing, no colour, no
/// escapes), one step at a time. Enter shows the next step, `a` the rest, `q` stops;
/// when standard input ends (a pipe, /dev/null) the rest is printed at once.
struct PlainSession {
    let config: AppConfig
    let scenario: ScenarioName
    /// The step to stop at first (`--step`), checked against the run's length.
    let startStep: StepRange
    let exitAfterFirstStep: Bool

    func run() throws {
        let timeline: Timeline
        do {
            let options = ScenarioOptions(parameterSet: config.parameterSet, seed: config.seed, policy: config.policy)
            timeline = try Scenario.build(scenario, options: options)
        } catch {
            throw CommandFailure.failed("scenario \(scenario.rawValue) failed: \(error)")
        }
        if let beyond = startStep.check(steps: timeline.steps.count, scenario: scenario.rawValue) { throw beyond }
        let text = TimelineText(timeline: timeline, parameterSummary: config.parameterSet.summary)
        let prompting = isatty(STDIN_FILENO) == 1
        var waiting = true
        text.header.forEach { print($0) }
        var previous: Ledger?
        for step in timeline.steps {
            text.lines(for: step, previous: previous).forEach { print($0) }
            previous = step.ledger
            // Through a pipe stdout is block-buffered: flush so each step shows when asked for.
            fflush(nil)
            guard step.index >= startStep.step, step.index < timeline.steps.count else { continue }
            if exitAfterFirstStep { return }
            guard waiting else { continue }
            if prompting {
                var standardError = StandardError()
                print("[step \(step.index)/\(timeline.steps.count)] Enter: next step, a: all the rest, q: quit", to: &standardError)
            }
            switch readLine().map({ String($0.filter { !$0.isWhitespace }).lowercased() }) {
            case nil, "a": waiting = false
            case "q": return
            default: break
            }
        }
    }
}
