import TUI

/// Keys bound to one action.
public struct KeyBinding: Sendable, Equatable {
    public let keys: [Key]
    public let action: KeyAction

    public init(_ keys: [Key], _ action: KeyAction) {
        self.keys = keys
        self.action = action
    }
}

/// A row's place in the status line: `keys text` ("Tab focus"), shown when the line
/// has room for rows of this rank (0 always, then 1, 2, 3 as width allows).
public struct KeyHint: Sendable, Equatable {
    public let text: String
    public let rank: Int
    /// Kept in presenter mode, whose status line holds only the keys that move through the story.
    public let presenting: Bool
    /// The keys named, when not the row's first: "f/r/d", or "←→" (`joiner` "").
    public let keys: [Key]?
    public let joiner: String
    /// The text while what the row's action toggles is on (`t`: "demo" while the
    /// tutorial's text shows, "text" while it is hidden), when it says something else then.
    public let toggled: String?

    public init(_ text: String, rank: Int, presenting: Bool = false, keys: [Key]? = nil, joiner: String = "/",
                toggled: String? = nil) {
        self.text = text
        self.rank = rank
        self.presenting = presenting
        self.keys = keys
        self.joiner = joiner
        self.toggled = toggled
    }
}

/// One line of the help: its bindings, the contexts it applies in, what it does,
/// and its status-line hint if it has one.
public struct KeyRow: Sendable, Equatable {
    public let bindings: [KeyBinding]
    public let contexts: [KeyContext]
    public let help: String
    public let hint: KeyHint?

    public init(_ bindings: [KeyBinding], in contexts: [KeyContext], _ help: String, hint: KeyHint? = nil) {
        self.bindings = bindings
        self.contexts = contexts
        self.help = help
        self.hint = hint
    }

    /// A row with one binding.
    public init(_ keys: [Key], _ action: KeyAction, in contexts: [KeyContext], _ help: String, hint: KeyHint? = nil) {
        self.init([KeyBinding(keys, action)], in: contexts, help, hint: hint)
    }

    public var keys: [Key] { bindings.flatMap(\.keys) }
}

/// A click, documented beside the keys (clicks are handled in `AppUpdate.click`).
public struct ClickRow: Sendable, Equatable {
    public let contexts: [KeyContext]
    public let help: String
}

/// Every key of the demonstrator: `update` dispatches through it, and the help
/// overlay, the status-line hints, the commands' `--help` and the README's key table
/// are rendered from it. Within a context a key is bound once (a test checks it); in
/// the active contexts (`KeyContext.active`) the first context that binds a key wins.
public enum Keymap {
    private static let screen: [KeyContext] = [.demo, .tutorial, .party]
    /// The screens of the lab's own runs, where Eve, the KMS's view and what-if branches exist.
    private static let runs: [KeyContext] = [.demo, .tutorial]
    private static let overlays: [KeyContext] = [.help, .scenarioMenu, .valueDetail, .goTo, .attackMenu]

    public static let rows: [KeyRow] = [
        KeyRow([.right, .character("l"), .character("n"), .character(" "), .enter], .nextStep, in: [.demo, .party], "next step",
               hint: KeyHint("step", rank: 0, presenting: true, keys: [.left, .right], joiner: "")),
        KeyRow([.left, .character("h"), .character("p"), .backspace], .previousStep, in: [.demo, .party], "previous step"),
        KeyRow([.enter, .character(" "), .right], .nextSection, in: [.tutorial], "next section",
               hint: KeyHint("next", rank: 0, presenting: true)),
        KeyRow([.backspace, .left], .previousSection, in: [.tutorial], "previous section",
               hint: KeyHint("back", rank: 2, presenting: true)),
        KeyRow([.character("a")], .toggleAnswer, in: [.tutorial], "show or hide the answer to the section's question",
               hint: KeyHint("answer", rank: 1, presenting: true)),
        KeyRow([KeyBinding([.character("n"), .character("l")], .nextStep), KeyBinding([.character("p"), .character("h")], .previousStep)],
               in: [.tutorial], "step the demo forward or back inside the section",
               hint: KeyHint("step", rank: 3, presenting: true, keys: [.character("n"), .character("p")])),
        KeyRow([.character("t")], .toggleText, in: [.tutorial],
               "hide the tutorial text for the demo alone, or show it",
               hint: KeyHint("demo", rank: 2, presenting: true, toggled: "text")),
        KeyRow([KeyBinding([.character("g"), .home], .firstStep), KeyBinding([.character("G"), .end], .lastStep)],
               in: [.demo, .party], "first step, last step"),
        KeyRow([KeyBinding([.character("g"), .home], .sectionStep), KeyBinding([.character("G"), .end], .lastStep)],
               in: [.tutorial], "back to the section's step, the run's last step"),
        KeyRow([KeyBinding([.character("]")], .nextMessage), KeyBinding([.character("[")], .previousMessage)],
               in: screen, "the next or previous step that puts a message on the wire"),
        KeyRow([KeyBinding([.character("}")], .nextPhase), KeyBinding([.character("{")], .previousPhase)],
               in: screen, "the start of the next or this (then the previous) phase: provisioning, exchange, media, join..."),
        KeyRow([.character(":")], .openGoTo, in: screen, "go to a step: a number, first, last, send:MESSAGE, receive:MESSAGE",
               hint: KeyHint("go to", rank: 2)),
        KeyRow([.enter], .goToConfirm, in: [.goTo], "go to the step typed (add #N for the N-th: send:I_MESSAGE_1#2)",
               hint: KeyHint("go", rank: 1)),
        KeyRow([.backspace], .goToErase, in: [.goTo], "erase the last character"),
        KeyRow([KeyBinding([.tab], .focusNext), KeyBinding([.backTab], .focusPrevious)],
               in: screen, "focus the next or previous area", hint: KeyHint("focus", rank: 2)),
        KeyRow([KeyBinding([.up], .selectPrevious), KeyBinding([.down], .selectNext)],
               in: screen + [.valueDetail], "select a value, a message or a field; scroll the text"),
        KeyRow([KeyBinding([.pageUp], .pagePrevious), KeyBinding([.pageDown], .pageNext)],
               in: [.demo, .party], "the same, a page at a time"),
        KeyRow([KeyBinding([.pageUp], .scrollTextPageUp), KeyBinding([.pageDown], .scrollTextPageDown)],
               in: [.tutorial], "scroll the tutorial text"),
        KeyRow([.character("v")], .showValue, in: screen, "the selected value in full (or why it is out of reach)"),
        KeyRow([.character("x")], .toggleInspectorMode, in: screen, "inspector: decoded fields, hex, or SIP carriage",
               hint: KeyHint("hex", rank: 3)),
        KeyRow([.character("o")], .openLayersAs, in: screen,
               "inspector: open the IBE layers as the next party"),
        KeyRow([.character("e")], .toggleEve, in: runs, "eavesdropper view: what Eve holds and cannot compute",
               hint: KeyHint("Eve", rank: 2)),
        KeyRow([.character("k")], .toggleKMS, in: runs, "KMS view: what a curious KMS can read, and not",
               hint: KeyHint("KMS", rank: 2)),
        KeyRow([KeyBinding([.character("f")], .forking), KeyBinding([.character("r")], .retargeting),
                KeyBinding([.character("d")], .deferred)],
               in: [.demo], "forking, retargeting, deferred delivery (again: basic)",
               hint: KeyHint("cases", rank: 3, keys: [.character("f"), .character("r"), .character("d")])),
        KeyRow([.character("s")], .openScenarioMenu, in: [.demo], "scenario menu", hint: KeyHint("scenarios", rank: 1)),
        KeyRow([.character("m")], .openModes, in: [.demo], "MIKEY's modes side by side, measured from their runs",
               hint: KeyHint("modes", rank: 3)),
        KeyRow([.character("s"), .character("f"), .character("r"), .character("d")], .scenarioChosenBySection,
               in: [.tutorial], "off: each section chooses its scenario"),
        KeyRow([.character("s"), .character("f"), .character("r"), .character("d"), .character("m"), .character("A"),
                .character("e"), .character("k"), .character("w")], .followsOneParty,
               in: [.party], "off: this screen follows one party's real calls, and only it (the scenarios are in mikey-ibake itself)"),
        KeyRow([KeyBinding([.character("P")], .toggleAutoplay), KeyBinding([.character("+"), .character("=")], .faster),
                KeyBinding([.character("-"), .character("_")], .slower)],
               in: [.demo, .party], "autoplay on or off, faster, slower", hint: KeyHint("play", rank: 3)),
        KeyRow([.character("w")], .toggleWhoKnows, in: runs, "who knows what: every value, every party, at this step",
               hint: KeyHint("who knows", rank: 2)),
        KeyRow([.character("w"), .escape], .toggleWhoKnows, in: [.whoKnows], "back to the panes",
               hint: KeyHint("panes", rank: 1)),
        KeyRow([.character("m")], .togglePin, in: [.whoKnows],
               "pin the chosen value (or unpin it): it stays on top, each party's side by side, = or ≠, across steps",
               hint: KeyHint("pin", rank: 2)),
        KeyRow([.character("A")], .openAttackMenu, in: runs,
               "what if Eve attacks this step's message (flip a field, drop...)",
               hint: KeyHint("attack", rank: 2)),
        KeyRow([.escape], .leaveBranch, in: runs, "back from a what-if branch to the main line (in a tutorial, the section's run), at the same step"),
        KeyRow([KeyBinding([.up], .menuPrevious), KeyBinding([.down], .menuNext)], in: [.attackMenu], "choose an attack",
               hint: KeyHint("choose", rank: 1, keys: [.up, .down])),
        KeyRow([.enter, .character(" "), .right], .menuChoose, in: [.attackMenu],
               "run the branch: the same run until this message, then Eve acts",
               hint: KeyHint("run it", rank: 1)),
        KeyRow([.character("z")], .enterPresenter, in: screen, "presenter mode: the step's message or new value, large",
               hint: KeyHint("presenter", rank: 3)),
        KeyRow([.character("z"), .escape], .leavePresenter, in: [.presenter], "back to the normal view",
               hint: KeyHint("normal view", rank: 0, presenting: true)),
        KeyRow([.character("S")], .saveFrame, in: screen,
               "save the screen as .txt and .svg in this directory"),
        KeyRow([.character("?")], .openHelp, in: screen, "help: the keys of the screen", hint: KeyHint("help", rank: 0, presenting: true)),
        KeyRow([.character("?"), .escape], .closeOverlay, in: [.help], "close this help (so does any key but q and the arrows)"),
        KeyRow([KeyBinding([.up, .pageUp], .helpScrollUp), KeyBinding([.down, .pageDown], .helpScrollDown)], in: [.help],
               "scroll the list on a low screen"),
        KeyRow([KeyBinding([.up], .menuPrevious), KeyBinding([.down], .menuNext)], in: [.scenarioMenu], "choose a scenario",
               hint: KeyHint("choose", rank: 1, keys: [.up, .down])),
        KeyRow([KeyBinding([.home], .menuFirst), KeyBinding([.end], .menuLast)], in: [.scenarioMenu, .modes],
               "the first, the last entry"),
        KeyRow([.enter, .character(" "), .right], .menuChoose, in: [.scenarioMenu],
               "switch to it (at the step that means the same)",
               hint: KeyHint("switch (same step where it means the same)", rank: 1)),
        KeyRow([.escape], .closeOverlay, in: [.goTo], "close without going anywhere", hint: KeyHint("cancel", rank: 1)),
        KeyRow([KeyBinding([.up], .menuPrevious), KeyBinding([.down], .menuNext)], in: [.modes], "choose a mode",
               hint: KeyHint("choose", rank: 1, keys: [.up, .down])),
        KeyRow([.enter, .character(" "), .right], .menuChoose, in: [.modes], "open its run in the panes",
               hint: KeyHint("open its run", rank: 1)),
        KeyRow([.escape], .closeOverlay, in: [.scenarioMenu, .valueDetail, .attackMenu, .modes], "close (so does any key but q)",
               hint: KeyHint("close", rank: 1)),
        KeyRow([.character("q"), .ctrlC], .quit, in: KeyContext.allCases.filter { $0 != .goTo }, "quit",
               hint: KeyHint("quit", rank: 0, presenting: true)),
        KeyRow([.ctrlC], .quit, in: [.goTo], "quit (q is typed here)"),
    ]

    public static let clicks: [ClickRow] = [
        ClickRow(contexts: screen, help: "select a pane, a value, a message or the text"),
        ClickRow(contexts: [.scenarioMenu], help: "on a scenario: switch to it"),
        ClickRow(contexts: overlays, help: "beside the box: close it"),
    ]

    /// The rows of one context, in table order.
    public static func rows(in context: KeyContext) -> [KeyRow] {
        rows.filter { $0.contexts.contains(context) }
    }

    /// The row and binding `key` reaches in `contexts` (the first context binding it
    /// wins), or nil when no row binds it.
    static func lookup(_ key: Key, in contexts: [KeyContext]) -> (row: Int, binding: KeyBinding)? {
        for context in contexts {
            for (index, row) in rows.enumerated() where row.contexts.contains(context) {
                if let binding = row.bindings.first(where: { $0.keys.contains(key) }) { return (index, binding) }
            }
        }
        return nil
    }

    /// What `key` does in `contexts`: its row's action, else the first context's
    /// `otherKeys` (an overlay closes), else nothing.
    public static func action(for key: Key, in contexts: [KeyContext]) -> KeyAction? {
        lookup(key, in: contexts)?.binding.action ?? contexts.first?.otherKeys
    }

    /// The rows of `contexts` as the user meets them: table order, each row with only
    /// the keys that reach it (a key an earlier context binds is shown there instead).
    public static func visibleRows(in contexts: [KeyContext]) -> [KeyRow] {
        rows.enumerated().compactMap { index, row in
            guard row.contexts.contains(where: contexts.contains) else { return nil }
            let bindings = row.bindings.compactMap { binding -> KeyBinding? in
                let keys = binding.keys.filter { lookup($0, in: contexts)?.row == index }
                return keys.isEmpty ? nil : KeyBinding(keys, binding.action)
            }
            return bindings.isEmpty ? nil : KeyRow(bindings, in: row.contexts, row.help, hint: row.hint)
        }
    }

    /// The clicks documented in `contexts`.
    public static func clicks(in contexts: [KeyContext]) -> [ClickRow] {
        clicks.filter { $0.contexts.contains(where: contexts.contains) }
    }
}
