/// The views a frame can be saved in (`mikey-ibake snapshot --view`): each is what its
/// key opens in the demonstrator, over the step's usual screen.
public enum FrameView: String, CaseIterable, Sendable {
    /// The screen as the demonstrator opens on it.
    case main
    /// `e`: the eavesdropper's pane, what Eve holds and cannot compute.
    case eve
    /// `k`: the KMS pane as a curious KMS reads the run.
    case kms
    /// `w`: who knows what, every value for every party.
    case who
    /// `z`: presenter mode, the step's message or new value large.
    case presenter

    /// A view the scenario on screen has not got (no eavesdropper, no KMS).
    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// `state`, its scenario built, with this view open: the same actions its key
    /// performs, so the frame is the one the demonstrator shows after that key.
    public func open(in state: AppState) throws(Unavailable) -> AppState {
        guard let model = state.model else { return state }
        let name = model.timeline.name
        switch self {
        case .main:
            return state
        case .eve:
            guard model.eve != nil else { throw Unavailable(description: "the \(name) scenario has no eavesdropper") }
            // Eve's pane is open already where she acts; `e` would close it there.
            return state.showsEve ? state : AppUpdate.perform(.toggleEve, state).state
        case .kms:
            guard model.kms != nil else { throw Unavailable(description: "the \(name) scenario has no KMS") }
            return state.kmsView ? state : AppUpdate.perform(.toggleKMS, state).state
        case .who:
            return state.whoKnows.isOpen ? state : AppUpdate.perform(.toggleWhoKnows, state).state
        case .presenter:
            return AppUpdate.perform(.enterPresenter, state).state
        }
    }

    /// The view `state` shows, for a saved frame's name: presenter mode and the
    /// who-knows view cover the panes; else the KMS or Eve view if opened by key.
    public static func shown(in state: AppState) -> FrameView {
        if state.presenter { return .presenter }
        if state.whoKnows.isOpen { return .who }
        if state.kmsView { return .kms }
        if state.eveView == true, state.model?.eveActs == false { return .eve }
        return .main
    }
}
