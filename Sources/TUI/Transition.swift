/// What `update` returns: the next state, and whether the program should stop.
///
/// Pure data, so it lives here beside `Event`: an app's `update` returns it without
/// depending on any terminal, and `TerminalScreen.run` (TerminalBackend) consumes it.
public struct Transition<State> {
    public var state: State
    public var quit: Bool

    public init(state: State, quit: Bool = false) {
        self.state = state
        self.quit = quit
    }

    /// Carry on with `state`.
    public static func next(_ state: State) -> Transition { Transition(state: state) }
    /// Stop after this update; `state` is what `run` returns.
    public static func quit(_ state: State) -> Transition { Transition(state: state, quit: true) }
}

extension Transition: Sendable where State: Sendable {}
