import Scenarios

/// One line of a pane, as data: `PaneContent` decides the lines from the ledger,
/// `PaneView` draws them, and selection and clicks count them.
public struct PaneLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A section title inside a pane ("cannot compute").
        case heading(String)
        /// A value the party holds (`known`), or will hold later (nil: shown as a dash).
        case value(name: ValueName, known: KnownValue?, isNew: Bool)
        /// A value the party cannot compute, with the ledger's reason.
        case cannot(name: ValueName, why: String)
        /// A value the party held and erased at `step` (new: erased at the current step).
        case wiped(name: ValueName, step: Int, isNew: Bool)
        /// A wire message (the eavesdropper's recording, the layers a KMS could open).
        case message(step: Int, name: String, octets: Int, notation: String, isNew: Bool)
        /// A value a curious KMS could read inside a layer: what its ledger holds, or
        /// where the value travels (`inside`) when it did not decrypt it in this run.
        case readable(name: ValueName, known: KnownValue?, isNew: Bool, inside: String?)
        /// A sentence derived from ledger facts (what holding s allows).
        case note(String)
        /// What an outsider did at a step (altered, replayed, dropped a message; opened a
        /// recording); what she did to a message is new at that step, so a small pane scrolls to it.
        case action(String, isNew: Bool)
    }

    public let kind: Kind
    /// Which of several values of one name this is (`↔ KMS`, `#2`): a pane that holds
    /// two aP says whose exchange each belongs to.
    public let qualifier: String?

    public init(_ kind: Kind, qualifier: String? = nil) {
        self.kind = kind
        self.qualifier = qualifier
    }

    /// Up/Down stop on values, impossibilities and messages, not on headings or notes.
    public var isSelectable: Bool {
        switch kind {
        case .heading, .note, .action: false
        default: true
        }
    }

    /// Whether the line shows something that became known at the current step.
    public var isNew: Bool {
        switch kind {
        case .value(_, _, let isNew), .message(_, _, _, _, let isNew), .readable(_, _, let isNew, _), .wiped(_, _, let isNew),
             .action(_, let isNew): isNew
        default: false
        }
    }

    /// New at this step and worth scrolling to: not a public parameter or clear header
    /// value (sP at set-up, RAND and CSB ID as each message passes), which would
    /// otherwise scroll a pane away from its top on the very first screen.
    var isNewsworthy: Bool {
        switch kind {
        case .value(let name, _, true), .readable(let name, _, true, _): !ValueOrder.isMinor(name)
        case .message(_, _, _, _, let isNew): isNew
        default: false
        }
    }
}
