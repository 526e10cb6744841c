import Scenarios
import TUI

/// The save key's request for the frame on screen, as data: the demonstrator is pure, so
/// the shell writes the files and answers with `AppMessage.snapshotSaved`.
public struct SnapshotRequest: Sendable, Equatable {
    /// The files' name without extension, e.g. `mikey-ibake-basic-step13-120x40`.
    public let stem: String
    /// Both: the text for handouts, the image for slides.
    public let formats: [FrameFormat]

    /// A request for the frame `state` shows.
    public init(_ state: AppState) {
        stem = Self.stem(scenario: state.scenario, step: state.step, size: state.size, view: FrameView.shown(in: state))
        formats = FrameFormat.allCases
    }

    /// `mikey-ibake-basic-step13-120x40`, with `-eve`, `-kms`, `-who` or `-presenter` for
    /// a view other than the main one, so frames of one step in several views do not
    /// overwrite each other. `mikey-ibake snapshot` names its files the same way.
    public static func stem(scenario: ScenarioName, step: Int, size: Size, view: FrameView) -> String {
        "mikey-ibake-\(scenario.rawValue)-step\(step)-\(size.width)x\(size.height)" + (view == .main ? "" : "-\(view.rawValue)")
    }

    /// The file names, one per format.
    public var fileNames: [String] { formats.map { "\(stem).\($0.fileExtension)" } }

    /// The title an image of the frame carries.
    public static func title(_ state: AppState) -> String {
        "MIKEY-IBAKE Lab: \(state.runName), step \(state.step)"
    }
}

/// What became of a save, as the shell reports it.
public enum SnapshotOutcome: Sendable, Equatable {
    /// Every file of the request written, in `directory`.
    case saved(SnapshotRequest, directory: String)
    /// Nothing (or not everything) could be written, and why.
    case failed(String)

    /// The notice the screen shows: "saved mikey-ibake-basic-step13-120x40.txt and .svg in /home/ann".
    var notice: String {
        switch self {
        case .saved(let request, let directory):
            let extensions = request.formats.map { "." + $0.fileExtension }.joined(separator: " and ")
            return "saved \(request.stem)\(extensions) in \(directory)"
        case .failed(let reason):
            return "could not save the frame: \(reason)"
        }
    }
}
