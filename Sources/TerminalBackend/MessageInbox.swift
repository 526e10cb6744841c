import Synchronization

/// A thread-safe queue of app messages posted from outside the run loop (a
/// background task computing a timeline, a file watcher). The loop drains it
/// between inputs, so work off the main actor never blocks the screen.
public final class MessageInbox<Message: Sendable>: Sendable {
    private let queue = Mutex<[Message]>([])

    public init() {}

    /// Adds `message`; it reaches `update` within one poll interval.
    public func post(_ message: Message) {
        queue.withLock { $0.append(message) }
    }

    /// Removes and returns everything posted so far, oldest first.
    public func drain() -> [Message] {
        queue.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
