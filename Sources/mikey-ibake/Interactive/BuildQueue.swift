import Demonstrator
import Scenarios
import Synchronization
import TerminalBackend

/// Builds timelines off the main loop, one at a time (the machine may have two
/// cores and other work), most wanted first. Each result is posted to the inbox as
/// `.built`, which the run loop hands to `update`; each timeline is built once, and the
/// builds of one configuration share their IBE work (a branch finds its main line's).
final class BuildQueue: Sendable {
    private struct Queue {
        var waiting: [BuildKey] = []
        var started: Set<BuildKey> = []
        var working = false
    }

    private let inbox: MessageInbox<AppMessage>
    private let queue = Mutex(Queue())
    private let memos = BuildMemos()

    init(inbox: MessageInbox<AppMessage>) {
        self.inbox = inbox
    }

    /// Queues every build not done or under way yet, in the order given (the state's
    /// `wantedBuilds`: the one on screen or awaited before the prefetches).
    func want(_ keys: [BuildKey]) {
        let startWorker = queue.withLock { q -> Bool in
            let fresh = keys.filter { !q.started.contains($0) }
            q.waiting = fresh + q.waiting.filter { !fresh.contains($0) }
            guard !q.working, !q.waiting.isEmpty else { return false }
            q.working = true
            return true
        }
        if startWorker { Task.detached { [self] in work() } }
    }

    private func work() {
        while let key = next() {
            inbox.post(.built(key, ScenarioModel.build(key, memos: memos)))
        }
    }

    private func next() -> BuildKey? {
        queue.withLock { q in
            guard !q.waiting.isEmpty else {
                q.working = false
                return nil
            }
            let key = q.waiting.removeFirst()
            q.started.insert(key)
            return key
        }
    }
}
