import Demonstrator
import Scenarios
import Synchronization
import TerminalBackend

/// Builds timelines off the main loop, one at a time (the machine may have two
/// cores and other work), most wanted first. Each result is posted to the inbox as
/// `.built`, which the run loop hands to `update`; each scenario is built once.
final class BuildQueue: Sendable {
    private struct Queue {
        var waiting: [ScenarioName] = []
        var started: Set<ScenarioName> = []
        var working = false
    }

    private let config: AppConfig
    private let inbox: MessageInbox<AppMessage>
    private let queue = Mutex(Queue())

    init(config: AppConfig, inbox: MessageInbox<AppMessage>) {
        self.config = config
        self.inbox = inbox
    }

    /// Queues every name not built or building yet, in the order given (the state's
    /// `wantedBuilds`: the awaited scenario before the prefetches).
    func want(_ names: [ScenarioName]) {
        let startWorker = queue.withLock { q -> Bool in
            let fresh = names.filter { !q.started.contains($0) }
            q.waiting = fresh + q.waiting.filter { !fresh.contains($0) }
            guard !q.working, !q.waiting.isEmpty else { return false }
            q.working = true
            return true
        }
        if startWorker { Task.detached { [self] in work() } }
    }

    private func work() {
        while let name = next() {
            inbox.post(.built(name, ScenarioModel.build(name, config: config)))
        }
    }

    private func next() -> ScenarioName? {
        queue.withLock { q in
            guard !q.waiting.isEmpty else {
                q.working = false
                return nil
            }
            let name = q.waiting.removeFirst()
            q.started.insert(name)
            return name
        }
    }
}
