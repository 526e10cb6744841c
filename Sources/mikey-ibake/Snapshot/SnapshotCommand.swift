import ArgumentParser
import Demonstrator
import Scenarios
import TUI
import Tutorials

/// `mikey-ibake snapshot`: one frame of the demonstrator, drawn without a terminal, as
/// text for handouts or as an SVG image for slides.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save one frame of the demonstrator as text (handouts) or an SVG image (slides), without a terminal.",
        discussion: """
            The frame is the one the demonstrator shows at that step and size, in that view \
            (what e, k, w or z open). The demonstrator's S key saves the frame on screen the same \
            way, both formats, in the current directory.
            """
    )

    @OptionGroup var selection: ScenarioSelection
    @Option(parsing: .unconditional,
            help: ArgumentHelp("The step: a number, or as tutorials name it: \(StepReference.forms).",
                               valueName: "step-ref"),
            transform: SnapshotArguments.step)
    var step: StepReference = .first
    @Option(help: ArgumentHelp("The screen's size in columns and rows, at least 80x24 (default: 120x40).", valueName: "WxH"),
            transform: SnapshotArguments.size)
    var size = Size(width: 120, height: 40)
    @Option(help: "What the frame shows: the panes, or the view e, k, w or z opens.") var view: FrameView = .main
    @Option(help: "txt: the frame's text; svg: an image in the theme's colours. Default: from --out's extension, else txt.")
    var format: FrameFormat?
    @Option(help: "The file to write (- for standard output). Default: mikey-ibake-SCENARIO-stepN-WxH[-VIEW].FORMAT here.",
            completion: .file())
    var out: String?
    @Flag(help: "The mono theme: no colour, only bold, reverse and underline.") var noColor = false
    @Flag(help: "ASCII only: no box drawing or arrows.") var ascii = false

    func run() throws {
        try reportingFailures {
            let options = try selection.options()
            let config = AppConfig(parameterSet: options.parameterSet, seed: options.seed, policy: options.policy)
            let key = BuildKey(selection.name, config)
            let model: ScenarioModel
            switch ScenarioModel.build(key) {
            case .ready(let built): model = built
            case .failed(let reason): throw CommandFailure.failed("scenario \(selection.name.rawValue) failed: \(reason)")
            }
            let number = try SnapshotArguments.resolve(step, in: model.timeline, scenario: selection.name)
            let built = AppUpdate.update(AppState(config: config, scenario: selection.name, step: number, size: size),
                                         .built(key, .ready(model))).state
            let state: AppState
            do {
                state = try view.open(in: built)
            } catch {
                throw CommandFailure.usage("--view \(view.rawValue): \(error); give one of "
                    + FrameView.allCases.filter { (try? $0.open(in: built)) != nil }.map(\.rawValue).joined(separator: ", "))
            }
            let frame = AppView.render(state, size: size, theme: noColor ? .mono : .color, glyphs: ascii ? .ascii : .unicode)
            let stem = SnapshotRequest.stem(scenario: selection.name, step: number, size: size, view: view)
            let format = format ?? FrameFormat.allCases.first { out?.hasSuffix(".\($0.fileExtension)") == true } ?? .txt
            try FrameFiles.write(format.document(frame, title: SnapshotRequest.title(state)),
                                 to: out ?? "\(stem).\(format.fileExtension)")
        }
    }
}
