#if canImport(Glibc)
import Glibc
#endif
import Demonstrator
import Scenarios
import TerminalBackend
import TUI

/// Plain mode: the lines of `mikey-ibake run` (no box drawing, no colour, no
/// escapes), one step at a time for a reader at a terminal. How it is paced depends on
/// where the lines go and where answers come from:
///
/// - output to a pipe or a file: everything at once, nothing asked (nobody reads a prompt
///   there, and `| grep` or `> notes.txt` want the whole run);
/// - input from a terminal: a prompt after each step, answered by a single key without
///   Enter (Enter or Space the next step, `a` the rest, `q` quit), the terminal's own
///   mode restored afterwards however the session ends;
/// - input from a pipe or a file: one line per step, silently; at its end the rest.
struct PlainSession {
    let config: AppConfig
    let scenario: ScenarioName
    /// The step to stop at first (`--step`), checked against the run's length.
    let startStep: StepRange
    let exitAfterFirstStep: Bool

    /// What the reader asked for after a step.
    enum Answer {
        case next, rest, quit
    }

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
        guard isatty(STDOUT_FILENO) == 1 else {
            play(timeline, text, prompt: nil, ask: nil)
            return
        }
        guard isatty(STDIN_FILENO) == 1 else {
            play(timeline, text, prompt: nil, ask: Self.readAnswerLine)
            return
        }
        KeyAtATime.withKeys { keys in
            if let keys {
                play(timeline, text, prompt: "Enter or Space: next step, a: all the rest, q: quit", ask: { Self.answer(keys) })
            } else {
                play(timeline, text, prompt: "Enter: next step, a Enter: all the rest, q Enter: quit", ask: Self.readAnswerLine)
            }
        }
    }

    /// Prints the run; after each step from `startStep` on (the last aside), shows
    /// `prompt` on standard error and waits for `ask`, unless nothing is asked.
    private func play(_ timeline: Timeline, _ text: TimelineText, prompt: String?, ask: (() -> Answer)?) {
        var ask = ask
        text.header.forEach { print($0) }
        var previous: Ledger?
        for step in timeline.steps {
            text.lines(for: step, previous: previous).forEach { print($0) }
            previous = step.ledger
            // Through a pipe stdout is block-buffered: flush so each step shows when asked for.
            fflush(nil)
            guard step.index >= startStep.step, step.index < timeline.steps.count else { continue }
            if exitAfterFirstStep { return }
            guard let asking = ask else { continue }
            if let prompt {
                var standardError = StandardError()
                print("[step \(step.index)/\(timeline.steps.count)] \(prompt)", to: &standardError)
            }
            switch asking() {
            case .next: break
            case .rest: ask = nil
            case .quit: return
            }
        }
    }

    /// The answer a key gives: Enter, Space, Right or `n` the next step; `a` (or Ctrl-D, or
    /// the end of input) the rest; `q` or Esc quit. Other keys are passed over.
    private static func answer(_ keys: KeyAtATime.Reader) -> Answer {
        while true {
            switch keys.next() {
            case .enter?, .character(" ")?, .right?, .character("n")?: return .next
            case .character("a")?, .control("d")?, nil: return .rest
            case .character("q")?, .escape?: return .quit
            default: continue
            }
        }
    }

    /// The answer a line gives: `a` or the end of input the rest, `q` quit, anything else
    /// (an empty line) the next step.
    private static func readAnswerLine() -> Answer {
        switch readLine().map({ String($0.filter { !$0.isWhitespace }).lowercased() }) {
        case nil, "a": .rest
        case "q": .quit
        default: .next
        }
    }
}
