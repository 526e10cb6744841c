import Scenarios

// The state each component keeps for itself, as a ratatui widget's state or a
// bubbles component does: owned by `AppState`, read and changed by that component's
// view and keys only. A new step (or scenario, or tutorial section) resets them.

/// The party panes: the line chosen in each (Up/Down or a click) since the last step.
public struct PanesState: Sendable, Equatable {
    /// Selected line of each party's pane, by party id; none follows the new values.
    public var selection: [PartyID: Int] = [:]

    public init() {}
}

/// The wire: the message chosen on it, if any.
public struct WireState: Sendable, Equatable {
    /// The selected message (its step), or nil to follow the current step.
    public var selection: Int?

    public init() {}
}

/// The inspector: how far it is scrolled, whether it shows fields, hex or SIP, the line
/// chosen in it, and the party its IBE layers are opened as.
public struct InspectorState: Sendable, Equatable {
    /// What the inspector shows of the message (`x` cycles them): its decoded fields,
    /// its octets in hex, or the SIP request or response that carries it (PROFILE D23).
    public enum Mode: Sendable, Equatable {
        case fields, hex, sip
    }

    /// Rows scrolled past.
    public var scroll = 0
    public var mode: Mode = .fields
    /// The chosen line (Up/Down while focused), by its content, so it stays on the same
    /// field when lines are added around it; the hex view highlights its octets.
    public var selection: InspectorDocument.Line?
    /// The party whose private keys open the IBE layers (`o`); nil shows them as sent.
    /// It stays across steps and messages: the layers are opened again for each.
    public var openAs: PartyID?
    /// The layers of the inspected message opened as `openAs` with its keys at the
    /// current step: real decryptions, done once per message, step and party.
    public var openings: LayerOpenings?
    /// The chosen line still has to be scrolled into view: a tutorial section chose it
    /// while the inspector had no place on screen (or its size was not known yet).
    public var reveal = false

    public init() {}
}

/// The narration: how far its whole text (narration, notes, each check in words) is
/// scrolled while it has focus.
public struct NarrationState: Sendable, Equatable {
    /// Lines scrolled past.
    public var scroll = 0

    public init() {}
}

/// The IBE layers of one message as one party opened them at one step, and what for.
public struct LayerOpenings: Sendable, Equatable {
    public struct Key: Sendable, Hashable {
        let build: BuildKey
        /// The step that sent the message.
        let message: Int
        /// The step whose ledger says which keys the party holds.
        let step: Int
        let party: PartyID
    }

    public let key: Key
    public let layers: [LayerOpening]
}

/// The who-knows view (`w`): whether it is open, the value row chosen in it, and the
/// values pinned to its top, which stay there across steps.
public struct WhoKnowsState: Sendable, Equatable {
    public var isOpen = false
    /// The chosen row, by value (so it stays on the same value when rows come and go).
    public var selection: ValueName?
    /// Values kept on top, side by side per party, in the order pinned.
    public var pinned: [ValueName] = []

    public init() {}
}

extension AppState {
    /// Back to following the current step: no chosen line or message, the inspector at its top.
    mutating func resetSelections() {
        panes = PanesState()
        wire.selection = nil
        inspector.scroll = 0
        narration.scroll = 0
        inspector.selection = nil
        inspector.reveal = false
    }

    /// Chooses the message of `step` on the wire (nil: follow the current step) and
    /// shows it in the inspector from its top.
    mutating func inspect(_ step: Int?) {
        wire.selection = step
        inspector.scroll = 0
        inspector.selection = nil
        inspector.reveal = false
    }
}
