import Demonstrator
import IBE
import Scenarios
import TUI

/// `bench --ui`: how fast the demonstrator draws. `ui-frame` renders one whole frame
/// into the cell grid (the pure view, as on every key press) of the basic run at
/// I_MESSAGE_1's answer with the eavesdropper's pane open; `ui-start` times the real
/// binary from process start to its first frame (`--exit-after-first-frame`) on a
/// pseudo-terminal, with the default parameter set, whose timeline is still being
/// built in the background when that frame is drawn.
struct UIBenchmarks {
    var sampling = Sampling()

    static let frameSizes = [Size(width: 120, height: 40), Size(width: 200, height: 60)]

    func frames() throws -> [BenchmarkResult] {
        let config = AppConfig(parameterSet: try ParameterSet.named(ParameterSet.defaultName), seed: 1)
        var state = AppState(config: config, scenario: .basic, step: 13, size: Self.frameSizes[0])
        state = AppUpdate.update(state, .built(BuildKey(.basic, config), ScenarioModel.build(.basic, config: config))).state
        state = AppUpdate.update(state, .key(.character("e"))).state
        return Self.frameSizes.map { size in
            let timing = sampling.measure { _ = AppView.render(state, size: size, theme: .color, glyphs: .unicode) }
            return BenchmarkResult(name: "ui-frame", params: size.description, timing: timing, unit: nil)
        }
    }

    /// Process start to first frame at 120x40; nil when no pseudo-terminal is available.
    func start(executable: String) -> BenchmarkResult? {
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "LINES=40", "COLUMNS=120"]
        let arguments = [executable, "--exit-after-first-frame", "--seed", "1"]
        guard (try? PseudoTerminal.run(arguments, environment: environment)) == 0 else { return nil }
        var slow = sampling
        slow.minimumRuns = 9
        let timing = slow.measure { _ = try? PseudoTerminal.run(arguments, environment: environment) }
        return BenchmarkResult(name: "ui-start", params: "120x40", timing: timing, unit: nil)
    }
}
