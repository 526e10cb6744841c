#if canImport(Glibc)
import Glibc
#endif
import Demonstrator
import Network
import TerminalBackend

/// A network party on the full screen (issue 14): the demonstrator for its own side, its
/// pane, the wire as it sees it, the inspector and its ledger, growing as its calls go
/// on. The party's work runs beside the screen; when it ends (a caller's call is over,
/// or it failed), the screen stays until the user quits, and a failure is reported then.
enum NetScreen {
    static func run(_ party: LiveParty, environment: TerminalEnvironment, plain: @escaping () throws -> Void,
                    work: @escaping @Sendable (@escaping NetLog) async throws -> Void) throws {
        let failure = LockedError()
        let session = FullScreenSession(
            start: { AppState(live: party.model, size: $0) }, environment: environment, presenterColors: false, mouse: true,
            exitAfterFirstFrame: false, check: nil,
            feed: { inbox in
                let key = party.model.timeline.scenario
                let log: NetLog = { event in
                    if let model = party.record(event) { inbox.post(.built(BuildKey(key, party.config), .ready(model))) }
                }
                Task.detached {
                    do {
                        try await work(log)
                    } catch {
                        failure.set(error)
                        log(NetEvent("stopped", [("reason", "\(error)")]))
                    }
                }
            })
        do {
            try MainActor.assumeIsolated { try session.run() }
        } catch let error as CursesTerminal.OpenError {
            var standardError = StandardError()
            print("mikey-ibake: \(error); printing one line per event", to: &standardError)
            return try plain()
        }
        if let error = failure.get() {
            let failure = error as? CommandFailure ?? CommandFailure.failed("\(error)")
            failure.reportAndExit()
        }
        // The party may still be serving on another thread: leave at once, as the
        // demonstrator does, without exit-time cleanup under it.
        fflush(nil)
        _exit(0)
    }
}
