import TUI

extension TerminalScreen {
    /// The Elm-style loop: render the state, wait for an event, turn it into a
    /// message, `update`, render again, until `update` says quit or input closes.
    ///
    /// Every frame is rendered whole from the state; the backend (ncurses) sends only
    /// the cells that changed. Resizes always re-render at the new size, even when
    /// `messages` ignores them.
    ///
    /// - Parameters:
    ///   - initial: the first state, rendered before any input is read.
    ///   - tick: when set, a `.tick` event is offered to `messages` at this interval
    ///     (autoplay, animations). Input does not delay ticks.
    ///   - inbox: messages posted from other tasks (a timeline computed in the
    ///     background); checked at least every `inboxPollInterval`.
    ///   - messages: the app's message for an event, or nil to ignore it.
    ///   - update: the pure state transition.
    ///   - render: the pure view, called with the screen's current size.
    /// - Returns: the final state.
    @discardableResult
    public func run<State, Message>(
        initial: State,
        tick: Duration? = nil,
        inbox: MessageInbox<Message>? = nil,
        inboxPollInterval: Duration = .milliseconds(50),
        messages: (Event) -> Message?,
        update: (State, Message) -> Transition<State>,
        render: (State, Size) -> Canvas
    ) -> State {
        var state = initial
        let clock = ContinuousClock()
        var nextTick = tick.map { clock.now.advanced(by: $0) }
        draw(render(state, size))

        while true {
            var dirty = false
            for message in inbox?.drain() ?? [] {
                let result = update(state, message)
                state = result.state
                if result.quit { return state }
                dirty = true
            }
            if dirty { draw(render(state, size)) }
            dirty = false

            var wait: Duration? = nextTick.map { max(.zero, clock.now.duration(to: $0)) }
            if inbox != nil { wait = min(wait ?? inboxPollInterval, inboxPollInterval) }

            switch nextInput(timeout: wait) {
            case .closed:
                return state
            case .nothing:
                break
            case .event(let event):
                dirty = true   // at least a resize needs a new frame, mapped or not
                if let message = messages(event) {
                    let result = update(state, message)
                    state = result.state
                    if result.quit { return state }
                }
            }

            if let due = nextTick, let tick, clock.now >= due {
                // After a long stall, resume from now rather than firing a burst of ticks.
                let following = due.advanced(by: tick)
                nextTick = following > clock.now ? following : clock.now.advanced(by: tick)
                if let message = messages(.tick) {
                    let result = update(state, message)
                    state = result.state
                    if result.quit { return state }
                    dirty = true
                }
            }
            if dirty { draw(render(state, size)) }
        }
    }

    /// `run` for apps whose messages are the events themselves.
    @discardableResult
    public func run<State>(
        initial: State,
        tick: Duration? = nil,
        update: (State, Event) -> Transition<State>,
        render: (State, Size) -> Canvas
    ) -> State {
        run(
            initial: initial, tick: tick, inbox: MessageInbox<Event>?.none,
            messages: { $0 }, update: update, render: render
        )
    }
}
